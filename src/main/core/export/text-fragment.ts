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
export function textDirective(source: string | FragmentText, start: number, end: number): string {
  const prepared = typeof source === 'string' ? fragmentText(source) : source
  const { text } = prepared
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
      start: (blocks[0] as string).split(' ').slice(0, EDGE_WORDS).join(' '),
      end: (blocks[blocks.length - 1] as string).split(' ').slice(-EDGE_WORDS).join(' '),
    }
  }
  if (!matchesOnly(prepared, terms, start, end)) {
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
  if (windowStart > from && !/\s/.test(text.charAt(windowStart - 1))) words.shift()
  return words.slice(-CONTEXT_WORDS).join(' ')
}

function firstWords(text: string, after: number, to: number): string {
  const windowEnd = Math.min(to, after + 80)
  const words = normalize(text.slice(after, windowEnd)).split(' ')
  if (windowEnd < to && !/\s/.test(text.charAt(windowEnd))) words.pop()
  return words.slice(0, CONTEXT_WORDS).join(' ')
}

/**
 * A source text made ready for matching directives against it: lowercased once, so candidates
 * are found with indexOf and the (Unicode, look-behind) pattern is tried only where one starts.
 */
export interface FragmentText {
  text: string
  /** `text` lowercased, offset for offset; null when lowercasing would shift offsets. */
  lowered: string | null
}

/** Long s folds to "s" when matching case-insensitively, yet stays itself when lowercased. */
const FOLDS_UNLIKE_LOWERCASE = /\u017f/

export function fragmentText(text: string): FragmentText {
  const lowered = text.toLowerCase()
  const aligned = lowered.length === text.length && !FOLDS_UNLIKE_LOWERCASE.test(text)
  return { text, lowered: aligned ? lowered : null }
}

/** A term as browsers match it: case-insensitive, any whitespace between words, whole words. */
function termPattern(term: string): string {
  const words = term.split(' ').map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
  return `(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`
}

/**
 * True when a letter lowercases exactly as case-insensitive matching folds it, so comparing
 * lowercased text finds what the pattern would: ASCII, the Latin letters with accents (é, ß, ÿ),
 * and anything without case. Not the dotted and dotless i, the long s, the micro sign, nor
 * Greek or Cyrillic, whose foldings differ in places (final sigma).
 */
function lowercasesAsItFolds(character: string): boolean {
  if (character <= '\u007f') return true
  if (character.toLowerCase() === character.toUpperCase()) return true
  const code = character.codePointAt(0) as number
  return code >= 0xc0 && code <= 0x24f && code !== 0x130 && code !== 0x131 && code !== 0x17f
}

/** The term's words lowercased, when indexOf in the lowercased text can find them. */
function loweredWords(term: string): string[] | null {
  const words = term.split(' ')
  for (const character of term) if (!lowercasesAsItFolds(character)) return null
  return words[0] === '' ? null : words.map((word) => word.toLowerCase())
}

const SPACE = /\s/
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/** Whitespace as the pattern's \\s has it; a character code test first, the pattern past ASCII. */
function isSpaceAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  if (code === 32 || (code >= 9 && code <= 13)) return true
  return code > 127 && SPACE.test(text[at] as string)
}

/** Where the lowercased words, any whitespace between them, end if they stand at `at`; else -1. */
function wordsEndAt(lowered: string, words: string[], at: number): number {
  let position = at + (words[0] as string).length
  for (let index = 1; index < words.length; index++) {
    if (!isSpaceAt(lowered, position)) return -1
    while (isSpaceAt(lowered, position)) position++
    const word = words[index] as string
    if (!lowered.startsWith(word, position)) return -1
    position += word.length
  }
  return position
}

/** The code point ending at `at` ('' at the start), surrogate pairs whole. */
function codePointBefore(text: string, at: number): string {
  if (at <= 0) return ''
  const low = text.charCodeAt(at - 1)
  const pair = at >= 2 && low >= 0xdc00 && low <= 0xdfff
  return pair ? text.slice(at - 2, at) : text.slice(at - 1, at)
}

function codePointFrom(text: string, at: number): string {
  const point = text.codePointAt(at)
  return point === undefined ? '' : String.fromCodePoint(point)
}

/** The first match of `term` at or after `from`, as [start, end). */
function firstMatch(source: FragmentText, term: string, from: number): [number, number] | null {
  const words = source.lowered === null ? null : loweredWords(term)
  if (words === null || source.lowered === null) {
    const pattern = new RegExp(termPattern(term), 'giu')
    pattern.lastIndex = from
    const found = pattern.exec(source.text)
    return found ? [found.index, found.index + found[0].length] : null
  }
  // Where the longest word stands (the rarest, usually), the words before and after it around it,
  // whole words: what the pattern would match, found without compiling or running it (its
  // letters lowercase as they fold, see loweredWords). If a word before the longest holds it, its
  // places would not come in the order of the matches' starts: then the first word leads.
  const lowered = source.lowered
  let lead = words.reduce(
    (best, word, index) => (word.length > words[best]!.length ? index : best),
    0,
  )
  const needle = words[lead] as string
  if (words.slice(0, lead).some((word) => word.includes(needle))) lead = 0
  const before = words.slice(0, lead)
  const rest = words.slice(lead)
  const leading = words[lead] as string
  for (let at = lowered.indexOf(leading, from); at !== -1; at = lowered.indexOf(leading, at + 1)) {
    const start = wordsStartBefore(lowered, before, at)
    if (start < from) continue
    const end = wordsEndAt(lowered, rest, at)
    if (end === -1) continue
    if (LETTER_OR_DIGIT.test(codePointBefore(source.text, start))) continue
    if (LETTER_OR_DIGIT.test(codePointFrom(source.text, end))) continue
    return [start, end]
  }
  return null
}

/** Where `words`, any whitespace between them and before `at`, start if they end there; else -1. */
function wordsStartBefore(lowered: string, words: string[], at: number): number {
  let position = at
  for (let index = words.length - 1; index >= 0; index--) {
    if (position === 0 || !isSpaceAt(lowered, position - 1)) return -1
    while (position > 0 && isSpaceAt(lowered, position - 1)) position--
    const word = words[index] as string
    if (!lowered.endsWith(word, position)) return -1
    position -= word.length
  }
  return position
}

/** True when the first match of the directive is [start, end) and there is no other. */
function matchesOnly(source: FragmentText, terms: Terms, start: number, end: number): boolean {
  const matches: [number, number][] = []
  for (let from = 0; matches.length < 2;) {
    const found = firstMatch(source, terms.start, from)
    if (!found) break
    let matchEnd = found[1]
    if (terms.end) {
      const last = firstMatch(source, terms.end, matchEnd)
      if (!last) break
      matchEnd = last[1]
    }
    matches.push([found[0], matchEnd])
    // The next start-term match begins after this one's start term, as matchAll goes on.
    from = found[1] > found[0] ? found[1] : found[0] + 1
  }
  if (matches.length !== 1) return false
  const [matchStart, matchEnd] = matches[0] as [number, number]
  return matchStart === start && matchEnd === end
}

/** The URL with any fragment replaced by the text directive. */
export function withTextFragment(url: string, fragment: string): string {
  return url.replace(/#.*$/, '') + fragment
}
