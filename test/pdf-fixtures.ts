// PDFs made at test time from the shared articles, never committed: Chromium prints the article's
// paragraphs on small pages in a large font, so even a short article runs over several pages,
// with hyphenated line ends. Made once per content and kept in the OS temp folder, so a test run
// pays for Chromium once. Unit tests, CLI tests, e2e specs and the bench all use these.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { fixtureNames, readFixture } from './fixtures'

const CACHE = join(tmpdir(), 'commonplace-test-pdfs')

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate
  throw new Error('No Chromium to print the test PDFs: apt-get install -y chromium')
}

export interface PrintOptions {
  /** Title written in the PDF's info dictionary (Chromium takes it from <title>). */
  title?: string
  /** CSS font size of the body: larger means more pages. */
  fontSize?: number
  /** Repeat the paragraphs this many times (a long document for the bench). */
  repeat?: number
}

/** The paragraphs of a plain-text fixture: its blocks, as the .txt importer splits them. */
export async function fixtureParagraphs(name: string = fixtureNames.bakerTxt): Promise<string[]> {
  const text = await readFixture(name)
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter((block) => block !== '')
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** An HTML page of these paragraphs, narrow and in a large font, hyphenated by the browser. */
export function printableHtml(paragraphs: string[], options: PrintOptions = {}): string {
  const title = escapeHtml(options.title ?? 'A test document')
  const body = Array.from({ length: options.repeat ?? 1 }, () =>
    paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n'),
  ).join('\n')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>
  @page { size: 120mm 170mm; margin: 12mm; }
  body { font-family: 'DejaVu Serif', serif; font-size: ${options.fontSize ?? 15}px; line-height: 1.35;
    hyphens: auto; -webkit-hyphens: auto; text-align: justify; }
  p { margin: 0 0 0.9em; }
</style></head><body>${body}</body></html>`
}

/** Prints `html` to a PDF with Chromium; cached by content in the temp folder. */
export async function printPdf(html: string): Promise<string> {
  const key = createHash('sha256').update(html).digest('hex').slice(0, 16)
  const path = join(CACHE, `${key}.pdf`)
  if (existsSync(path)) return path
  await mkdir(CACHE, { recursive: true })
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage()
    await page.setContent(html, { waitUntil: 'load' })
    const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: false })
    // Renamed into place: tests running at once never read half a file.
    const temp = `${path}.${process.pid}.tmp`
    await writeFile(temp, bytes)
    await rename(temp, path)
  } finally {
    await browser.close()
  }
  return path
}

/** The Baker interview as a PDF of several pages, titled as the article is. */
export async function articlePdf(options: PrintOptions = {}): Promise<string> {
  const paragraphs = await fixtureParagraphs(fixtureNames.bakerTxt)
  return printPdf(printableHtml(paragraphs, { title: 'Sean Baker on Red Rocket', ...options }))
}

/** A PDF whose only content is a picture: a scan without a text layer. */
export async function imageOnlyPdf(): Promise<string> {
  // A 2x2 grey PNG, drawn large: pixels, no text.
  const png =
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR4nGNgYGBgYGAAAAAFAAGXd1m3AAAAAElFTkSuQmCC'
  return printPdf(
    `<!doctype html><html><head><title>Scanned page</title><style>@page { size: 120mm 170mm; margin: 0 }
img { width: 100%; height: 160mm; image-rendering: pixelated }</style></head>
<body><img alt="" src="data:image/png;base64,${png}"></body></html>`,
  )
}

/** The first `fraction` of a real PDF's bytes: a damaged file, as a broken download leaves it. */
export async function truncatedPdf(fraction = 0.4): Promise<string> {
  const whole = await readFile(await articlePdf())
  const path = join(CACHE, `truncated-${Math.round(fraction * 100)}.pdf`)
  if (!existsSync(path)) {
    await mkdir(CACHE, { recursive: true })
    await writeFile(path, whole.subarray(0, Math.floor(whole.length * fraction)))
  }
  return path
}
