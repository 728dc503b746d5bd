// Clippings as a W3C Web Annotation collection (https://www.w3.org/TR/annotation-model/): the
// JSON-LD that annotation tools exchange. A note is a commenting body, each tag a tagging body;
// the target names the source and the passage's selectors in the source's newest version.
import { pageFragmentSelector } from '../../../shared/layout'
import { clippingIri, sourceIri, type AnnotatedClipping } from './annotated-clippings'

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

export type W3cSelector =
  | { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }
  | { type: 'TextPositionSelector'; start: number; end: number }
  | { type: 'FragmentSelector'; conformsTo: string; value: string }

export interface W3cTextualBody {
  type: 'TextualBody'
  value: string
  purpose: 'commenting' | 'tagging'
  format?: string
}

export interface W3cAnnotation {
  '@context'?: string
  id: string
  type: 'Annotation'
  motivation: 'highlighting' | 'commenting'
  created: string
  modified: string
  body?: W3cTextualBody[]
  target: { source: string; selector: W3cSelector[] }
}

export interface W3cCollection {
  '@context': string
  id: string
  type: 'AnnotationCollection'
  label: string
  total: number
  first: { id: string; type: 'AnnotationPage'; startIndex: number; items: W3cAnnotation[] }
}

export function w3cAnnotation(annotated: AnnotatedClipping): W3cAnnotation {
  const { clipping, source, quote, position } = annotated
  const body: W3cTextualBody[] = []
  if (clipping.note.trim()) {
    body.push({
      type: 'TextualBody',
      value: clipping.note,
      format: 'text/plain',
      purpose: 'commenting',
    })
  }
  for (const tag of clipping.tags)
    body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' })
  const selector: W3cSelector[] = [{ ...quote }]
  if (position) selector.push({ ...position })
  const page = pageFragmentSelector(clipping.locator)
  if (page) selector.push(page)
  return {
    id: clippingIri(clipping.id),
    type: 'Annotation',
    motivation: clipping.note.trim() ? 'commenting' : 'highlighting',
    created: clipping.createdAt,
    modified: clipping.updatedAt,
    ...(body.length > 0 && { body }),
    target: { source: sourceIri(source), selector },
  }
}

/** One collection of one page holding every annotation: files, not a paged web service. */
export function w3cCollection(annotated: AnnotatedClipping[], sourceId?: string): W3cCollection {
  const id = `urn:commonplace:annotations:${sourceId ?? 'all'}`
  const items = annotated.map(w3cAnnotation)
  return {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: sourceId ? `Clippings of ${annotated[0]?.source.title ?? sourceId}` : 'Clippings',
    total: items.length,
    first: { id: `${id}:page-1`, type: 'AnnotationPage', startIndex: 0, items },
  }
}
