// Kindle writes "Woolf, Virginia", Readwise and web pages "Virginia Woolf", reference managers
// "Woolf, V." or "Smith, John; Doe, Jane". Two author lines name the same people when they are
// made of the same words, in any order, once punctuation and the words joining names are set aside.

const JOINING_WORDS = new Set(['and', '&', 'und', 'et', 'y', 'e'])

/** The words of an author line, folded and sorted: equal for the same people in any order. */
export function authorKey(author: string): string {
  return author
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[\s,;.]+/u)
    .filter((word) => word !== '' && !JOINING_WORDS.has(word))
    .sort()
    .join(' ')
}

/** Whether two author lines name the same people ("Woolf, Virginia" and "Virginia Woolf"). */
export function sameAuthors(a: string, b: string): boolean {
  return authorKey(a) === authorKey(b)
}
