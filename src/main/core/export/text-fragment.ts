// URL Fragment Text Directives (#:~:text=[prefix-,]start[,end][,-suffix]): a link that opens the
// source page scrolled to, and highlighting, the quoted passage.

/** The spec reserves "&", "," and "-" inside a directive; encodeURIComponent leaves "-" alone. */
export function encodeDirectiveText(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D')
}

/** Long quotes are addressed by their first and last words, as browsers do when sharing. */
const MAX_EXACT = 80
const EDGE_WORDS = 4
const CONTEXT_WORDS = 3

export interface FragmentInput {
  exact: string
  prefix: string
  suffix: string
  /** True when the quote occurs more than once in the source: context then picks the right one. */
  ambiguous: boolean
}

export function textFragment({ exact, prefix, suffix, ambiguous }: FragmentInput): string {
  const quote = exact.replace(/\s+/g, ' ').trim()
  const words = quote.split(' ')
  let target: string
  if (quote.length <= MAX_EXACT || words.length <= EDGE_WORDS * 2) {
    target = encodeDirectiveText(quote)
  } else {
    const start = words.slice(0, EDGE_WORDS).join(' ')
    const end = words.slice(-EDGE_WORDS).join(' ')
    target = `${encodeDirectiveText(start)},${encodeDirectiveText(end)}`
  }
  if (ambiguous) {
    const before = lastWords(prefix, CONTEXT_WORDS)
    const after = firstWords(suffix, CONTEXT_WORDS)
    if (before) target = `${encodeDirectiveText(before)}-,${target}`
    if (after) target = `${target},-${encodeDirectiveText(after)}`
  }
  return `#:~:text=${target}`
}

/** Whole words only: a directive's prefix must end, and its suffix begin, at a word boundary. */
function lastWords(text: string, count: number): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ')
  if (!/\s/.test(text[0] ?? ' ') && words.length > 1) words.shift()
  return words.slice(-count).join(' ')
}

function firstWords(text: string, count: number): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ')
  if (!/\s/.test(text[text.length - 1] ?? ' ') && words.length > 1) words.pop()
  return words.slice(0, count).join(' ')
}

/** The URL with any fragment replaced by the text directive. */
export function withTextFragment(url: string, fragment: string): string {
  return url.replace(/#.*$/, '') + fragment
}
