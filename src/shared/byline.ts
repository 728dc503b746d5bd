// A source's byline as the reader shows it: author, site and date, each named once, and whether
// the text's own first paragraph ("By AFP") only repeats it. Pure: the reader hides such a
// paragraph from display, while the stored text keeps it, so no clipping's offsets change.

/** Longest first paragraph still taken for a byline: a real paragraph is never hidden. */
const MAX_BYLINE_LENGTH = 200

/** "By  A.F.P." and "afp" compare equal: case, accents, punctuation and spacing aside. */
function folded(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^\s*by\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** The names in "Jane Doe and John Roe, AFP" or "Jane Doe | AFP": each person or agency. */
function namesIn(text: string): string[] {
  return text
    .split(/\s*(?:,|;|&|\||·|\/|\band\b|\bwith\b)\s*/iu)
    .map(folded)
    .filter((name) => name !== '')
}

/**
 * The parts present, each once: "AFP · AFP · 24 Feb 2025" becomes "AFP · 24 Feb 2025". A part
 * whose every name is already given by an earlier one ("AFP" after "Jane Doe, AFP") is left out.
 */
export function bylineParts(parts: (string | undefined)[]): string[] {
  const named = new Set<string>()
  const kept: string[] = []
  for (const part of parts) {
    const text = part?.trim()
    if (!text) continue
    const names = namesIn(text)
    if (names.length > 0 && names.every((name) => named.has(name))) continue
    for (const name of names) named.add(name)
    kept.push(text)
  }
  return kept
}

/** Joins the parts that are present, each once, with a middle dot. */
export function cleanByline(parts: (string | undefined)[]): string {
  return bylineParts(parts).join(' · ')
}

/**
 * Whether `paragraph` is a "By …" line naming no one but the source's author or site, so the
 * byline above already says it ("By AFP" under "AFP · 24 Feb 2025").
 */
export function repeatsByline(paragraph: string, names: (string | undefined)[]): boolean {
  const line = paragraph.trim()
  if (line.length > MAX_BYLINE_LENGTH || !/^by\s/i.test(line)) return false
  const known = new Set(names.flatMap((name) => (name ? namesIn(name) : [])))
  const said = namesIn(line)
  return said.length > 0 && said.every((name) => known.has(name))
}

/**
 * The length of the text's first block when it only repeats the byline (the reader hides that
 * block), else 0. Blocks are separated by one blank line ("\n\n"), as in every version's text.
 */
export function leadingBylineLength(text: string, names: (string | undefined)[]): number {
  const end = text.indexOf('\n\n')
  const first = end === -1 ? text : text.slice(0, end)
  return repeatsByline(first, names) ? first.length : 0
}
