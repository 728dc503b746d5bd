import { readFile, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { joinPages, normalizePdfText, type PageText } from '../../../../shared/pdf-text'
import { articlePdf, imageOnlyPdf, truncatedPdf } from '../../../../../test/pdf-fixtures'
import { encryptedPdf, hasQpdf, softHyphenPdf } from '../../../../../test/pdf-variants'
import { rejection, useTempDir } from '../../../../../test/support'
import { loadPdfJs } from './load-pdfjs'
import { extractPdf, pageSpans } from './extract-pdf'

const tempDir = useTempDir()

async function extract(path: string): ReturnType<typeof extractPdf> {
  return extractPdf(new Uint8Array(await readFile(path)), basename(path))
}

/** pdf.js's own text of each page: its items' strings, as they come. */
async function rawPages(path: string): Promise<string[][]> {
  const pdfjs = await loadPdfJs()
  const document = await pdfjs.getDocument({ data: new Uint8Array(await readFile(path)) }).promise
  const pages: string[][] = []
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')))
  }
  await document.destroy()
  return pages
}

/** Letters and digits only: what must survive joining lines, words and pages. */
const letters = (text: string): string => normalizePdfText(text).replace(/[^\p{L}\p{N}]/gu, '')

/** The display HTML's paragraphs: where each says it starts, and its text. */
function blocks(html: string): { start: number; text: string }[] {
  return [...html.matchAll(/<p data-start="(\d+)">(.*?)<\/p>/g)].map((match) => ({
    start: Number(match[1]),
    text: (match[2] ?? '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  }))
}

describe('extractPdf', () => {
  it('reads every page, and the pages cover the text with no gap or overlap', async () => {
    const article = await extract(await articlePdf())
    const pages = article.layout?.pages ?? []
    expect(pages.length).toBeGreaterThanOrEqual(3)
    expect(pages.map((page) => page.label)).toEqual(pages.map((_, index) => String(index + 1)))
    expect(pages[0]?.start).toBe(0)
    pages.forEach((page, index) => {
      expect(page.end).toBeGreaterThan(page.start)
      expect(page.end).toBe(pages[index + 1]?.start ?? article.text.length)
    })
    expect(article.text).toContain('Sean Baker’s new film Red Rocket is a fascinating look')
    expect(article.keep?.mediaType).toBe('application/pdf')
  })

  it("holds each page's own words, in order, as pdf.js reads them", async () => {
    const path = await articlePdf()
    const article = await extract(path)
    const raw = await rawPages(path)
    const pages = article.layout?.pages ?? []
    expect(pages).toHaveLength(raw.length)
    pages.forEach((page, index) => {
      expect(letters(article.text.slice(page.start, page.end))).toBe(
        letters((raw[index] ?? []).join('')),
      )
    })
  })

  it('joins a word Chromium hyphenated at a line end', async () => {
    const path = await softHyphenPdf()
    const raw = (await rawPages(path)).flat()
    // The break is real: the hyphen is drawn as an item of its own at a line's end.
    expect(raw).toContain('\u2010')
    const article = await extract(path)
    expect(article.text).toContain('is a fascinating look')
    expect(article.text).not.toMatch(/\p{L}\u2010/u)
  })

  it('takes the title Chromium wrote, and the date the PDF was made', async () => {
    const { metadata } = await extract(await articlePdf())
    expect(metadata.title).toBe('Sean Baker on Red Rocket')
    expect(metadata.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
  })

  it('writes display HTML whose paragraphs hold exactly the text at their offsets', async () => {
    const article = await extract(await articlePdf())
    const found = blocks(article.html)
    expect(found.length).toBeGreaterThan(5)
    for (const block of found) {
      expect(article.text.slice(block.start, block.start + block.text.length)).toBe(block.text)
    }
    expect(article.html.match(/<section data-page="\d+" aria-label="Page \d+">/g)).toHaveLength(
      article.layout?.pages?.length ?? 0,
    )
  })

  it('reads a PDF of scanned pages as pages without text', async () => {
    const article = await extract(await imageOnlyPdf())
    expect(article.text).toBe('')
    expect(article.layout?.pages).toEqual([{ start: 0, end: 0, label: '1' }])
    expect(article.keep?.bytes.length).toBeGreaterThan(0)
  })

  it('refuses a damaged PDF, naming it', async () => {
    const truncated = await rejection(extract(await truncatedPdf()))
    expect(truncated.message).toMatch(/^truncated-40\.pdf: is damaged or not a PDF \(.+\)\.$/)
    const garbage = join(tempDir(), 'garbage.pdf')
    await writeFile(garbage, '%PDF-1.7\nnothing a reader could use\n')
    expect((await rejection(extract(garbage))).message).toMatch(
      /^garbage\.pdf: is damaged or not a PDF/,
    )
  })

  it('refuses a password-protected PDF, naming it', async (context) => {
    if (!hasQpdf()) {
      console.warn('skipped: qpdf is not installed, so no encrypted PDF can be made')
      return context.skip()
    }
    const error = await rejection(extract(await encryptedPdf()))
    expect(error.message).toBe(
      'encrypted-article.pdf: is password-protected; Commonplace cannot read it.',
    )
  })
})

describe('pageSpans', () => {
  const page = (text: string): PageText => ({ text, items: [], paragraphs: [[0, text.length]] })

  it('gives a page without text an empty span where the next page starts, and keeps labels', () => {
    const pages = [page('One.'), page(''), page('Three.'), page('')]
    const { text, starts } = joinPages(pages)
    expect(pageSpans(pages, starts, text.length, ['i', 'ii', '1', ''])).toEqual([
      { start: 0, end: 6, label: 'i' },
      { start: 6, end: 6, label: 'ii' },
      { start: 6, end: 12, label: '1' },
      { start: 12, end: 12, label: '4' },
    ])
  })
})
