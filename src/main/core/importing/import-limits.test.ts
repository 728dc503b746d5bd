// Hostile and huge files through the real import path: the services, the built worker, real files.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureNames, fixturePath, useTempDir } from '../../../../test/support'
import { openCommonplace } from '../commonplace'
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits'
import { ImportWorker, type ImportWorkerOptions } from './worker-extractor'

const tempDir = useTempDir()
const bakerTitle = 'Sean Baker on why sex work keeps returning in his films'
const sentence =
  'Plain words that go on for a while, so that the page reads like prose and counts as an article.'

async function inboxFile(name: string, content: string): Promise<string> {
  await mkdir(join(tempDir(), 'inbox'), { recursive: true })
  const path = join(tempDir(), 'inbox', name)
  await writeFile(path, content)
  return path
}

function page(body: string): string {
  return `<!doctype html><html><head><title>Test page</title></head><body>${body}</body></html>`
}

/** One paragraph inside `levels` nested <div>s. */
function nestedPage(levels: number): string {
  return page(`${'<div>'.repeat(levels)}<p>${sentence}</p>${'</div>'.repeat(levels)}`)
}

/** A notebook whose imports go through a worker of its own, with these limits. */
async function notebook(options: ImportWorkerOptions = {}): Promise<{
  app: Awaited<ReturnType<typeof openCommonplace>>
  worker: ImportWorker
}> {
  const worker = new ImportWorker(options)
  const app = await openCommonplace(join(tempDir(), 'notebook'), { extract: worker.extract })
  return { app, worker }
}

function limits(overrides: Partial<ImportLimits>): Partial<ImportLimits> {
  return { ...DEFAULT_IMPORT_LIMITS, ...overrides }
}

