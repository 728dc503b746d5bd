// `commonplace export-annotations`: the library's clippings (or one source's) in a format other
// annotation tools read. One function the CLI (and any later menu item) runs.
import type { NotebookStore } from '../store/notebook-store'
import { annotatedClippings } from './annotated-clippings'
import { hypothesisExport } from './hypothesis-annotations'
import { readwiseCsv } from './readwise-csv'
import { w3cCollection } from './w3c-annotations'

export const ANNOTATION_FORMATS = ['w3c', 'hypothesis', 'csv'] as const
export type AnnotationFormat = (typeof ANNOTATION_FORMATS)[number]

export interface AnnotationExportOptions {
  format: AnnotationFormat
  /** Only this source's clippings. */
  sourceId?: string
  /** When the export is made: Hypothesis's file names it. */
  now?: Date
}

export async function exportAnnotations(
  store: NotebookStore,
  options: AnnotationExportOptions,
): Promise<string> {
  const annotated = await annotatedClippings(store, options.sourceId)
  switch (options.format) {
    case 'w3c':
      return `${JSON.stringify(w3cCollection(annotated, options.sourceId), null, 2)}\n`
    case 'hypothesis':
      return `${JSON.stringify(hypothesisExport(annotated, options.now ?? new Date()), null, 2)}\n`
    case 'csv':
      return readwiseCsv(annotated)
  }
}
