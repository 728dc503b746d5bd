// Importing PDFs from the terminal: a printed article, a scan without text, a damaged file.
import { copyFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, runCli } from './cli-support'
import { articlePdf, imageOnlyPdf, truncatedPdf } from './pdf-fixtures'
import { articlePdfWithout } from './pdf-variants'
import { useTempDir } from './support'

const tempDir = useTempDir()

beforeAll(ensureBuilt)

describe('commonplace import with PDFs', { timeout: 90_000 }, () => {
  it('imports a printed PDF, lists it as kind pdf, and a clip finds its words', async () => {
    const notebook = join(tempDir(), 'notebook')
    const imported = await runCli(notebook, 'import', await articlePdf())
    expect(imported.code).toBe(0)
    expect(imported.stdout).toMatch(/^imported s-\w+ {2}Sean Baker on Red Rocket/)
    const listed = JSON.parse((await runCli(notebook, 'sources', '--json')).stdout) as {
      id: string
      kind: string
    }[]
    expect(listed.map((source) => source.kind)).toEqual(['pdf'])
    const clip = await runCli(
      notebook,
      'clip',
      listed[0]?.id ?? '',
      '--quote',
      'I hate the hypocrisy in our society',
    )
    expect(clip.code).toBe(0)

    // A reprint without its first paragraph: a new version, the clipping moved.
    const id = listed[0]?.id ?? ''
    const reimported = await runCli(notebook, 'reimport', id, await articlePdfWithout(0))
    expect(reimported.code).toBe(0)
    expect(reimported.stdout).toMatch(/^ {2}moved {4}c-\w+ {2}“I hate the hypocrisy/m)
  })

  it('imports a scan without text with a notice, and exits 0', async () => {
    const notebook = join(tempDir(), 'notebook')
    const scan = join(tempDir(), 'Scan.pdf')
    await copyFile(await imageOnlyPdf(), scan)
    const run = await runCli(notebook, 'import', scan)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^imported s-\w+ {2}Scanned page/)
    expect(run.stderr).toContain(
      'Scan.pdf: imported, but its pages have no text layer, so its passages cannot be clipped',
    )
  })

  it('names a damaged PDF and exits 1, importing the rest of the batch', async () => {
    const notebook = join(tempDir(), 'notebook')
    const run = await runCli(notebook, 'import', await truncatedPdf(), await articlePdf())
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/not imported: truncated-40\.pdf: is damaged or not a PDF \(/)
    expect(run.stdout).toContain('Sean Baker on Red Rocket')
  })
})
