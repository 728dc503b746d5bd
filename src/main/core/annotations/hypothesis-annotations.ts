// Clippings in the shape Hypothesis's API gives an annotation (GET /api/annotations/:id), so that
// tools that read Hypothesis exports read these: the page's `uri`, the note as `text`, `tags`,
// one target with the W3C selectors, and the page's title.
import { clippingIri, sourceIri, type AnnotatedClipping } from './annotated-clippings'
import type { W3cSelector } from './w3c-annotations'

/**
 * Hypothesis's own PDF selector: the page's place in the file from 0, and its printed label.
 * Hypothesis writes it beside the text selectors of a PDF annotation.
 */
export interface PageSelector {
  type: 'PageSelector'
  index: number
  label?: string
}

export interface HypothesisAnnotation {
  id: string
  created: string
  updated: string
  uri: string
  text: string
  tags: string[]
  target: { source: string; selector: (W3cSelector | PageSelector)[] }[]
  document: { title: string[] }
}

/**
 * What the file holds: the shape of the file Hypothesis's own "Export annotations" writes (and its
 * import reads), the annotations under `annotations`.
 */
export interface HypothesisExport {
  export_date: string
  annotations: HypothesisAnnotation[]
}

export function hypothesisAnnotation(annotated: AnnotatedClipping): HypothesisAnnotation {
  const { clipping, source, quote, position } = annotated
  const uri = sourceIri(source)
  const selector: (W3cSelector | PageSelector)[] = [{ ...quote }]
  if (position) selector.push({ ...position })
  const pages = clipping.locator?.pages
  if (pages) selector.push({ type: 'PageSelector', index: pages.index - 1, label: pages.first })
  return {
    // The clipping's IRI rather than a Hypothesis id: a re-import recognises it by this.
    id: clippingIri(clipping.id),
    created: clipping.createdAt,
    updated: clipping.updatedAt,
    uri,
    text: clipping.note,
    tags: [...clipping.tags],
    target: [{ source: uri, selector }],
    document: { title: [source.title] },
  }
}

export function hypothesisExport(annotated: AnnotatedClipping[], now: Date): HypothesisExport {
  return { export_date: now.toISOString(), annotations: annotated.map(hypothesisAnnotation) }
}
