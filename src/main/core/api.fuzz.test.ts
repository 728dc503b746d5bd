// Every channel of the contract, called with whatever a compromised or buggy page could send:
// main answers each with a result or a typed error naming the problem, never a crash or a
// "something went wrong", and touches no file outside the notebook and the dialogs' answers.
import { readdir, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fixtureNames, fixturePath, sampleDir, useTempDir } from '../../../test/support'
import { channels, type ErrorCode, type InvokeMethod } from '../../shared/ipc'
import { createHandlers } from './api'
import { NotebookSession } from './notebook-session'
import type { Ports } from './ports'

const tempDir = useTempDir()

const typedCodes: ErrorCode[] = [
  'invalid-argument',
  'not-found',
  'import-failed',
  'busy',
  'damaged',
  'unwritable',
]

/** Every file under `dir`, with its size and change time, to see what a call touched. */
async function filesUnder(dir: string, skip: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  const visit = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (skip.some((skipped) => path.startsWith(skipped))) continue
      if (entry.isDirectory()) await visit(path)
      else {
        const info = await stat(path)
        found.set(relative(dir, path), `${info.size}:${info.mtimeMs}`)
      }
    }
  }
  await visit(dir)
  return found
}

/** Strings a page might send to reach files or break parsers, beside plain random ones. */
const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '../../x/evil',
    '/etc/passwd',
    's-../../x',
    '..\\..\\evil',
    'c-\u0000nul',
    '__proto__',
    'constructor',
    '%2e%2e%2f',
    'file:///etc/passwd',
    'javascript:alert(1)',
    ' '.repeat(2000),
    'x'.repeat(200_000),
  ),
)

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom(NaN, Infinity, -1, 2 ** 53, null, undefined, true),
  fc.dictionary(hostileString, fc.anything({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "id": "s-x"}')),
)

describe('every channel, with hostile arguments', () => {
  it('answers with a result or a typed error, and writes only inside the notebook', async () => {
    const root = tempDir()
    const dataDir = join(root, 'notebook')
    const session = await NotebookSession.open(dataDir)
    await session.commonplace.sources.importFiles([fixturePath(fixtureNames.bakerTxt)])
    await session.commonplace.essays.create('Existing essay')
    // The dialogs answer with paths inside the notebook only, so any file written elsewhere is
    // a file main wrote on its own account.
    const ports: Ports = {
      chooseFilesToImport: async () => [fixturePath(fixtureNames.anoraTxt)],
      openExternal: async () => undefined,
      showItemInFolder: () => undefined,
      chooseExportPath: async () => join(dataDir, 'exported.md'),
      chooseEssayToImport: async () => join(dataDir, 'exported.md'),
      chooseHighlightsToImport: async () => null,
      sampleNotebookDir: sampleDir,
      readyToClose: () => undefined,
      openFolder: async () => undefined,
      appIdentity: () => ({ name: 'Commonplace', version: '0.0.0' }),
      takeOpenedFiles: () => [],
      screenReaderRunning: () => false,
    }
    const handlers = createHandlers(session, ports)
    const before = await filesUnder(root, [dataDir])

    const methods = Object.keys(channels) as InvokeMethod[]
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...methods),
        fc.array(hostileValue, { maxLength: 3 }),
        async (method, args) => {
          const result = await (handlers[method] as (...a: unknown[]) => Promise<unknown>)(...args)
          const answer = result as { ok: boolean; error?: { code: string; message: string } }
          if (answer.ok) return
          expect(typedCodes, `${method}: ${answer.error?.message}`).toContain(answer.error?.code)
          expect(answer.error?.message.length).toBeGreaterThan(0)
        },
      ),
      { numRuns: 400, seed: 20261202 },
    )

    // Arguments of the right shape, with hostile contents and the notebook's real ids among them,
    // so the calls get past the first check into the services.
    const source = (await session.commonplace.sources.list())[0]
    const essay = (await session.commonplace.essays.list())[0]
    const clipping = await session.commonplace.clippings.createFromQuote({
      sourceId: source?.id ?? '',
      quote: 'stigma',
    })
    const id = fc.oneof(fc.constantFrom(source?.id, essay?.id, clipping.id), hostileString)
    const text = fc.oneof(hostileString, fc.constantFrom('A title', 'p. 3', ''))
    const state = fc.record({
      root: fc.record({
        type: fc.constantFrom('root', 'paragraph'),
        version: fc.constant(1),
        children: fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 4 }),
      }),
    })
    const none = fc.constant([] as unknown[])
    // Per channel, arguments of the right count and shape with hostile contents, and the
    // notebook's real ids among them, so the calls get past the first check into the services.
    const argumentsFor = {
      listSources: none,
      importSources: none,
      importOpenedFiles: none,
      importDroppedPath: fc.tuple(
        fc.oneof(hostileString, fc.constant(fixturePath(fixtureNames.anoraHtml)), fc.constant('/')),
      ),
      searchSources: fc.tuple(
        fc.record({ query: text, limit: fc.integer({ min: -1, max: 300 }) }, { requiredKeys: [] }),
      ),
      getSource: fc.tuple(id, fc.option(hostileString, { nil: undefined })),
      getSourceFile: fc.tuple(id, hostileString),
      updateSourceMetadata: fc.tuple(id, fc.record({ title: text, url: text, author: text })),
      parseBibEntry: fc.tuple(
        fc.oneof(text, fc.constant('@misc{a, title={A}}'), fc.constant('{"title": 1}')),
      ),
      deleteSource: fc.tuple(id),
      restoreSource: fc.tuple(id),
      listSourceVersions: fc.tuple(id),
      listClippings: fc.tuple(
        fc.record(
          { sourceId: id, search: text, bySource: fc.boolean(), collapsed: fc.array(id) },
          { requiredKeys: [] },
        ),
      ),
      listClippingGroups: fc.tuple(fc.record({ sourceId: id, tag: text }, { requiredKeys: [] })),
      createClipping: fc.tuple(
        fc.record(
          {
            sourceId: id,
            start: fc.integer({ min: -5, max: 5000 }),
            end: fc.integer({ min: -5, max: 5000 }),
            note: text,
            tags: fc.array(text, { maxLength: 3 }),
          },
          { requiredKeys: ['sourceId', 'start', 'end'] },
        ),
      ),
      updateClipping: fc.tuple(
        fc.record({ id, note: text, tags: fc.array(text) }, { requiredKeys: ['id'] }),
      ),
      deleteClipping: fc.tuple(id),
      restoreClipping: fc.tuple(id),
      listProblems: none,
      openExternal: fc.tuple(text),
      lookupClippings: fc.tuple(fc.array(id, { maxLength: 5 })),
      waitingClippings: fc.tuple(fc.array(id, { maxLength: 5 })),
      listEssays: none,
      createEssay: fc.tuple(fc.option(text, { nil: undefined })),
      getEssay: fc.tuple(id),
      saveEssay: fc.tuple(id, state),
      renameEssay: fc.tuple(id, text),
      deleteEssay: fc.tuple(id),
      restoreEssay: fc.tuple(id),
      essaysCitingClipping: fc.tuple(id),
      essaysCitingSource: fc.tuple(id),
      readyToClose: none,
      exportEssay: fc.tuple(
        fc.record({
          essayId: id,
          format: fc.constantFrom('gfm', 'pandoc', 'obsidian', 'docx'),
          allowUnverified: fc.boolean(),
          style: fc.constantFrom(undefined, 'apa', '/etc/passwd'),
        }),
      ),
      revealExport: fc.tuple(text),
      importEssay: none,
      importHighlights: none,
      verifyCitations: fc.tuple(fc.option(id, { nil: undefined })),
      reimportSource: fc.tuple(id),
      acceptChangedQuote: fc.tuple(id),
      keepClippingWording: fc.tuple(id),
      notebookStatus: none,
      listBackups: none,
      createBackup: none,
      restoreBackup: fc.tuple(text),
      repairNotebook: none,
      openSampleNotebook: none,
      getSettings: none,
      updateSettings: fc.tuple(
        fc.record(
          {
            theme: fc.constantFrom('system', 'light', 'dark', 'purple'),
            readerFontSize: fc.integer({ min: -5, max: 200 }),
            essayFont: fc.oneof(fc.constantFrom('serif', 'sans'), hostileString),
            exportFormat: fc.constantFrom('gfm', 'pandoc', 'obsidian', 'docx'),
            citationStyle: fc.constantFrom('plain', 'apa', 'harvard'),
            userName: fc.oneof(text, hostileString),
            screenReaderSupport: fc.constantFrom('auto', 'on', 'off', 'always'),
          },
          { requiredKeys: [] },
        ),
      ),
      saveResumeState: fc.tuple(
        fc.record({
          view: fc.constantFrom('reader', 'essay', 'settings'),
          sourceId: fc.option(id, { nil: null }),
          essayId: fc.option(id, { nil: null }),
          reading: fc.constant(null),
        }),
      ),
      revealDataFolder: none,
      aboutApp: none,
      screenReaderRunning: none,
      getSyncStatus: none,
      configureSync: fc.tuple(
        fc.oneof(
          fc.constant(null),
          fc.record({ server: text, notebook: text, token: text }, { requiredKeys: [] }),
        ),
      ),
      joinEssayDoc: fc.tuple(id),
      sendEssayUpdate: fc.tuple(id, text),
      leaveEssayDoc: fc.tuple(id),
      sendEssayAwareness: fc.tuple(id, text),
    } satisfies Record<InvokeMethod, fc.Arbitrary<unknown[]>>
    const call = fc.oneof(
      ...methods.map((method) => argumentsFor[method].map((args) => ({ method, args }))),
    )
    await fc.assert(
      fc.asyncProperty(call, async ({ method, args }) => {
        const result = await (handlers[method] as (...a: unknown[]) => Promise<unknown>)(...args)
        const answer = result as { ok: boolean; error?: { code: string; message: string } }
        if (answer.ok) return
        expect(typedCodes, `${method}: ${answer.error?.message}`).toContain(answer.error?.code)
      }),
      { numRuns: 600, seed: 20261203 },
    )

    expect(await filesUnder(root, [dataDir])).toEqual(before)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // The notebook still opens, whatever was sent.
    const reopened = await NotebookSession.open(dataDir)
    expect(reopened.status().state).toBe('open')
    // An index saved by its timer while the temp folder is removed would make removing it fail.
    await Promise.all([session.flush(), reopened.flush()])
    // Nor may a watcher or anything else either session started still write into it.
    await Promise.all([session.close(), reopened.close()])
  }, 120_000)
})
