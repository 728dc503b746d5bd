// The import worker is loaded once for a batch, and a worker that dies is replaced: through the
// real service, the built worker and real files.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureNames, fixturePath, useTempDir } from '../../../../test/support'
import { openCommonplace } from '../commonplace'
import { findWorkerScript, ImportWorker, type ImportWorkerOptions } from './worker-extractor'

const tempDir = useTempDir()

async function notebook(options: ImportWorkerOptions = {}) {
  const worker = new ImportWorker(options)
  const app = await openCommonplace(join(tempDir(), 'notebook'), { extract: worker.extract })
  return { app, worker }
}

async function inboxFile(name: string, content: string): Promise<string> {
  await mkdir(join(tempDir(), 'inbox'), { recursive: true })
  const path = join(tempDir(), 'inbox', name)
  await writeFile(path, content)
  return path
}

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

const article = (title: string): string =>
  `<!doctype html><html><head><title>${title}</title></head><body><article>` +
  `<h1>${title}</h1><p>${'Plain words that go on for a while, so the page reads as prose. '.repeat(12)}</p>` +
  `<p>${title} ends here.</p></article></body></html>`

describe('the import worker across a batch', { timeout: 120_000 }, () => {
  it('reads a batch of pages, text and Markdown in one worker thread', async () => {
    const exits: number[] = []
    const { app, worker } = await notebook({ onWorkerExit: (code) => exits.push(code) })
    const report = await app.sources.importFiles([
      fixturePath(fixtureNames.bakerHtml),
      fixturePath(fixtureNames.anoraHtml),
      fixturePath(fixtureNames.anoraTxt),
      await inboxFile('notes.md', '# Notes\n\nA paragraph of Markdown.\n'),
      await inboxFile('third.html', article('Third page')),
    ])
    expect(report.failed).toEqual([])
    expect(report.imported).toHaveLength(5)
    // No thread ended during the batch: every file went to the same worker.
    expect(exits).toEqual([])
    await worker.close()
    expect(exits).toHaveLength(1)
  })

  it('replaces a worker that crashed, and the next files import', async () => {
    const exits: number[] = []
    const { app, worker } = await notebook({
      workerScript: await crashingWorkerScript(),
      onWorkerExit: (code) => exits.push(code),
    })
    const report = await app.sources.importFiles([
      await inboxFile('first.html', article('First page')),
      await inboxFile('crash.html', article('Crashing page')),
      await inboxFile('after.html', article('After the crash')),
      fixturePath(fixtureNames.bakerTxt),
    ])
    expect(report.failed).toEqual([
      {
        fileName: 'crash.html',
        message: 'crash.html: could not be read (the import worker: stopped with code 3).',
      },
    ])
    expect(report.imported.map((source) => source.title)).toEqual([
      'First page',
      'After the crash',
      'Baker red rocket interview',
    ])
    const after = await app.sources.get(report.imported[1]!.id)
    expect(after.version.text).toContain('After the crash ends here.')
    expect(exits).toEqual([3])
    await worker.close()
  })
})
