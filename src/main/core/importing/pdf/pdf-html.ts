// The display HTML of a PDF's text: one section per page, one paragraph per block of its text,
// each paragraph's `data-start` its offset in the version's text, so search snippets, the CLI and
// the reader's fallback view read it as they read an article's (see ../reader-text.ts).
import type { PageText } from '../../../../shared/pdf-text'
import type { PageSpan } from '../../../../shared/layout'

export function pdfPagesHtml(pages: readonly PageText[], spans: readonly PageSpan[]): string {
  const html: string[] = []
  pages.forEach((page, index) => {
    const span = spans[index] as PageSpan
    const number = index + 1
    html.push(`<section data-page="${number}" aria-label="Page ${escapeHtml(span.label)}">`)
    for (const [start, end] of page.paragraphs) {
      const text = page.text.slice(start, end)
      if (text === '') continue
      html.push(`<p data-start="${span.start + start}">${escapeHtml(text)}</p>`)
    }
    html.push('</section>')
  })
  return html.join('')
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}
