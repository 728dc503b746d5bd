// Reads a PDF's text with pdf.js, page by page, into what a source version keeps: the text (the
// pages' text as src/shared/pdf-text.ts makes it, which the reader's text layer makes too, so
// offsets agree), display HTML, the layout of its pages, and the file itself to keep.
import {
  joinPages,
  pageTextFrom,
  type PageText,
  type PdfTextItem,
} from '../../../../shared/pdf-text'
import type { PageSpan } from '../../../../shared/layout'
import { CommonplaceError } from '../../errors'
import type { ExtractedArticle } from '../extraction'
import { loadPdfJs, pdfJsCMapFolder } from './load-pdfjs'
import { pdfPagesHtml } from './pdf-html'
import { pdfMetadata, type PdfInfo } from './pdf-metadata'

export const PDF_MEDIA_TYPE = 'application/pdf'

export async function extractPdf(bytes: Uint8Array, fileName: string): Promise<ExtractedArticle> {
  const pdfjs = await loadPdfJs()
  const task = pdfjs.getDocument({
    // pdf.js takes over the buffer it is given; the file's own bytes go back to be kept.
    data: bytes.slice(),
    isEvalSupported: false,
    cMapUrl: pdfJsCMapFolder(),
    cMapPacked: true,
    disableFontFace: true,
    useSystemFonts: false,
    // Warnings about fonts it does not load are not the user's concern; errors are told below.
    verbosity: 0,
  })
  try {
    const document = await task.promise.catch((error: unknown) => {
      throw unreadablePdf(fileName, error)
    })
    const pages: PageText[] = []
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      const content = await page.getTextContent({ disableNormalization: false })
      pages.push(pageTextFrom(content.items.filter(isTextItem)))
      // Each page's parsed operators are dropped once read: a 300-page book stays small.
      page.cleanup()
    }
    const labels = await document.getPageLabels().catch(() => null)
    const { text, starts } = joinPages(pages)
    const spans = pageSpans(pages, starts, text.length, labels)
    const { info, metadata } = await document.getMetadata().catch(() => ({
      info: {},
      metadata: null,
    }))
    return {
      text,
      html: pdfPagesHtml(pages, spans),
      metadata: pdfMetadata(info as PdfInfo, metadata, fileName),
      layout: { pages: spans },
      keep: { mediaType: PDF_MEDIA_TYPE, bytes },
    }
  } catch (error) {
    if (error instanceof CommonplaceError) throw error
    throw unreadablePdf(fileName, error)
  } finally {
    await task.destroy()
  }
}

/** Text items, not the marked-content markers pdf.js puts among them. */
function isTextItem<T extends object>(item: T): item is T & PdfTextItem {
  return 'str' in item && 'transform' in item
}

/**
 * Each page's [start, end) in the text: a page runs up to where the next page with text starts,
 * so the pages cover the text with no gap (the blank line between pages belongs to the one
 * before). A page without text gets an empty span where the next one starts.
 */
export function pageSpans(
  pages: readonly PageText[],
  starts: readonly number[],
  length: number,
  labels: readonly string[] | null,
): PageSpan[] {
  const spans: PageSpan[] = []
  let end = length
  for (let index = pages.length - 1; index >= 0; index--) {
    const label = labels?.[index]?.trim() || String(index + 1)
    const empty = (pages[index] as PageText).text === ''
    const start = empty ? end : (starts[index] as number)
    spans.unshift({ start, end: empty ? start : end, label })
    if (!empty) end = start
  }
  return spans
}

/** pdf.js's refusals, said in the user's terms and naming the file. */
function unreadablePdf(fileName: string, error: unknown): CommonplaceError {
  const name = (error as { name?: string } | null)?.name
  if (name === 'PasswordException') {
    return new CommonplaceError(
      'import-failed',
      `${fileName}: is password-protected; Commonplace cannot read it.`,
    )
  }
  const why = error instanceof Error ? error.message : String(error)
  return new CommonplaceError('import-failed', `${fileName}: is damaged or not a PDF (${why}).`)
}
