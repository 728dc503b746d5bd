// Varied article text for the benchmarks: words drawn with Zipf-like frequencies from the
// fixtures' own vocabulary plus made-up names and terms, in sentences and paragraphs, so that
// no two articles repeat and searches meet realistic rare and common words.
import { readFileSync } from 'node:fs'
import { fixtureNames, fixturePath } from '../test/fixtures'
import { seededRandom } from '../test/random-text'

const SYLLABLES = [
  'ka',
  'ro',
  'mi',
  'tes',
  'ul',
  'var',
  'en',
  'do',
  'li',
  'ne',
  'sha',
  'gor',
  'pe',
  'ti',
  'za',
  'bel',
]

function fixtureWords(): string[] {
  const text = [fixtureNames.bakerTxt, fixtureNames.anoraTxt]
    .map((name) => readFileSync(fixturePath(name), 'utf8'))
    .join(' ')
  return [...new Set(text.toLowerCase().match(/[\p{L}’']+/gu) ?? [])]
}

/** A vocabulary: common words first (the fixtures'), then rarer made-up ones. */
export function vocabulary(seed = 1, extra = 20_000): string[] {
  const random = seededRandom(seed)
  const words = fixtureWords()
  for (let i = 0; i < extra; i++) {
    const length = 2 + Math.floor(random() * 3)
    let word = ''
    for (let j = 0; j < length; j++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)]
    // Some accents and some names, as real articles have.
    if (i % 17 === 0) word = word.replace('e', 'é')
    words.push(i % 5 === 0 ? word[0]?.toUpperCase() + word.slice(1) : word)
  }
  return words
}

/** Zipf-like: word k is drawn about 1/k as often as word 1. */
function zipfPicker(words: string[], random: () => number): () => string {
  const logMax = Math.log(words.length + 1)
  return () => words[Math.min(words.length - 1, Math.floor(Math.exp(random() * logMax)) - 1)] ?? ''
}

/** About `bytes` of text: paragraphs of sentences, separated by blank lines. */
export function articleText(words: string[], seed: number, bytes: number): string {
  const random = seededRandom(seed)
  const pick = zipfPicker(words, random)
  const paragraphs: string[] = []
  let size = 0
  while (size < bytes) {
    const sentences: string[] = []
    const count = 3 + Math.floor(random() * 5)
    for (let s = 0; s < count; s++) {
      const length = 8 + Math.floor(random() * 18)
      const sentence = Array.from({ length }, pick).join(' ')
      const mark = random() < 0.1 ? '?' : random() < 0.05 ? '!' : '.'
      const quoted = random() < 0.08 ? `“${sentence}${mark}”` : `${sentence}${mark}`
      sentences.push(quoted[0] === '“' ? quoted : quoted[0]?.toUpperCase() + quoted.slice(1))
    }
    const paragraph = sentences.join(' ')
    paragraphs.push(paragraph)
    size += paragraph.length + 2
  }
  return paragraphs.join('\n\n')
}
