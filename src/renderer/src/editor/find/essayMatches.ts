// Where a phrase is in the essay's own text (paragraphs, headings, quotes, lists): the text of
// each top-level block, its text nodes in order, searched without regard to case. A citation
// block's quote is the source's words, found with the clippings' search, not here.

/** One text node's text, by its Lexical key; `parent` keeps list items and runs apart. */
export interface TextRun {
  key: string
  text: string
  parent: string
}

/** A match: from `start` in one text node to `end` in the same or a later one of the block. */
export interface EssayMatch {
  block: string
  start: { key: string; offset: number }
  end: { key: string; offset: number }
}

/** At most this many matches are listed: a word in every paragraph of a long essay is enough. */
export const MAX_MATCHES = 1000

/**
 * Lower case of equal length, so offsets in it are offsets in the text (the few letters whose
 * lower case is longer, as "İ", are compared as they are).
 */
function fold(text: string): string {
  const lower = text.toLowerCase()
  if (lower.length === text.length) return lower
  return Array.from(text, (char) => {
    const folded = char.toLowerCase()
    return folded.length === char.length ? folded : char
  }).join('')
}

/** Every place `query` is in the blocks' text, in order (none for an empty query). */
export function findInBlocks(
  blocks: readonly { key: string; runs: readonly TextRun[] }[],
  query: string,
): EssayMatch[] {
  const wanted = fold(query)
  const matches: EssayMatch[] = []
  if (wanted.trim() === '') return matches
  for (const block of blocks) {
    // The block's text, a run after another; a break between runs of different parents (two list
    // items) that no query holds, so a match never spans them.
    let haystack = ''
    const starts: number[] = []
    block.runs.forEach((run, index) => {
      if (index > 0 && block.runs[index - 1]?.parent !== run.parent) haystack += '\n'
      starts.push(haystack.length)
      haystack += fold(run.text)
    })
    const at = (position: number, isEnd: boolean): { key: string; offset: number } => {
      // The run holding `position`; an end at a run's end stays in that run.
      let index = starts.length - 1
      while (
        index > 0 &&
        (isEnd ? (starts[index] ?? 0) >= position : (starts[index] ?? 0) > position)
      )
        index--
      const run = block.runs[index] as TextRun
      return { key: run.key, offset: position - (starts[index] ?? 0) }
    }
    for (let from = haystack.indexOf(wanted); from !== -1;) {
      matches.push({
        block: block.key,
        start: at(from, false),
        end: at(from + wanted.length, true),
      })
      if (matches.length >= MAX_MATCHES) return matches
      from = haystack.indexOf(wanted, from + wanted.length)
    }
  }
  return matches
}
