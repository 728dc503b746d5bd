import { foldQuery, foldText, hasCjk, queryTermsOf, wordsOf } from './folding'

export interface QueryTerm {
  /** A folded index term. */
  term: string
  /** The last word as typed: it matches every term it begins. */
  prefix: boolean
}

export interface ParsedQuery {
  terms: QueryTerm[]
  /** Folded word sequences a result must contain as they are ("quoted", or CJK runs). */
  phrases: string[]
  /** What to mark in a result's text: words (the last one as a prefix) and phrases. */
  marks: { words: string[]; prefix: string | null; phrases: string[] }
}

/**
 * Reads a search as the user typed it: "quoted" parts are exact phrases, the other words are
 * all required, and the last word, while it is still being typed, matches as a prefix.
 */
export function parseQuery(raw: string): ParsedQuery {
  const terms: QueryTerm[] = []
  const phrases: string[] = []
  const words: string[] = []
  let prefix: string | null = null
  const parts = raw.split('"')
  const stillTyping = !/[\s"]$/.test(raw)
  parts.forEach((part, index) => {
    const quoted = index % 2 === 1
    const partWords = wordsOf(foldQuery(part))
    if (quoted) {
      if (partWords.length === 0) return
      phrases.push(partWords.join(' '))
      for (const word of partWords)
        for (const term of queryTermsOf(word)) terms.push({ term, prefix: false })
      return
    }
    partWords.forEach((word, at) => {
      const last = index === parts.length - 1 && at === partWords.length - 1 && stillTyping
      if (hasCjk(word)) {
        phrases.push(word)
        for (const term of queryTermsOf(word)) terms.push({ term, prefix: false })
      } else if (last) {
        terms.push({ term: word, prefix: true })
        prefix = word
      } else {
        terms.push({ term: word, prefix: false })
        words.push(word)
      }
    })
  })
  return { terms, phrases, marks: { words, prefix, phrases } }
}

/**
 * A test of whether words-only folded text (see `wordForm`) holds the phrase as whole words. Made
 * once per phrase: a common phrase is tested against tens of thousands of clippings, and asking
 * each time whether it is Chinese or Japanese took half of that.
 */
export function phraseTest(phrase: string): (wordForm: string) => boolean {
  if (hasCjk(phrase)) return (wordForm) => wordForm.includes(phrase)
  // Found where a word starts and ends: no padded copy of the text (the copies were most of the
  // time once).
  return (wordForm) => {
    for (let at = wordForm.indexOf(phrase); at !== -1; at = wordForm.indexOf(phrase, at + 1)) {
      const end = at + phrase.length
      if (
        (at === 0 || wordForm.charCodeAt(at - 1) === SPACE) &&
        (end === wordForm.length || wordForm.charCodeAt(end) === SPACE)
      )
        return true
    }
    return false
  }
}

const SPACE = 0x20

/** Folded text as its words, one space apart: what phrases are checked against. */
export function wordForm(text: string): string {
  return wordsOf(foldText(text)).join(' ')
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const NOT_WORD = '[^\\p{L}\\p{N}\\p{M}]'

/**
 * Where the query matches `original`, as [start, end) ranges on the original text (folding keeps
 * every offset), sorted and merged: what the list marks.
 */
export function highlightRanges(original: string, query: ParsedQuery): [number, number][] {
  const folded = foldText(original)
  const patterns: string[] = []
  const { words, prefix, phrases } = query.marks
  for (const word of words) {
    patterns.push(
      hasCjk(word) ? escape(word) : `(?<!\\p{L}|\\p{N})${escape(word)}(?!\\p{L}|\\p{N})`,
    )
  }
  if (prefix) patterns.push(`(?<!\\p{L}|\\p{N})${escape(prefix)}`)
  for (const phrase of phrases) {
    const body = phrase.split(' ').map(escape).join(`${NOT_WORD}+`)
    patterns.push(hasCjk(phrase) ? body : `(?<!\\p{L}|\\p{N})${body}(?!\\p{L}|\\p{N})`)
  }
  if (patterns.length === 0) return []
  const ranges: [number, number][] = []
  for (const match of folded.matchAll(new RegExp(patterns.join('|'), 'gu'))) {
    if (match[0].length > 0) ranges.push([match.index, match.index + match[0].length])
  }
  ranges.sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const range of ranges) {
    const last = merged[merged.length - 1]
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push(range)
  }
  return merged
}
