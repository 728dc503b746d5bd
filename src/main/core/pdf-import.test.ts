// PDF sources through the services, with the real import worker (out/main/import-worker.js):
// a batch with a damaged and a scanned PDF, duplicates, reimport of a reprinted PDF, backups.
import { appendFile, copyFile, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { articlePdf, imageOnlyPdf, truncatedPdf } from '../../../test/pdf-fixtures'
import { articlePdfWithout } from '../../../test/pdf-variants'
import { fixtureNames, fixturePath, useTempDir } from '../../../test/support'
import { locatorAt } from '../../shared/layout'
import { openCommonplace } from './commonplace'
import { NotebookSession } from './notebook-session'
import { createBackup } from './store/backups'

const tempDir = useTempDir()
const notebook = (): string => join(tempDir(), 'notebook')

describe('importing PDFs', () => {
  it('imports a batch: the PDF with its pages and file, the scan with a notice, not the damaged one', async () => {
    const app = await openCommonplace(notebook())
    const scan = join(tempDir(), 'Scan.pdf')
    await copyFile(await imageOnlyPdf(), scan)
    const report = await app.sources.importFiles([
      await articlePdf(),
      await truncatedPdf(),
      scan,
      fixturePath(fixtureNames.anoraTxt),
    ])
    expect(report.imported.map((source) => [source.kind, source.title])).toEqual([
      ['pdf', 'Sean Baker on Red Rocket'],
      ['pdf', 'Scanned page'],
      ['txt', expect.any(String)],
    ])
    expect(report.failed).toEqual([
      {
        fileName: 'truncated-40.pdf',
        message: expect.stringMatching(/^truncated-40\.pdf: is damaged or not a PDF \(.+\)\.$/),
      },
    ])
    expect(report.notices).toEqual([
      {
        fileName: 'Scan.pdf',
        message:
          'Scan.pdf: imported, but its pages have no text layer, so its passages cannot be ' +
          'clipped (Commonplace does not do OCR).',
      },
    ])

    const [pdf] = report.imported
    const detail = await app.sources.get(pdf?.id ?? '')
    const bytes = await readFile(await articlePdf())
    expect(detail.version.layout?.pages?.length).toBeGreaterThanOrEqual(3)
    expect(detail.version.file).toEqual({ mediaType: 'application/pdf', bytes: bytes.length })
    const kept = await app.sources.keptFile(pdf?.id ?? '', detail.version.hash)
    expect(kept.mediaType).toBe('application/pdf')
    expect(Buffer.from(kept.base64, 'base64').equals(bytes)).toBe(true)
  })

  it('refuses the same PDF twice, but takes two different scans without text', async () => {
    const app = await openCommonplace(notebook())
    const first = join(tempDir(), 'first-scan.pdf')
    const second = join(tempDir(), 'second-scan.pdf')
    await copyFile(await imageOnlyPdf(), first)
    await copyFile(await imageOnlyPdf(), second)
    // Bytes after the end of the file: another file, still read the same.
    await appendFile(second, '\n% scanned again\n')
    const report = await app.sources.importFiles([first, second, first])
    expect(report.imported).toHaveLength(2)
    expect(report.failed.map((failure) => failure.message)).toEqual([
      'first-scan.pdf: is already in the library as “Scanned page”.',
    ])
  })
})

describe('updating a PDF source from a reprint', () => {
  it('keeps a new version with its own pages and file; a clipping moves to its new page', async () => {
    const app = await openCommonplace(notebook())
    const [source] = (await app.sources.importFiles([await articlePdf()])).imported
    const id = source?.id ?? ''
    const quote = 'I hate the hypocrisy in our society'
    const clipping = await app.clippings.createFromQuote({ sourceId: id, quote })
    const before = await app.sources.get(id)
    const [, at] = clipping.target
    const oldPage = locatorAt(before.version.layout, at.start, at.end)?.pages?.index ?? 0
    expect(oldPage).toBeGreaterThan(1)

    // The first paragraph gone: everything after it moves up, onto an earlier page.
    const report = await app.sources.reimport(id, await articlePdfWithout(0))
    expect(report.anchors.map((anchor) => anchor.state)).toEqual(['moved'])
    const after = await app.sources.get(id)
    expect(after.version.hash).not.toBe(before.version.hash)
    expect(after.version.file?.bytes).toBe((await readFile(await articlePdfWithout(0))).length)
    const anchor = report.anchors[0]
    if (anchor?.state !== 'moved') throw new Error('the clipping did not move')
    const newPage = locatorAt(after.version.layout, anchor.start, anchor.end)
    expect(newPage?.pages?.index).toBeLessThan(oldPage)
    expect(after.version.text.slice(anchor.start, anchor.end)).toBe(quote)
    // The old version still has its own file.
    const old = await app.sources.keptFile(id, before.version.hash)
    expect(Buffer.from(old.base64, 'base64').equals(await readFile(await articlePdf()))).toBe(true)
  })
})

describe('purging a deleted PDF source', () => {
  it('removes its kept file with its text', async () => {
    const app = await openCommonplace(notebook())
    const [source] = (await app.sources.importFiles([await articlePdf()])).imported
    const id = source?.id ?? ''
    const { version } = await app.sources.get(id)
    const kept = (await app.store.text(version.hash)).file?.hash ?? ''
    expect(await readdir(join(notebook(), 'files'))).toEqual([kept])
    await app.sources.delete(id)
    expect((await app.sources.purgeDeleted(0)).purged).toEqual([id])
    expect(await readdir(join(notebook(), 'files'))).toEqual([])
  })
})

describe('backups of a notebook with PDFs', () => {
  it('carry the kept files, and a restore brings back a PDF the reader can load', async () => {
    const app = await openCommonplace(notebook())
    const [source] = (await app.sources.importFiles([await articlePdf()])).imported
    const id = source?.id ?? ''
    const backup = await createBackup(notebook(), app.store.lock, 'manual')
    // The kept file lost (a sync client's doing, or a person's).
    await rm(join(notebook(), 'files'), { recursive: true })

    const session = await NotebookSession.open(notebook())
    await session.restore(backup.name)
    const detail = await session.commonplace.sources.get(id)
    const kept = await session.commonplace.sources.keptFile(id, detail.version.hash)
    const bytes = await readFile(await articlePdf())
    expect(Buffer.from(kept.base64, 'base64').equals(bytes)).toBe(true)
  })
})
