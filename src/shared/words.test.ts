import { describe, expect, it } from 'vitest'
import { isWordBoundary, wholeWordExtent, wordTokens } from './words'

/** The extent of `inner` (its first occurrence) in `text`, grown to whole words. */
function grown(text: string, inner: string): string {
  const start = text.indexOf(inner)
  if (start === -1) throw new Error(`not in text: ${inner}`)
  const extent = wholeWordExtent(text, start, start + inner.length)
  return text.slice(extent.start, extent.end)
}

describe('word boundaries', () => {
  it('grows a cut word outward, never inward', () => {
    const text = 'I really hate the hypocrisy in this society, the fact that'
    expect(grown(text, 'y hate the hypocrisy in this soci')).toBe(
      'really hate the hypocrisy in this society',
    )
    expect(grown(text, 'hate')).toBe('hate')
    expect(grown(text, 'ate the hypo')).toBe('hate the hypocrisy')
  })

  it('drops whitespace at the edges but keeps punctuation', () => {
    const text = 'He said: “Sean gets sex work. He just does,” and left.'
    expect(grown(text, ' “Sean gets sex work. He just does,” ')).toBe(
      '“Sean gets sex work. He just does,”',
    )
    expect(grown(text, 'ean gets sex work. He just do')).toBe('Sean gets sex work. He just does')
  })

  it('keeps an apostrophe between letters inside its word, straight or curly', () => {
    expect(grown('Baker’s work does', 'r’s wo')).toBe('Baker’s work')
    expect(grown("don't stop", "n't st")).toBe("don't stop")
    // A closing quote mark after a word is not inside it.
    expect(isWordBoundary('the workers’ rights', 'the workers'.length)).toBe(true)
    expect(isWordBoundary('the workers’ rights', 'the workers’'.length)).toBe(true)
    expect(isWordBoundary('Baker’s', 'Baker'.length)).toBe(false)
    expect(isWordBoundary('Baker’s', 'Baker’'.length)).toBe(false)
  })

  it('treats letters and digits of every script alike', () => {
    expect(grown('Он сказал: привет, мир', 'вет, м')).toBe('привет, мир')
    expect(grown('η ελληνική γλώσσα', 'νική γλ')).toBe('ελληνική γλώσσα')
    expect(grown('مرحبا بالعالم الجميل', 'با بالع')).toBe('مرحبا بالعالم')
    expect(grown('in 2024 alone', '02')).toBe('2024')
    // A combining accent belongs to its letter: "naïve" written as i + U+0308.
    const decomposed = 'a nai\u0308ve view'
    expect(isWordBoundary(decomposed, decomposed.indexOf('\u0308'))).toBe(false)
    expect(grown(decomposed, 'nai')).toBe('nai\u0308ve')
    expect(grown('नमस्ते दुनिया', 'मस्')).toBe('नमस्ते')
  })

  it('treats each Chinese or Japanese character as a word, Korean words as words', () => {
    const chinese = '我们今天去北京看电影'
    expect(isWordBoundary(chinese, 3)).toBe(true)
    expect(grown(chinese, '去北京')).toBe('去北京')
    expect(grown('東京都に住む', '京都に')).toBe('京都に')
    expect(grown('안녕하세요 세계', '하세')).toBe('안녕하세요')
  })

  it('never splits a surrogate pair or an emoji joined by ZWJ', () => {
    const text = 'a 😀 b 👩‍💻 c'
    expect(isWordBoundary(text, text.indexOf('😀') + 1)).toBe(false)
    const coder = text.indexOf('👩‍💻')
    expect(isWordBoundary(text, coder + 2)).toBe(false)
    expect(isWordBoundary(text, coder + 3)).toBe(false)
  })

  it('cuts text into tokens that join back into the text', () => {
    const text = 'Baker’s “great” job, don’t 東京 naïve — 2024!'
    const tokens = wordTokens(text)
    expect(tokens.join('')).toBe(text)
    expect(tokens).toEqual([
      'Baker’s',
      ' ',
      '“',
      'great',
      '”',
      ' ',
      'job',
      ',',
      ' ',
      'don’t',
      ' ',
      '東',
      '京',
      ' ',
      'naïve',
      ' ',
      '—',
      ' ',
      '2024',
      '!',
    ])
  })
})
