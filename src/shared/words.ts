// Where words begin and end, the one rule for every place that cuts text into words: a changed
// passage's new extent, the word diff a writer reads before accepting it, and the accepted quote.
// Unicode-aware: letters, marks and digits of any script; an apostrophe between two letters stays
// inside its word ("Baker’s", "don't"); Chinese and Japanese have no spaces, so there each
// character is a word of its own.

const WORD_CHARACTER = /[\p{L}\p{M}\p{N}\p{Pc}]/u
const MARK = /\p{M}/u
const EACH_CHARACTER_A_WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u
const APOSTROPHES = new Set(["'", '’'])
const ZERO_WIDTH_JOINER = '\u200d'

/** The code point that ends just before UTF-16 offset `at` ('' at the start). */
function codePointBefore(text: string, at: number): string {
  if (at <= 0) return ''
  const low = text.charCodeAt(at - 1)
  if (at >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(at - 2)
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(at - 2, at)
  }
  return text[at - 1] ?? ''
}

/** The code point that starts at UTF-16 offset `at` ('' at the end). */
function codePointAt(text: string, at: number): string {
  const point = text.codePointAt(at)
  return point === undefined ? '' : String.fromCodePoint(point)
}

function isWordCharacter(character: string): boolean {
  return character !== '' && WORD_CHARACTER.test(character)
}

function standsAlone(character: string): boolean {
  return EACH_CHARACTER_A_WORD.test(character)
}

/** Letters on both sides of an offset that no space or punctuation separates. */
function joinsLetters(before: string, after: string): boolean {
  if (!isWordCharacter(before) || !isWordCharacter(after)) return false
  // A combining mark belongs to the character before it, whatever its script.
  if (MARK.test(after)) return true
  return !standsAlone(before) && !standsAlone(after)
}

/**
 * True when a cut at `at` would split something a reader sees as one: a word, an apostrophe
 * between letters, a surrogate pair, a character and its combining marks.
 */
export function isInsideWord(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false
  const code = text.charCodeAt(at)
  if (code >= 0xdc00 && code <= 0xdfff && at > 0) {
    const high = text.charCodeAt(at - 1)
    if (high >= 0xd800 && high <= 0xdbff) return true
  }
  const before = codePointBefore(text, at)
  const after = codePointAt(text, at)
  if (before === ZERO_WIDTH_JOINER || after === ZERO_WIDTH_JOINER) return true
  if (joinsLetters(before, after)) return true
  if (APOSTROPHES.has(after)) {
    // "Baker|’s": the apostrophe and the letters after it are the same word.
    const next = codePointAt(text, at + after.length)
    return joinsLetters(before, next)
  }
  if (APOSTROPHES.has(before)) {
    // "Baker’|s"
    const previous = codePointBefore(text, at - before.length)
    return joinsLetters(previous, after)
  }
  return false
}

export function isWordBoundary(text: string, at: number): boolean {
  return !isInsideWord(text, at)
}

/** Moves `at` left until it is a word boundary (never right). */
export function boundaryAtOrBefore(text: string, at: number): number {
  let position = Math.max(0, Math.min(at, text.length))
  while (isInsideWord(text, position)) position--
  return position
}

/** Moves `at` right until it is a word boundary (never left). */
export function boundaryAtOrAfter(text: string, at: number): number {
  let position = Math.max(0, Math.min(at, text.length))
  while (isInsideWord(text, position)) position++
  return position
}

/**
 * Grows [start, end) outward to the nearest word boundaries, then drops whitespace at its edges:
 * the extent then holds whole words only, and every word it held before.
 */
export function wholeWordExtent(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  let from = boundaryAtOrBefore(text, start)
  let to = boundaryAtOrAfter(text, Math.max(end, from))
  while (from < to && /\s/.test(text[from] ?? '')) from++
  while (to > from && /\s/.test(text[to - 1] ?? '')) to--
  return { start: from, end: to }
}

/** The word boundaries from `at` leftward (or rightward), nearest first, `count` of them at most. */
export function boundariesOutward(
  text: string,
  at: number,
  direction: 'before' | 'after',
  count: number,
): number[] {
  const found: number[] = []
  let position = at
  while (found.length < count) {
    const next =
      direction === 'before' ? previousWordStart(text, position) : nextWordEnd(text, position)
    if (next === position) break
    found.push(next)
    position = next
  }
  return found
}

/** The start of the word (or other token) before `at`, skipping whitespace. */
function previousWordStart(text: string, at: number): number {
  let position = at
  while (position > 0 && /\s/.test(text[position - 1] ?? '')) position--
  if (position === 0) return 0
  position--
  while (isInsideWord(text, position)) position--
  return position
}

/** The end of the word (or other token) after `at`, skipping whitespace. */
function nextWordEnd(text: string, at: number): number {
  let position = at
  while (position < text.length && /\s/.test(text[position] ?? '')) position++
  if (position === text.length) return text.length
  position++
  while (isInsideWord(text, position)) position++
  return position
}

/**
 * Past the word that `at` is inside, and the punctuation that clings to its end ("than," -> "as"):
 * where the rest of the text begins, so a fragment of a word is left out whole.
 */
export function afterWordAt(text: string, at: number): number {
  let position = boundaryAtOrAfter(text, at)
  while (position < text.length && isClinging(text[position] ?? '')) position++
  while (position < text.length && /\s/.test(text[position] ?? '')) position++
  return position
}

/** Before the word that `at` is inside, and the punctuation that clings to its start. */
export function beforeWordAt(text: string, at: number): number {
  let position = boundaryAtOrBefore(text, at)
  while (position > 0 && isClinging(text[position - 1] ?? '')) position--
  while (position > 0 && /\s/.test(text[position - 1] ?? '')) position--
  return position
}

/** Punctuation or a symbol: neither a word character nor a space. */
function isClinging(character: string): boolean {
  return character !== '' && !/\s/.test(character) && !isWordCharacter(character)
}

/**
 * Text cut into words, runs of whitespace, and single other characters (punctuation, symbols),
 * by the same rule as {@link isInsideWord}. Joined, the tokens are the text again.
 */
export function wordTokens(text: string): string[] {
  const tokens: string[] = []
  let start = 0
  for (let at = 1; at <= text.length; at++) {
    if (at < text.length && isInsideWord(text, at)) continue
    const isSpace = /\s/.test(text[at - 1] ?? '')
    if (at < text.length && isSpace && /\s/.test(text[at] ?? '')) continue
    tokens.push(text.slice(start, at))
    start = at
  }
  return tokens
}
