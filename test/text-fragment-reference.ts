// The text-fragment directive as it was computed before candidates were found with indexOf: one
// Unicode look-behind regex over the whole text per term. Kept only as the oracle the faster
// search is checked against.
// URL Fragment Text Directives (#:~:text=[prefix-,]start[,end][,-suffix]): a link that opens the
// source page scrolled to, and highlighting, the quoted passage.

/** The spec reserves "&", "," and "-" inside a directive; encodeURIComponent leaves "-" alone. */
export function encodeDirectiveText(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D')
}

/** Long quotes are addressed by their first and last words, as browsers do when sharing. */
const MAX_EXACT = 80
const EDGE_WORDS = 4
const CONTEXT_WORDS = 3

interface Terms {
  start: string
  end?: string
  prefix?: string
  suffix?: string
}

/**
 * The directive for `text.slice(start, end)` of a source's text (blocks separated by newlines).
 * Browsers highlight the first match, and match within one block, so a quote spanning blocks is
 * addressed by its first and last words, and context is added when the directive alone would
 * match anywhere else.
 */
export function regexOnlyTextDirective(text: string, start: number, end: number): string {
  const blocks = text
    .slice(start, end)
    .split(/\n+/)
    .map(normalize)
    .filter((block) => block !== '')
  if (blocks.length === 0) return ''
  const quote = blocks.join(' ')
  const words = quote.split(' ')
  let terms: Terms
  if (blocks.length === 1 && (quote.length <= MAX_EXACT || words.length <= EDGE_WORDS * 2)) {
    terms = { start: quote }
  } else {
    terms = {
      start: blocks[0]!.split(' ').slice(0, EDGE_WORDS).join(' '),
      end: blocks[blocks.length - 1]!.split(' ').slice(-EDGE_WORDS).join(' '),
    }
  }
  if (!matchesOnly(text, terms, start, end)) {
    const lineStart = text.lastIndexOf('\n', start - 1) + 1
    const lineEnd = text.indexOf('\n', end) === -1 ? text.length : text.indexOf('\n', end)
    // Context from the quote's own blocks when there is some; else from across their edges.
    terms.prefix = lastWords(text, start, lineStart) || lastWords(text, start, 0)
    terms.suffix = firstWords(text, end, lineEnd) || firstWords(text, end, text.length)
  }
  let directive = encodeDirectiveText(terms.start)
  if (terms.end) directive += `,${encodeDirectiveText(terms.end)}`
  if (terms.prefix) directive = `${encodeDirectiveText(terms.prefix)}-,${directive}`
  if (terms.suffix) directive += `,-${encodeDirectiveText(terms.suffix)}`
  return `#:~:text=${directive}`
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Up to CONTEXT_WORDS whole words of `text[from, before)`, ending just before `before`. */
function lastWords(text: string, before: number, from: number): string {
  const windowStart = Math.max(from, before - 80)
  const words = normalize(text.slice(windowStart, before)).split(' ')
  // A word cut by the window is not a whole word.
  if (windowStart > from && !/\s/.test(text[windowStart - 1]!)) words.shift()
  return words.slice(-CONTEXT_WORDS).join(' ')
}

function firstWords(text: string, after: number, to: number): string {
  const windowEnd = Math.min(to, after + 80)
  const words = normalize(text.slice(after, windowEnd)).split(' ')
  if (windowEnd < to && !/\s/.test(text[windowEnd]!)) words.pop()
  return words.slice(0, CONTEXT_WORDS).join(' ')
}

/** A term as browsers match it: case-insensitive, any whitespace between words, whole words. */
function termPattern(term: string): string {
  const words = term.split(' ').map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
  return `(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`
}

/** True when the first match of the directive is [start, end) and there is no other. */
function matchesOnly(text: string, terms: Terms, start: number, end: number): boolean {
  const startTerm = new RegExp(termPattern(terms.start), 'giu')
  const endTerm = terms.end ? new RegExp(termPattern(terms.end), 'giu') : undefined
  const matches: [number, number][] = []
  for (const found of text.matchAll(startTerm)) {
    let matchEnd = found.index + found[0].length
    if (endTerm) {
      endTerm.lastIndex = matchEnd
      const last = endTerm.exec(text)
      if (!last) break
      matchEnd = last.index + last[0].length
    }
    matches.push([found.index, matchEnd])
    if (matches.length > 1) break
  }
  return matches.length === 1 && matches[0]![0] === start && matches[0]![1] === end
}
