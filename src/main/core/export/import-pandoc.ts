// What the Pandoc export writes beside an inline citation that is not the essay's text: the
// " [@key, locator]" itself and the notes after it. The importer reads the file with a CommonMark
// parser, which sees them as text; these find and remove them again.
import type { SerializedNodeJson } from '../../../shared/essay'
import { onOneLine } from '../../../shared/line-endings'
import { KEPT_INLINE_NOTE, UNREADABLE_NOTE } from './export-essay'
import { isBlank } from './markdown-text'

/** The note the exporter may write after a Pandoc inline citation, as a pattern. */
const PANDOC_NOTE = `(\\^\\[(Unverified quote \\((moved|changed|missing|waiting)\\)\\.|${escapeRegExp(KEPT_INLINE_NOTE)})\\])?`

/** The Markdown of a Pandoc citation, as the exporter writes it. */
const PANDOC_REFERENCE = new RegExp(
  `^\\[@[^\\s,\\]\\\\]+(, (\\\\.|[^\\]\\\\])*)?\\]${PANDOC_NOTE}$`,
)

/** True when a Pandoc citation ends at `offset`: its "[@" is not escaped, as the writer's are. */
export function followsPandocReference(source: string, offset: number): boolean {
  const start = source.lastIndexOf('[@', offset)
  return (
    start > 0 && source[start - 1] !== '\\' && PANDOC_REFERENCE.test(source.slice(start, offset))
  )
}

/**
 * A Pandoc export has " [@key, locator]" (and, when unverified, a note) before each inline
 * citation's comment: that text is the citation, not the essay's.
 */
export function stripPandocReference(sink: SerializedNodeJson[], locator: string): void {
  const shown = isBlank(locator) ? '' : onOneLine(locator)
  stripEnd(
    sink,
    new RegExp(` ?\\[@[^\\s,\\]]+${shown ? `, ${escapeRegExp(shown)}` : ''}\\]${PANDOC_NOTE}$`),
  )
}

/** Pandoc's note where an inline citation could not be read (GFM's is a footnote, left out). */
export function stripUnreadableNote(sink: SerializedNodeJson[]): void {
  stripEnd(sink, new RegExp(`\\^\\[${escapeRegExp(UNREADABLE_NOTE)} [^\\]]*\\]$`))
}

/**
 * A GFM export in an in-text CSL style has the formatted citation (" (Marsh, 2019, p. 12)", a
 * link to the passage, maybe in part italic) before each inline citation's comment: removed when
 * the end of what was read shows exactly that text, else left as it is.
 */
export function stripInTextMark(sink: SerializedNodeJson[], cited: string): void {
  const visible = (node: SerializedNodeJson): string =>
    node.type === 'text'
      ? String(node.text)
      : Array.isArray(node.children)
        ? (node.children as SerializedNodeJson[]).map(visible).join('')
        : ''
  let tail = ''
  let from = sink.length
  while (from > 0 && tail.length < cited.length) {
    from--
    tail = visible(sink[from] as SerializedNodeJson) + tail
  }
  if (!tail.endsWith(cited)) return
  const keep = tail.slice(0, tail.length - cited.length)
  const first = sink[from] as SerializedNodeJson
  sink.splice(from)
  // What stays of the first node is the essay's text before the mark.
  if (keep && first.type === 'text') sink.push({ ...first, text: keep })
}

/**
 * Removes `pattern`'s match from the end of the last text node. `sink` has its neighbouring text
 * merged first: the parser may have read the exporter's text in pieces (at a character reference).
 */
function stripEnd(sink: SerializedNodeJson[], pattern: RegExp): void {
  const last = sink[sink.length - 1]
  if (last?.type !== 'text') return
  const text = String(last.text)
  const match = pattern.exec(text)
  if (!match) return
  if (match.index === 0) sink.pop()
  else sink[sink.length - 1] = { ...last, text: text.slice(0, match.index) }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