describe('import limits', { timeout: 120_000 }, () => {
  it('refuses a page of 10,000 nested elements, naming it and the limit; the rest import', async () => {
    const { app, worker } = await notebook()
    const report = await app.sources.importFiles([
      fixturePath(fixtureNames.bakerHtml),
      await inboxFile('deep.html', nestedPage(10_000)),
      fixturePath(fixtureNames.anoraTxt),
    ])
    expect(report.imported.map((source) => source.title)).toEqual([
      bakerTitle,
      'Anora sex work oscars',
    ])
    expect(report.failed).toEqual([
      {
        fileName: 'deep.html',
        message:
          'deep.html: its elements are nested more than 256 levels deep; ' +
          'Commonplace reads pages nested up to 256 levels.',
      },
    ])
    await worker.close()
  })

  // Building this DOM alone would outlast the time limit: each element jsdom inserts checks all of
  // its ancestors. The scan reads tags, keeps no tree, and stops at level 257.
  it('refuses a million unclosed <div>s before building a DOM of them', async () => {
    const { app, worker } = await notebook()
    const report = await app.sources.importFiles([
      await inboxFile('unclosed.html', page('<div>'.repeat(1_000_000))),
    ])
    expect(report.failed[0]?.message).toMatch(/^unclosed\.html: .*nested more than 256 levels/)
    await worker.close()
  })

  // Refused rather than read: past the limit, and Readability's clean-up alone would take about
  // 40 s at this depth (it grows with the cube of the nesting).
  it('refuses 1,024 levels by the nesting limit, before reading the page', async () => {
    const { app, worker } = await notebook()
    const report = await app.sources.importFiles([
      await inboxFile('nested-1024.html', nestedPage(1024)),
    ])
    expect(report.imported).toEqual([])
    expect(report.failed[0]?.message).toMatch(/^nested-1024\.html: .*nested more than 256 levels/)
    await worker.close()
  })

  it('reads sloppy HTML whose unclosed tags the browser would close, however many', async () => {
    // 600 paragraphs and list items, each leaving a <font> or <b> open: nested, they would be
    // over a thousand levels deep; the HTML parser closes them at each new paragraph.
    const paragraphs = Array.from({ length: 300 }, (_, i) => `<p><font>${i}: ${sentence}`)
    const items = Array.from({ length: 300 }, (_, i) => `<li><b>Item ${i}: ${sentence}`)
    const { app, worker } = await notebook()
    const report = await app.sources.importFiles([
      await inboxFile(
        'sloppy.html',
        page(`<article>${paragraphs.join('')}<ul>${items.join('')}</ul></article>`),
      ),
    ])
    expect(report.failed).toEqual([])
    const detail = await app.sources.get(report.imported[0]!.id)
    expect(detail.version.text).toContain(`299: ${sentence}`)
    expect(detail.version.text).toContain(`Item 299: ${sentence}`)
    await worker.close()
  })

  it('imports a flat 2 MB page of 20,000 sibling blocks and a 10,000-word paragraph', async () => {
    const blocks = Array.from({ length: 20_000 }, (_, i) => `<div>Block ${i}. ${sentence}</div>`)
    const words = Array.from({ length: 10_000 }, (_, i) => `<span>w${i}</span>`).join(' ')
    const html = page(`${blocks.join('\n')}<p>${words}</p>`)
    expect(html.length).toBeGreaterThan(2_000_000)
    const { app, worker } = await notebook()
    const report = await app.sources.importFiles([await inboxFile('flat.html', html)])
    expect(report.failed).toEqual([])
    const { text } = (await app.sources.get(report.imported[0]!.id)).version
    expect(text).toContain(`Block 0. ${sentence}\n\nBlock 1. ${sentence}`)
    expect(text).toContain(`Block 19999. ${sentence}`)
    expect(text).toContain('w0 w1 w2')
    expect(text.endsWith('w9998 w9999')).toBe(true)
    await worker.close()
  })

  it('stops a file that runs over the time limit, ends its worker, and goes on', async () => {
    const exits: number[] = []
    let exited: () => void = () => undefined
    const workerEnded = new Promise<void>((resolve) => (exited = resolve))
    // Nesting allowed, so the page reaches Readability, which needs far longer than a second.
    const { app, worker } = await notebook({
      limits: limits({ timeLimitMs: 1000, maxNestingDepth: 2000 }),
      onWorkerExit: (code) => {
        exits.push(code)
        exited()
      },
    })
    const report = await app.sources.importFiles([
      await inboxFile('slow.html', nestedPage(1024)),
      fixturePath(fixtureNames.bakerHtml),
    ])
    expect(report.failed).toEqual([
      {
        fileName: 'slow.html',
        message:
          'slow.html: reading it took longer than 1 s and was stopped; the limit is 1 s per file.',
      },
    ])
    expect(report.imported.map((source) => source.title)).toEqual([bakerTitle])
    await workerEnded
    expect(exits[0]).toBe(1)
    await worker.close()
  })

  it('stops a file that needs more memory than the limit, and goes on', async () => {
    const blocks = Array.from({ length: 20_000 }, (_, i) => `<p>Block ${i}. ${sentence}</p>`)
    const { app, worker } = await notebook({ limits: limits({ memoryLimitMb: 128 }) })
    const report = await app.sources.importFiles([
      await inboxFile('big.html', page(blocks.join('\n'))),
      fixturePath(fixtureNames.bakerHtml),
    ])
    expect(report.failed).toEqual([
      {
        fileName: 'big.html',
        message:
          'big.html: reading it needed more than 128 MB of memory and was stopped; ' +
          'the limit is 128 MB per file.',
      },
    ])
    expect(report.imported.map((source) => source.title)).toEqual([bakerTitle])
    await worker.close()
  })

  it('refuses Markdown quoted 1,000 levels deep, and reads a paragraph of 100,000 code spans', async () => {
    const spans = Array.from({ length: 100_000 }, (_, i) => `\`w${i}\``).join(' ')
    const { app, worker } = await notebook()
    const report = await app.sources.importFiles([
      await inboxFile('quotes.md', `${'>'.repeat(1000)} ${sentence}\n`),
      await inboxFile('spans.md', `# Spans\n\n${spans}\n`),
    ])
    expect(report.failed.map((failure) => failure.message)).toEqual([
      expect.stringMatching(/^quotes\.md: .*nested more than 256 levels/),
    ])
    const { text } = (await app.sources.get(report.imported[0]!.id)).version
    expect(text.endsWith('w99998 w99999')).toBe(true)
    await worker.close()
  })

  it('says the worker is not built, naming the file, when its script is missing', async () => {
    const { app, worker } = await notebook({
      workerScript: join(tempDir(), 'out', 'main', 'import-worker.js'),
    })
    const report = await app.sources.importFiles([fixturePath(fixtureNames.bakerHtml)])
    expect(report.failed[0]?.message).toMatch(
      new RegExp(`^${fixtureNames.bakerHtml}: cannot be read: the import worker .* is not built`),
    )
    await worker.close()
  })
})
