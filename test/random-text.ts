// Seeded random text for property tests: the same seed gives the same cases on every machine, so
// a failure names a case that can be run again.

/** mulberry32: a small, well-mixed 32-bit generator; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * What a writer may type as a locator or a comment, and what breaks Markdown or Pandoc's citation
 * syntax: every ASCII punctuation mark, Markdown and Pandoc constructs whole, blanks of each kind
 * (runs of spaces, tabs, no-break spaces, line breaks of every platform), abbreviations Pandoc
 * would join to the next word, and text outside ASCII.
 */
const PIECES = [
  ...';<>[]{}@\\*_`#"\'^~$&|-.,:()!=+/?%',
  ...['--', '---', '...', '**', '~~', '\\;', '\\]', '[@other]', '@key', '[-@key]', '^[n]'],
  ...['{.c}', '{}', '$x$', '<b>', '</span>', '<!--', '-->', '<!---->', '&amp;', '&#32;', '[^1]'],
  ...['[x](y)', '<http://a.b>', 'http://a.b/c', 'www.a.b', 'a@b.co', ':smile:', '|a|', '\\n'],
  ...[' ', ' ', ' ', '  ', '   ', '\t', '\u00a0', '\n', '\r\n', '\r', '\n\n'],
  ...['p. ', 'pp. ', 'ch. ', 'vol. ', 'Mr. ', 'e.g. ', 'cf. ', 'No. ', 'fig. ', '§ ', '¶ '],
  ...['12', '3–4', '5-6', 'iv', 'xi', 'A', 'b', 'see', 'note', 'and', 'ü', 'é', 'ß', 'Ω'],
  ...['日本語', 'עברית', 'مرحبا', '😀', '👩🏽‍🔬', 'e\u0301', '\u200b', '\u2028'],
]

/** 1 to `most` pieces, sometimes with blanks at either end. */
export function randomText(random: () => number, most = 8): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  let text = ''
  const count = 1 + Math.floor(random() * most)
  for (let i = 0; i < count; i++) text += pick(PIECES)
  if (random() < 0.15) text = pick([' ', '  ', '\n', '\t']) + text
  if (random() < 0.15) text += pick([' ', '  ', '\n', '\t'])
  return text
}
