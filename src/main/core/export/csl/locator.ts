// A citation's locator field is the writer's text ("p. 12", "pp. 4–5", "chap. 3"): CSL wants a
// label and a value, so a style can write "12", "p. 12" or "Chapter 3" as it prescribes.

/** A CSL locator label and value, or text the engine cannot label, kept as a suffix. */
export type CslLocator = { label: string; locator: string } | { suffix: string }

/** The abbreviations writers (and Commonplace's own page labels) start a locator with. */
const LABELS: [RegExp, string][] = [
  [/^(?:pp?|pages?|pgs?)\.?$/i, 'page'],
  [/^(?:chaps?|ch|chs|chapters?)\.?$/i, 'chapter'],
  [/^(?:secs?|sections?|§§?)\.?$/i, 'section'],
  [/^(?:paras?|paragraphs?|¶¶?)\.?$/i, 'paragraph'],
  [/^(?:ll?|lines?)\.?$/i, 'line'],
  [/^(?:nn?|notes?)\.?$/i, 'note'],
  [/^(?:figs?|figures?)\.?$/i, 'figure'],
  [/^(?:vols?|volumes?)\.?$/i, 'volume'],
  [/^(?:cols?|columns?)\.?$/i, 'column'],
  [/^(?:pts?|parts?)\.?$/i, 'part'],
  [/^(?:bk|books?)\.?$/i, 'book'],
  [/^(?:vv?|verses?)\.?$/i, 'verse'],
  [/^(?:fols?|folios?)\.?$/i, 'folio'],
]

/** A value a label can take: numbers, roman numerals, ranges and lists of them ("4–5", "iv, 7"). */
const VALUE = /^[\p{N}ivxlcdmIVXLCDM]+[a-z]?(?:\s*[-–—,&]\s*[\p{N}ivxlcdmIVXLCDM]+[a-z]?)*$/u

/** "p. 12" -> page 12; "12" -> page 12; "chap. 3" -> chapter 3; anything else stays text. */
export function parseLocator(text: string): CslLocator | undefined {
  const trimmed = text.replace(/\s+/g, ' ').trim()
  if (trimmed === '') return undefined
  if (VALUE.test(trimmed)) return { label: 'page', locator: trimmed }
  // The label is what comes before the first digit or blank: "p.", "pp.", "chap.", "§".
  const match = /^([^\s\p{N}]+)\s*(\S.*)$/u.exec(trimmed)
  if (match) {
    const [, word = '', value = ''] = match
    const label = LABELS.find(([pattern]) => pattern.test(word))?.[1]
    if (label && VALUE.test(value)) return { label, locator: value }
  }
  // Text no label fits ("opening scene") follows the citation as the writer wrote it.
  return { suffix: `, ${trimmed}` }
}
