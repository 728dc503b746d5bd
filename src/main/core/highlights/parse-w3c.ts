// W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/) into highlight records:
// one annotation, an array of them, or an AnnotationCollection (its `first` page's `items`, or
// `items` itself). The target names the page (`source`) and the passage (`selector`, one or an
// array, each maybe `refinedBy` another); TextualBody bodies carry the note (purpose commenting,
// or none) and the tags (purpose tagging).
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { HighlightRecord, ParsedHighlights } from './highlight-record'
import { cleanTags, describeIssue, flattenSelectors, selectedWords } from './selectors'

const typeOf = (value: unknown): string[] =>
  [value].flat().filter((each): each is string => typeof each === 'string')

const annotationSchema = z.looseObject({
  id: z.string().optional(),
  type: z.unknown().refine((type) => typeOf(type).includes('Annotation'), {
    message: 'type is not "Annotation"',
  }),
  body: z.unknown().optional(),
  target: z
    .unknown()
    .optional()
    .refine((target) => target !== undefined && target !== null, {
      message: 'the annotation has no target',
    }),
  created: z.string().optional(),
})

const specificTarget = z.looseObject({
  source: z.union([z.string(), z.looseObject({ id: z.string() })]),
  selector: z.unknown().optional(),
  title: z.string().optional(),
})

const textualBody = z.looseObject({
  type: z.unknown().optional(),
  value: z.string(),
  purpose: z.union([z.string(), z.array(z.string())]).optional(),
})

/** The annotations a W3C file holds, already read as JSON. */
export function w3cAnnotations(json: unknown): unknown[] {
  if (Array.isArray(json)) return json
  if (typeof json !== 'object' || json === null) return [json]
  const object = json as { type?: unknown; first?: unknown; items?: unknown }
  const types = typeOf(object.type)
  if (types.includes('AnnotationCollection') || types.includes('AnnotationPage')) {
    const first = object.first as { items?: unknown } | undefined
    const items = (typeof first === 'object' && first?.items) || object.items
    return Array.isArray(items) ? items : []
  }
  return [json]
}

export function parseW3c(json: unknown): ParsedHighlights {
  const parsed: ParsedHighlights = { records: [], refused: [] }
  w3cAnnotations(json).forEach((item, index) => {
    const where = `annotation ${index + 1}`
    const result = annotationRecord(item)
    if (typeof result === 'string') parsed.refused.push({ where, message: result })
    else parsed.records.push(result)
  })
  return parsed
}

function annotationRecord(item: unknown): HighlightRecord | string {
  const annotation = annotationSchema.safeParse(item)
  if (!annotation.success) return describeIssue(annotation.error)
  const { id, body, target, created } = annotation.data
  const targets = [target].flat()
  // A bare IRI names a whole page: no passage to clip.
  const specific = targets
    .map((each) => specificTarget.safeParse(each))
    .find((each) => each.success && flattenSelectors(each.data.selector).length > 0)
  if (!specific?.success)
    return `${id ?? 'the annotation'}: its target has no source with a selector`
  const { source, selector, title } = specific.data
  const url = typeof source === 'string' ? source : source.id
  const words = selectedWords(flattenSelectors(selector))
  if (typeof words === 'string') return `${id ?? 'the annotation'}: ${words}`
  const { note, tags } = bodiesOf(body)
  return {
    format: 'w3c',
    // An annotation without an IRI is still found again on re-import by its page and words.
    originId: id ?? `sha256:${createHash('sha256').update(`${url}\n${words.quote}`).digest('hex')}`,
    document: { title: title?.trim() || url, url },
    ...words,
    note,
    tags,
    ...(created && { createdAt: created }),
  }
}

function bodiesOf(body: unknown): { note: string; tags: string[] } {
  const notes: string[] = []
  const tags: string[] = []
  for (const each of [body ?? []].flat()) {
    const textual = textualBody.safeParse(each)
    if (!textual.success) continue
    const purposes = typeOf(textual.data.purpose)
    if (purposes.includes('tagging')) tags.push(textual.data.value)
    else notes.push(textual.data.value.trim())
  }
  return { note: notes.filter(Boolean).join('\n\n'), tags: cleanTags(tags) }
}
