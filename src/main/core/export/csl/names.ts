// Commonplace keeps a source's author as the text the page or file gave ("Ada Marsh", "AFP").
// A style inverts and abbreviates personal names ("Marsh, Ada", "Marsh, A."), so for the engine a
// name that looks personal is split into family and given; anything else stays literal, as an
// organisation's name must ("AFP", "Port Authority of New York").

export type CslName = { family: string; given?: string } | { literal: string }

/** A word of a personal name: capitalised, letters with inner hyphens, apostrophes or a period. */
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u
/** Lowercase words that are part of a family name ("van Gogh", "de la Cruz"). */
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'ter',
  'dos',
  'das',
])

function personal(words: string[]): boolean {
  if (words.length < 2 || words.length > 5) return false
  // An acronym ("AFP", "BBC News") is an organisation.
  if (words.some((word) => /^\p{Lu}{2,}$/u.test(word))) return false
  return words.every((word) => NAME_WORD.test(word) || PARTICLES.has(word))
}

/** One name as the engine wants it. */
export function cslName(text: string): CslName {
  const name = text.replace(/\s+/g, ' ').trim()
  const inverted = /^([^,]+),\s*([^,]+)$/.exec(name)
  if (
    inverted?.[1] &&
    inverted[2] &&
    personal([...inverted[2].split(' '), ...inverted[1].split(' ')])
  )
    return { family: inverted[1].trim(), given: inverted[2].trim() }
  const words = name.split(' ')
  if (!personal(words)) return { literal: name }
  let split = words.length - 1
  while (split > 1 && PARTICLES.has(words[split - 1] as string)) split--
  return { family: words.slice(split).join(' '), given: words.slice(0, split).join(' ') }
}

/** An author field, which may name several ("Ada Marsh and Ben Lee", "Marsh, Ada; Lee, Ben"). */
export function cslNames(author: string): CslName[] {
  const parts = author
    .split(/\s*;\s*|\s+(?:and|&)\s+/)
    .map((part) => part.trim())
    .filter(Boolean)
  const names = parts.map(cslName)
  // Several parts that are not all personal names were one organisation's name ("Smith & Sons").
  if (names.length > 1 && names.some((name) => 'literal' in name))
    return [{ literal: author.trim() }]
  return names
}
