// A batch read by a pool of import workers: through the real service, the built worker and real
// files. The report and the library keep the batch's order whichever worker finishes first.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureNames, fixturePath, useTempDir } from '../../../../test/support'
import { openCommonplace } from '../commonplace'
import { findWorkerScript } from './worker-extractor'
import { ImportWorkerPool, type ImportWorkerPoolOptions } from './worker-pool'

const tempDir = useTempDir()

async function notebook(options: ImportWorkerPoolOptions) {
  const pool = new ImportWorkerPool(options)
  const app = await openCommonplace(join(tempDir(), 'notebook'), { extract: pool.extract })
  return { app, pool }
}

async function inboxFile(name: string, content: string): Promise<string> {
  await mkdir(join(tempDir(), 'inbox'), { recursive: true })
  const path = join(tempDir(), 'inbox', name)
  await writeFile(path, content)
  return path
}

/** A page of about `paragraphs` paragraphs: a long one takes its worker much longer to read. */
const article = (title: string, paragraphs = 1): string =>
  `<!doctype html><html><head><title>${title}</title></head><body><article>` +
  `<h1>${title}</h1>` +
  `<p>${'Plain words that go on for a while, so the page reads as prose. '.repeat(12)}</p>`.repeat(
    paragraphs,
  ) +
  `<p>${title} ends here.</p></article></body></html>`

/** The built worker, except that it dies (as a crash would end it) when asked for crash.html. */
async function crashingWorkerScript(): Promise<string> {
  const real = findWorkerScript()
  if (!real) throw new Error('Build first: the import worker is out/main/import-worker.js.')
  const script = join(tempDir(), 'crashing-worker.js')
  await writeFile(
    script,
    `const { parentPort } = require('node:worker_threads')
parentPort.on('message', (request) => {
  if (request.file.fileName === 'crash.html') process.exit(3)
})
require(${JSON.stringify(real)})
`,
  )
  return script
}

describe('a pool of import workers', { timeout: 120_000 }, () => {
  it('reads a batch in two workers and reports and stores it in the order given', async () => {
    const exits: number[] = []
    const { app, pool } = await notebook({ size: 2, onWorkerExit: (code) => exits.push(code) })
    // The first page is long, so later ones are done in the other worker before it.
    const titles = ['Long first page', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth']
    const paths = [
      await inboxFile('long.html', article(titles[0] as string, 400)),
      ...(await Promise.all(
        titles.slice(1).map((title, index) => inboxFile(`page-${index}.html`, article(title))),
      )),
      fixturePath(fixtureNames.bakerTxt),
    ]
    const report = await app.sources.importFiles(paths)
    expect(report.failed).toEqual([])
    expect(report.imported.map((source) => source.title)).toEqual([
      ...titles,
      'Baker red rocket interview',
    ])
    expect((await app.sources.list()).map((source) => source.title)).toEqual(
      report.imported.map((source) => source.title),
    )
    const second = await app.sources.get(report.imported[1]?.id as string)
    expect(second.version.text).toContain('Second ends here.')
    // Two distinct threads read the batch: each ends once when the pool is closed.
    await pool.close()
    expect(exits).toHaveLength(2)
  })

  it('goes on past a file whose worker crashed, and names that file', async () => {
    const exits: number[] = []
    const { app, pool } = await notebook({
      size: 2,
      workerScript: await crashingWorkerScript(),
      onWorkerExit: (code) => exits.push(code),
    })
    const report = await app.sources.importFiles([
      await inboxFile('first.html', article('First page')),
      await inboxFile('crash.html', article('Crashing page')),
      await inboxFile('empty.html', '<!doctype html><html><body></body></html>'),
      await inboxFile('after.html', article('After the crash')),
      await inboxFile('last.html', article('Last page')),
    ])
    expect(report.failed).toEqual([
      {
        fileName: 'crash.html',
        message: 'crash.html: could not be read (the import worker: stopped with code 3).',
      },
      { fileName: 'empty.html', message: 'empty.html: has no readable text.' },
    ])
    expect(report.imported.map((source) => source.title)).toEqual([
      'First page',
      'After the crash',
      'Last page',
    ])
    expect(exits).toEqual([3])
    await pool.close()
  })

  it('ends its workers once they have been idle, and starts again for the next batch', async () => {
    const exits: number[] = []
    const { app } = await notebook({
      size: 2,
      keepAliveMs: 200,
      onWorkerExit: (code) => exits.push(code),
    })
    const pages = await Promise.all(
      ['One', 'Two', 'Three', 'Four'].map((title) => inboxFile(`${title}.html`, article(title))),
    )
    const first = await app.sources.importFiles(pages.slice(0, 2))
    expect(first.imported).toHaveLength(2)
    await expect.poll(() => exits.length, { timeout: 30_000 }).toBe(2)
    const second = await app.sources.importFiles(pages.slice(2))
    expect(second.imported.map((source) => source.title)).toEqual(['Three', 'Four'])
    await expect.poll(() => exits.length, { timeout: 30_000 }).toBe(4)
  })
})
