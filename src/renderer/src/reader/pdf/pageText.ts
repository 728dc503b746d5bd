// A page's text items as pdf.js gives them, read once per page and kept while the PDF is open: the
// text layer is rebuilt at every zoom and highlight change without asking the worker again.
import type { PDFDocumentProxy } from 'pdfjs-dist'
import type { TextItem } from 'pdfjs-dist/types/src/display/api'
import { pageTextFrom, type PageText } from '../../../../shared/pdf-text'
import type { PlacedStyle } from './textLayer'

export interface PageTextContent {
  items: TextItem[]
  styles: Record<string, PlacedStyle>
  pageText: PageText
}

/** A reader of page texts for `doc`, each page read at most once. */
export function pageTextReader(doc: PDFDocumentProxy): (index: number) => Promise<PageTextContent> {
  const read = new Map<number, Promise<PageTextContent>>()
  return (index) => {
    let content = read.get(index)
    if (!content) {
      content = doc
        .getPage(index + 1)
        .then((page) => page.getTextContent())
        .then(({ items, styles }) => {
          // Marked-content entries are not asked for; the filter only narrows the type.
          const textItems = items.filter((item): item is TextItem => 'str' in item)
          return { items: textItems, styles, pageText: pageTextFrom(textItems) }
        })
      read.set(index, content)
    }
    return content
  }
}
