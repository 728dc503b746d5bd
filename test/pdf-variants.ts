// More PDFs made at test time for the import tests, on top of pdf-fixtures.ts: the article with
// its long words breakable (so Chromium hyphenates them at line ends), without one of its
// paragraphs (a newer printing), and encrypted with qpdf. Cached in the OS temp folder like them.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, rename } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { articlePdf, fixtureParagraphs, printPdf, printableHtml } from './pdf-fixtures'

const CACHE = join(tmpdir(), 'commonplace-test-pdfs')
const run = promisify(execFile)

/**
 * The article with a soft hyphen every three letters of its long words: headless Chromium has no
 * hyphenation dictionary, but breaks at a soft hyphen and draws a hyphen (U+2010) there.
 */
export async function softHyphenPdf(): Promise<string> {
  const paragraphs = (await fixtureParagraphs()).map((paragraph) =>
    paragraph.replace(/\b[a-z]{9,}\b/g, (word) => word.replace(/(.{3})(?=.{3})/g, '$1\u00AD')),
  )
  return printPdf(printableHtml(paragraphs, { title: 'Sean Baker on Red Rocket' }))
}

/** The article as printed again with its paragraph `index` left out. */
export async function articlePdfWithout(index: number): Promise<string> {
  const paragraphs = await fixtureParagraphs()
  paragraphs.splice(index, 1)
  return printPdf(printableHtml(paragraphs, { title: 'Sean Baker on Red Rocket' }))
}

/** Whether qpdf is installed (the encrypted PDF is made with it). */
export function hasQpdf(): boolean {
  return ['/usr/bin/qpdf', '/usr/local/bin/qpdf'].some((path) => existsSync(path))
}

/** The article encrypted with a user password (AES-256): it cannot be opened without one. */
export async function encryptedPdf(): Promise<string> {
  const path = join(CACHE, 'encrypted-article.pdf')
  if (!existsSync(path)) {
    await mkdir(CACHE, { recursive: true })
    const temp = `${path}.${process.pid}.tmp`
    await run('qpdf', ['--encrypt', 'user', 'owner', '256', '--', await articlePdf(), temp])
    await rename(temp, path)
  }
  return path
}
