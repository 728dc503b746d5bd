import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureNames, fixturePath, sampleDir, useTempDir } from '../../../test/support'
import type { ImportReport, InvokeHandlers, Result } from '../../shared/ipc'
import { createHandlers } from './api'
import { NotebookSession } from './notebook-session'
import type { Ports } from './ports'

const tempDir = useTempDir()

interface FakePorts extends Ports {
  opened: string[]
  /** Files shown in the file manager, in order. */
  revealed: string[]
  /** Where the next export's save dialog saves; cancelled when unset. */
  savePath: string | null
  /** What the next open dialogs answer, in order; then it is cancelled. */
  answers: string[][]
}

function fakePorts(): FakePorts {
  const ports: FakePorts = {
    opened: [],
    revealed: [],
    savePath: null,
    answers: [],
    chooseFilesToImport: async () => ports.answers.shift() ?? [],
    openExternal: async (url) => {
      ports.opened.push(url)
    },
    readyToClose: () => undefined,
    showItemInFolder: (path) => void ports.revealed.push(path),
    chooseExportPath: async () => ports.savePath,
    chooseEssayToImport: async () => null,
    chooseHighlightsToImport: async () => null,
    sampleNotebookDir: sampleDir,
    openFolder: async () => undefined,
    appIdentity: () => ({ name: 'Commonplace', version: '0.0.0' }),
    takeOpenedFiles: () => [],
    screenReaderRunning: () => false,
  }
  return ports
}

async function setUp(): Promise<{ handlers: InvokeHandlers; ports: FakePorts }> {
  const ports = fakePorts()
  const session = await NotebookSession.open(join(tempDir(), 'notebook'))
  return { handlers: createHandlers(session, ports), ports }
}

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.value
}

function expectInvalid(result: Result<unknown>): void {
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  if (!result.ok) expect(result.error.message).toBeTruthy()
}

async function importBoth(handlers: InvokeHandlers, ports: FakePorts): Promise<ImportReport> {
  ports.answers.push([fixturePath(fixtureNames.bakerHtml), fixturePath(fixtureNames.anoraHtml)])
  return valueOf(await handlers.importSources())
}

