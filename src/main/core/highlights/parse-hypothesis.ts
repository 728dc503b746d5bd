// Hypothesis's JSON (its API's search answer `{ rows: [...] }`, or an export: an array of
// annotations) into highlight records. Each annotation names its page (`uri`, `document.title`)
// and its passage with W3C selectors in `target[0].selector`. A page note (no selector) is not a
// highlight: it is skipped and said so; a malformed annotation is refused by its index.
import { z } from 'zod'
import type { HighlightRecord, ParsedHighlights } from './highlight-record'
import { cleanTags, describeIssue, flattenSelectors, selectedWords } from './selectors'

const annotationSchema = z.looseObject({
  id: z.string().min(1, 'the annotation has no id'),
  uri: z.string().min(1, 'the annotation has no uri'),
  text: z.string().optional(),
  tags: z.array(z.string()).optional(),
  created: z.string().optional(),
  document: z
    .looseObject({ title: z.union([z.string(), z.array(z.string())]).optional() })
    .optional(),
  target: z.array(
    z.looseObject({ source: z.string().optional(), selector: z.unknown().optional() }),
  ),
})

/** The annotations of a Hypothesis file, already read as JSON; a message when it is not one. */
export function hypothesisAnnotations(json: unknown): unknown[] | string {
  if (Array.isArray(json)) return json
  if (typeof json !== 'object' || json === null) return notHypothesis
  // The API's search answer has `rows`; the app's "Export annotations" file has `annotations`.
  const { rows, annotations } = json as { rows?: unknown; annotations?: unknown }
  if (Array.isArray(rows)) return rows
  if (Array.isArray(annotations)) return annotations
  return notHypothesis
}

const notHypothesis =
  'not a Hypothesis export: expected an array of annotations, { "rows": [...] } or ' +
  '{ "annotations": [...] }'

export function parseHypothesis(json: unknown): ParsedHighlights {
  const parsed: ParsedHighlights = { records: [], refused: [], skipped: [] }
  const annotations = hypothesisAnnotations(json)
  if (typeof annotations === 'string') {
    parsed.refused.push({ where: 'file', message: annotations })
    return parsed
  }
  annotations.forEach((item, index) => {
    const where = `annotation ${index + 1}`
    const annotation = annotationSchema.safeParse(item)
    if (!annotation.success) {
      parsed.refused.push({ where, message: describeIssue(annotation.error) })
      return
    }
    const { id, uri, text, tags, created, document, target } = annotation.data
    const selectors = flattenSelectors(target.map((each) => each.selector))
    if (selectors.length === 0) {
      parsed.skipped?.push({ where, message: `a page note (${id}), not a highlight` })
      return
    }
    const words = selectedWords(selectors)
    if (typeof words === 'string') {
      parsed.refused.push({ where, message: `${id}: ${words}` })
      return
    }
    const title = [document?.title ?? []].flat()[0]?.trim()
    const record: HighlightRecord = {
      format: 'hypothesis',
      originId: id,
      document: { title: title || uri, url: uri },
      ...words,
      note: (text ?? '').trim(),
      tags: cleanTags(tags ?? []),
      ...(created && { createdAt: created }),
    }
    parsed.records.push(record)
  })
  return parsed
}
