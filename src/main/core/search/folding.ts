/**
 * Case and accent folding that keeps every UTF-16 unit in place: the folded text has the same
 * length as the original, so an offset found in it is an offset in the original (highlights,
 * the reader's scroll position) without a mapping table. "É" becomes "e", "İ" becomes "i", any
 * whitespace a plain space; a character whose fold would take more units stays as it is.
 */
const table = new Uint16Array(0x10000)

function foldUnit(code: number): number {
  const known = table[code] as number
  if (known !== 0) return known
  let folded = code
  if (code < 0xd800 || code > 0xdfff) {
    const char = String.fromCharCode(code)
    if (/\s/.test(char)) folded = 32
    else {
      const decomposed = char.normalize('NFD')
      // Only drop what decomposition adds as marks: Hangul syllables decompose into letters.
      const base = /^.\p{M}+$/su.test(decomposed) ? (decomposed[0] as string) : char
      const lower = base.toLowerCase()
      folded = lower.length === 1 ? lower.charCodeAt(0) : base.charCodeAt(0)
    }
  }
  table[code] = folded
  return folded
}

/** Folds `text` unit by unit; the result has the same length. */
export function foldText(text: string): string {
  let out = ''
  let runStart = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    // Plain lowercase ASCII letters, digits and spaces (most text) are copied in runs.
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 32) continue
    const folded = foldUnit(code)
    if (folded === code) continue
    out += text.slice(runStart, i) + String.fromCharCode(folded)
    runStart = i + 1
  }
  return runStart === 0 ? text : out + text.slice(runStart)
}

/** What a query is compared as: composed first (so "e\u0301" meets "é"), then folded. */
export function foldQuery(query: string): string {
  return foldText(query.normalize('NFC'))
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu
const MARKS = /\p{M}/gu
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/u
const CJK_RUNS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu

export function hasCjk(text: string): boolean {
  return CJK.test(text)
}

/** One word of folded text as index terms: itself, or for Chinese and Japanese its characters and their pairs. */
function termsOfWord(word: string, out: string[]): void {
  if (!CJK.test(word)) {
    out.push(word)
    return
  }
  for (const [run] of word.matchAll(CJK_RUNS)) {
    if (!CJK.test(run)) {
      out.push(run)
      continue
    }
    const chars = [...run]
    for (let i = 0; i < chars.length; i++) {
      out.push(chars[i] as string)
      if (i + 1 < chars.length) out.push((chars[i] as string) + (chars[i + 1] as string))
    }
  }
}

/** The index terms of folded text (duplicates included). */
export function termsOf(folded: string): string[] {
  const out: string[] = []
  for (const [match] of folded.matchAll(WORD)) {
    const word = match.replace(MARKS, '')
    if (word) termsOfWord(word, out)
  }
  return out
}

/** The words of folded text as the query names them (no CJK pairs), in order. */
export function wordsOf(folded: string): string[] {
  const out: string[] = []
  for (const [match] of folded.matchAll(WORD)) {
    const word = match.replace(MARKS, '')
    if (word) out.push(word)
  }
  return out
}

/** The words of folded text in order, as `wordsOf` gives them, and where each begins. */
export function wordsAndStarts(folded: string): { words: string[]; starts: number[] } {
  const words: string[] = []
  const starts: number[] = []
  for (const match of folded.matchAll(WORD)) {
    const word = match[0].replace(MARKS, '')
    if (!word) continue
    words.push(word)
    starts.push(match.index)
  }
  return { words, starts }
}

/**
 * The terms a query word must find: a Latin word is one term; a run of Chinese or Japanese
 * characters is its character pairs (one character: itself), and adjacency is then checked
 * against the text itself.
 */
export function queryTermsOf(word: string): string[] {
  if (!CJK.test(word)) return [word]
  const out: string[] = []
  for (const [run] of word.matchAll(CJK_RUNS)) {
    if (!CJK.test(run)) {
      out.push(run)
      continue
    }
    const chars = [...run]
    if (chars.length === 1) out.push(run)
    for (let i = 0; i + 1 < chars.length; i++)
      out.push((chars[i] as string) + (chars[i + 1] as string))
  }
  return out
}