describe('createHandlers', () => {
  it('answers junk on every channel with invalid-argument, never by throwing', async () => {
    const { handlers } = await setUp()
    const junk: unknown[][] = [
      [{ evil: true }, 'extra', -1, null],
      [Symbol('x'), () => 1, { toString: () => 'x' }],
    ]
    for (const [channel, handler] of Object.entries(handlers)) {
      for (const args of junk) {
        const result = await (handler as (...args: unknown[]) => Promise<Result<unknown>>)(...args)
        expect(result, channel).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
      }
    }
  })

  it('refuses clipping requests of the wrong shape', async () => {
    const { handlers, ports } = await setUp()
    const baker = (await importBoth(handlers, ports)).imported[0]!
    const good = { sourceId: baker.id, start: 0, end: 10 }
    for (const request of [
      undefined,
      null,
      'clip it',
      { ...good, start: '0' },
      { ...good, end: 10.5 },
      { ...good, start: -1 },
      { ...good, end: -5 },
      { ...good, sourceId: 7 },
      { ...good, sourceId: '' },
      { ...good, tags: 'one' },
      { ...good, tags: [1] },
      { ...good, note: { text: 'x' } },
      // The renderer sends offsets only: main derives the quote from its own copy.
      { ...good, exact: 'forged quote' },
      { ...good, target: [] },
    ])
      expectInvalid(await handlers.createClipping(request as never))

    const negative = await handlers.createClipping({ ...good, start: -1 })
    expect(!negative.ok && negative.error.message).toMatch(/start/)
    expect(valueOf(await handlers.listClippings({}))).toEqual({ items: [], total: 0, next: null })
    expect(valueOf(await handlers.createClipping(good)).target[0].exact).toBe('Sean Baker')
  })

  it('refuses other arguments of the wrong type or with extra keys', async () => {
    const { handlers } = await setUp()
    expectInvalid(await handlers.getSource(42 as never))
    expectInvalid(await handlers.getSource(''))
    expectInvalid(await handlers.listClippings({ search: 5 } as never))
    expectInvalid(await handlers.listClippings({ sourceId: 's-1', sort: 'old' } as never))
    expectInvalid(await handlers.updateClipping({ id: 'c-1', deletedAt: 'now' } as never))
    expectInvalid(await handlers.updateClipping({ id: 'c-1', tags: ['x'.repeat(201)] }))
    expectInvalid(await handlers.deleteClipping(['c-1'] as never))
    expectInvalid(await handlers.updateSourceMetadata('s-1', { title: '' }))
    expectInvalid(await handlers.updateSourceMetadata('s-1', { title: 'T', url: 'ftp://x' }))
    expectInvalid(await handlers.openExternal(undefined as never))
  })

  it('passes service failures back as typed errors', async () => {
    const { handlers } = await setUp()
    expect(await handlers.getSource('s-missing')).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
    expect(await handlers.deleteClipping('c-missing')).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
  })

  it('imports the files the open dialog returns, and nothing when it is cancelled', async () => {
    const { handlers, ports } = await setUp()
    const empty = join(tempDir(), 'empty.md')
    await writeFile(empty, '')
    ports.answers.push([fixturePath(fixtureNames.bakerHtml), empty])
    const report = valueOf(await handlers.importSources())
    expect(report.imported.map((source) => source.siteName)).toEqual(['CinemaBlend'])
    expect(report.failed).toEqual([
      { fileName: 'empty.md', message: expect.stringContaining('empty.md') },
    ])

    expect(valueOf(await handlers.importSources())).toEqual({ imported: [], failed: [] })
    expect(valueOf(await handlers.listSources()).items).toEqual(report.imported)
  })

  it('imports a dropped file by its full path, with the importer’s own checks', async () => {
    const { handlers } = await setUp()
    const report = valueOf(await handlers.importDroppedPath(fixturePath(fixtureNames.bakerHtml)))
    expect(report.imported.map((source) => source.siteName)).toEqual(['CinemaBlend'])
    // Only a full path, as Electron gives for a dropped file: a relative one means nothing here.
    expectInvalid(await handlers.importDroppedPath('baker-red-rocket-interview.html'))
    const binary = join(tempDir(), 'picture.txt')
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))
    expect(valueOf(await handlers.importDroppedPath(binary)).failed).toEqual([
      { fileName: 'picture.txt', message: 'picture.txt: is a binary file, not text.' },
    ])
  })

  it('imports the files opened with the app once each, and nothing when none wait', async () => {
    const session = await NotebookSession.open(join(tempDir(), 'notebook'))
    const waiting = [fixturePath(fixtureNames.bakerHtml)]
    const handlers = createHandlers(session, {
      ...fakePorts(),
      takeOpenedFiles: () => waiting.splice(0),
    })
    const report = valueOf(await handlers.importOpenedFiles())
    expect(report.imported.map((source) => source.siteName)).toEqual(['CinemaBlend'])
    expect(valueOf(await handlers.importOpenedFiles())).toEqual({ imported: [], failed: [] })
  })

  it('reports a failing dialog as an error instead of throwing', async () => {
    const session = await NotebookSession.open(join(tempDir(), 'notebook'))
    const handlers = createHandlers(session, {
      ...fakePorts(),
      chooseFilesToImport: async () => {
        throw new Error('dialog crashed')
      },
    })
    expect(await handlers.importSources()).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('dialog crashed') },
    })
    expect(valueOf(await handlers.listSources()).items).toEqual([])
  })

  it('opens only web links outside the app', async () => {
    const { handlers, ports } = await setUp()
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(document.cookie)',
      'file:///etc/passwd',
      'data:text/html,<script>1</script>',
      'commonplace://settings',
      ' https://example.org/leading-space',
    ]) {
      const result = await handlers.openExternal(url)
      expectInvalid(result)
    }
    expect(ports.opened).toEqual([])

    expect(await handlers.openExternal('https://example.org/afp/anora-sex-workers-oscars')).toEqual(
      { ok: true, value: undefined },
    )
    expect(valueOf(await handlers.openExternal('http://example.org/'))).toBeUndefined()
    expect(ports.opened).toEqual([
      'https://example.org/afp/anora-sex-workers-oscars',
      'http://example.org/',
    ])
  })

  it('reveals an exported file in its folder, and no other path', async () => {
    const { handlers, ports } = await setUp()
    const essay = valueOf(await handlers.createEssay('Revealed'))
    const target = join(tempDir(), 'revealed.md')
    expectInvalid(await handlers.revealExport(target))
    ports.savePath = target
    const outcome = valueOf(
      await handlers.exportEssay({ essayId: essay.id, format: 'gfm', allowUnverified: false }),
    )
    expect(outcome).toMatchObject({ status: 'written', path: target })
    expectInvalid(await handlers.revealExport('/etc/passwd'))
    expectInvalid(await handlers.revealExport(42 as never))
    expect(valueOf(await handlers.revealExport(target))).toBeUndefined()
    expect(ports.revealed).toEqual([target])
  })

  it('lets search follow a source’s new title', async () => {
    const { handlers, ports } = await setUp()
    const baker = (await importBoth(handlers, ports)).imported[0]!
    const clipping = valueOf(
      await handlers.createClipping({ sourceId: baker.id, start: 0, end: 10 }),
    )
    valueOf(await handlers.listClippings({ search: 'Sean' }))
    valueOf(await handlers.updateSourceMetadata(baker.id, { title: 'Tangerine notes' }))
    const found = valueOf(await handlers.listClippings({ search: 'tangerine' })).items
    expect(found.map((view) => view.id)).toEqual([clipping.id])
    expect(found[0]?.sourceTitle).toBe('Tangerine notes')
  })

  it('saves an essay state only when it passes the strict schema, naming where it does not', async () => {
    const { handlers } = await setUp()
    const essay = valueOf(await handlers.createEssay('Strict'))
    const paragraph = essay.editorState.root.children?.[0]
    const hostile = {
      root: {
        ...essay.editorState.root,
        children: [
          paragraph,
          { type: 'citation-block', version: 1, clippingId: 'c', sourceId: 's' },
        ],
      },
    }
    expect(await handlers.saveEssay(essay.id, hostile)).toEqual({
      ok: false,
      error: {
        code: 'invalid-argument',
        message:
          'The essay could not be saved: root.children[1].snapshot: missing (an object is required).',
      },
    })
    expect(await handlers.saveEssay(essay.id, 'not a state')).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-argument',
        message: 'The essay could not be saved: expected an object, got "not a state".',
      },
    })
    valueOf(await handlers.saveEssay(essay.id, essay.editorState))
  })
})
