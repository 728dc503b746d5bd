import { isAbsolute } from 'node:path'
import { z } from 'zod'
import { checkEditorState } from '../../shared/essay-state/schema'
import { EXPORT_FORMATS } from '../../shared/ipc'
import type {
  ExportOutcome,
  InvokeApi,
  InvokeHandlers,
  InvokeMethod,
  Result,
} from '../../shared/ipc'
import { parseBibEntry } from './bibliography/bibliography-service'
import { CITATION_STYLES } from '../../shared/ipc'
import type { NotebookSession } from './notebook-session'
import { CommonplaceError, toAppError } from './errors'
import type { Ports } from './ports'
import { importHighlightsFile } from './highlights/import-highlights-file'
import { openSampleNotebook } from './sample-notebook'
import { SettingsFile } from './settings/settings-file'
import { resumeStateSchema, settingsChangeSchema } from './settings/settings-schema'
import { idSchema, sourceMetadataSchema } from './store/schema'
import { essayDocHandlers, syncConfigSchema, type SyncPorts } from './sync/essay-sync-handlers'
import { isWebLink } from '../../shared/urls'

// The one id pattern the store also checks before an id becomes part of a path.
const id = idSchema
const offset = z.number().int().nonnegative()
const note = z.string().max(20_000)
const tags = z.array(z.string().max(200)).max(100)
/** A page of a list: lists are never sent whole (see ipc.ts `Page`). */
const page = z
  .object({
    limit: z.number().int().min(1).max(1000).optional(),
    cursor: z.string().max(200).optional(),
  })
  .strict()

/** An essay's whole state, strictly: the one issue names the place, "root.children[3]…: …". */
const editorState = z.unknown().transform((value, context) => {
  const checked = checkEditorState(value)
  if (checked.ok) return checked.value
  context.addIssue({
    code: 'custom',
    message: `The essay could not be saved: ${checked.problem}.`,
    input: value,
  })
  return z.NEVER
})

/** Each channel's arguments, as the tuple its contract method takes. */
type ArgumentSchemas = { [K in InvokeMethod]: z.ZodType<Parameters<InvokeApi[K]>> }

const schemas = {
  listSources: z.tuple([page.optional()]),
  importSources: z.tuple([]),
  // The preload's lookup of a dropped File; the importer's own checks (kind, size, text) follow.
  importOpenedFiles: z.tuple([]),
  importDroppedPath: z.tuple([
    z.string().max(4096).refine(isAbsolute, 'A dropped file must come with its full path.'),
  ]),
  searchSources: z.tuple([
    z.object({ query: z.string().max(1000), limit: z.number().int().min(1).max(200).optional() }),
  ]),
  getSource: z.tuple([id, z.string().max(100).optional()]),
  getSourceFile: z.tuple([id, z.string().max(100)]),
  updateSourceMetadata: z.tuple([id, sourceMetadataSchema]),
  parseBibEntry: z.tuple([z.string().max(100_000, 'Paste one entry (this text is too long).')]),
  deleteSource: z.tuple([id]),
  restoreSource: z.tuple([id]),
  listSourceVersions: z.tuple([id]),
  listClippings: z.tuple([
    page
      .extend({
        sourceId: id.optional(),
        search: z.string().max(1000).optional(),
        tag: z.string().max(200).optional(),
        bySource: z.boolean().optional(),
        collapsed: z.array(id).max(100_000).optional(),
      })
      .strict(),
  ]),
  listClippingGroups: z.tuple([
    z.object({ sourceId: id.optional(), tag: z.string().max(200).optional() }).strict(),
  ]),
  createClipping: z.tuple([
    z
      .object({
        sourceId: id,
        start: offset,
        end: offset,
        note: note.optional(),
        tags: tags.optional(),
      })
      .strict(),
  ]),
  updateClipping: z.tuple([
    z.object({ id, note: note.optional(), tags: tags.optional() }).strict(),
  ]),
  deleteClipping: z.tuple([id]),
  restoreClipping: z.tuple([id]),
  listProblems: z.tuple([]),
  openExternal: z.tuple([z.string().max(4000)]),
  lookupClippings: z.tuple([z.array(id).max(100_000)]),
  waitingClippings: z.tuple([z.array(id).max(100_000)]),
  listEssays: z.tuple([]),
  createEssay: z.tuple([z.string().max(500).optional()]),
  getEssay: z.tuple([id]),
  // The essays service checks it again: the CLI and imports save without passing through here.
  saveEssay: z.tuple([id, editorState]),
  renameEssay: z.tuple([id, z.string().max(500)]),
  deleteEssay: z.tuple([id]),
  restoreEssay: z.tuple([id]),
  essaysCitingClipping: z.tuple([id]),
  essaysCitingSource: z.tuple([id]),
  readyToClose: z.tuple([]),
  exportEssay: z.tuple([
    z
      .object({
        essayId: id,
        format: z.enum(EXPORT_FORMATS),
        allowUnverified: z.boolean(),
        style: z.enum(CITATION_STYLES).optional(),
      })
      .strict(),
  ]),
  revealExport: z.tuple([z.string().min(1).max(4096)]),
  importEssay: z.tuple([]),
  importHighlights: z.tuple([]),
  verifyCitations: z.tuple([id.optional()]),
  reimportSource: z.tuple([id]),
  acceptChangedQuote: z.tuple([id]),
  keepClippingWording: z.tuple([id]),
  notebookStatus: z.tuple([]),
  listBackups: z.tuple([]),
  createBackup: z.tuple([]),
  restoreBackup: z.tuple([z.string().max(100)]),
  repairNotebook: z.tuple([]),
  openSampleNotebook: z.tuple([]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([settingsChangeSchema]),
  saveResumeState: z.tuple([resumeStateSchema]),
  revealDataFolder: z.tuple([]),
  aboutApp: z.tuple([]),
  screenReaderRunning: z.tuple([]),
  getSyncStatus: z.tuple([]),
  configureSync: z.tuple([syncConfigSchema.nullable()]),
  joinEssayDoc: z.tuple([id]),
  // A Yjs update in base64: one keystroke is tens of bytes, a pasted chapter a few hundred KB.
  sendEssayUpdate: z.tuple([id, z.base64().max(20_000_000)]),
  leaveEssayDoc: z.tuple([id]),
  sendEssayAwareness: z.tuple([id, z.base64().max(100_000)]),
} satisfies ArgumentSchemas

// `satisfies` alone lets a schema be narrower than its method: a new optional argument would
// compile and then be refused at run time. This names any method whose schema is not exact.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Inexact = {
  [K in InvokeMethod]: Same<z.output<(typeof schemas)[K]>, Parameters<InvokeApi[K]>> extends true
    ? never
    : K
}[InvokeMethod]
const allExact: [Inexact] extends [never] ? true : Inexact = true
void allExact

/**
 * The handler behind every channel of the contract. Arguments arrive untrusted: each is parsed
 * before a service sees it, and every failure comes back as a typed error the UI can show.
 */
export function createHandlers(
  session: NotebookSession,
  ports: Ports,
  // The session syncs the catalog and the essays' documents (when sync/config.json says to).
  sync: SyncPorts = {
    essayDocs: () => session.essayDocs(),
    control: {
      status: () => session.syncStatus(),
      configure: (config) => session.configureSync(config),
    },
  },
): InvokeHandlers {
  function handle<S extends z.ZodType<unknown[]>, T>(
    schema: S,
    run: (...args: z.infer<S>) => Promise<T> | T,
  ): (...args: unknown[]) => Promise<Result<T>> {
    return async (...args) => {
      const parsed = schema.safeParse(args)
      if (!parsed.success) {
        // A failed parse always has an issue.
        const issue = parsed.error.issues[0] as z.core.$ZodIssue
        // A custom issue's message names its own place.
        const where =
          issue.path.length && issue.code !== 'custom' ? ` (${issue.path.join('.')})` : ''
        return {
          ok: false,
          error: { code: 'invalid-argument', message: `${issue.message}${where}` },
        }
      }
      try {
        // Whatever other processes wrote is taken in before answering.
        if (session.status().state === 'open') await session.commonplace.store.catchUp()
        return { ok: true, value: await run(...(parsed.data as z.infer<S>)) }
      } catch (error) {
        return { ok: false, error: toAppError(error) }
      }
    }
  }

  // Files written by "Export" since main started: the only paths "Reveal in folder" shows.
  const exportedPaths = new Set<string>()
  // Beside the notebook, not in it: settings load (and save) even when the notebook is refused.
  const settings = SettingsFile.in(session.dataDir)

  // The open notebook; in a refused one every call but the ways back says why.
  const app = {
    get sources() {
      return session.commonplace.sources
    },
    get clippings() {
      return session.commonplace.clippings
    },
    get sourceSearch() {
      return session.commonplace.sourceSearch
    },
    get essays() {
      return session.commonplace.essays
    },
    get exports() {
      return session.commonplace.exports
    },
    get store() {
      return session.commonplace.store
    },
    get highlights() {
      return session.commonplace.highlights
    },
  }

  /** Sync on: essays a clipping's decision rewrote take it into their shared docs too. */
  async function shareCitingEssays<T>(clippingId: string, answer: T): Promise<T> {
    const docs = sync.essayDocs?.()
    if (docs) await docs.absorb((await app.essays.citingClipping(clippingId)).map((e) => e.id))
    return answer
  }

  return {
    listSources: handle(schemas.listSources, (query) => app.sources.page(query)),
    importSources: handle(schemas.importSources, async () =>
      app.sources.importFiles(await ports.chooseFilesToImport()),
    ),
    importDroppedPath: handle(schemas.importDroppedPath, (path) => app.sources.importFiles([path])),
    importOpenedFiles: handle(schemas.importOpenedFiles, async () => {
      // The page asks on every start: with nothing waiting, a refused notebook is not disturbed.
      const paths = ports.takeOpenedFiles()
      return paths.length === 0 ? { imported: [], failed: [] } : app.sources.importFiles(paths)
    }),
    searchSources: handle(schemas.searchSources, ({ query, limit }) =>
      app.sourceSearch.search(query, limit),
    ),
    getSource: handle(schemas.getSource, (sourceId, versionHash) =>
      app.sources.get(sourceId, versionHash),
    ),
    getSourceFile: handle(schemas.getSourceFile, (sourceId, versionHash) =>
      app.sources.keptFile(sourceId, versionHash),
    ),
    updateSourceMetadata: handle(schemas.updateSourceMetadata, (sourceId, metadata) =>
      app.sources.updateMetadata(sourceId, metadata),
    ),
    parseBibEntry: handle(schemas.parseBibEntry, (text) => parseBibEntry(text)),
    deleteSource: handle(schemas.deleteSource, (sourceId) => app.sources.delete(sourceId)),
    restoreSource: handle(schemas.restoreSource, (sourceId) => app.sources.restore(sourceId)),
    listSourceVersions: handle(schemas.listSourceVersions, (sourceId) =>
      app.sources.versions(sourceId),
    ),
    listClippings: handle(schemas.listClippings, (query) => app.clippings.page(query)),
    listClippingGroups: handle(schemas.listClippingGroups, (query) => app.clippings.groups(query)),
    createClipping: handle(schemas.createClipping, (request) => app.clippings.create(request)),
    updateClipping: handle(schemas.updateClipping, (edit) => app.clippings.update(edit)),
    deleteClipping: handle(schemas.deleteClipping, (clippingId) =>
      app.clippings.delete(clippingId),
    ),
    restoreClipping: handle(schemas.restoreClipping, (clippingId) =>
      app.clippings.restore(clippingId),
    ),
    listProblems: handle(schemas.listProblems, () => app.store.problems),
    openExternal: handle(schemas.openExternal, async (url) => {
      if (!isWebLink(url)) {
        throw new CommonplaceError(
          'invalid-argument',
          `Only web links (http or https) open outside Commonplace: ${url}`,
        )
      }
      await ports.openExternal(url)
    }),
    lookupClippings: handle(schemas.lookupClippings, (ids) => app.clippings.lookup(ids)),
    waitingClippings: handle(schemas.waitingClippings, (ids) => app.clippings.waiting(ids)),
    listEssays: handle(schemas.listEssays, () => app.essays.list()),
    createEssay: handle(schemas.createEssay, async (title) => {
      const summary = await app.essays.create(title)
      // Sync on: shared from the start, so the editor opens on its doc without waiting.
      await sync.essayDocs?.()?.shareNew(summary.id)
      return summary
    }),
    getEssay: handle(schemas.getEssay, (essayId) => app.essays.get(essayId)),
    saveEssay: handle(schemas.saveEssay, async (essayId, state) => {
      const summary = await app.essays.save(essayId, state)
      // Sync on: the editor saved what its shared doc held (see EssayDocs.absorb).
      sync.essayDocs?.()?.noteSaved(essayId, state)
      return summary
    }),
    renameEssay: handle(schemas.renameEssay, (essayId, title) => app.essays.rename(essayId, title)),
    deleteEssay: handle(schemas.deleteEssay, (essayId) => app.essays.delete(essayId)),
    restoreEssay: handle(schemas.restoreEssay, (essayId) => app.essays.restore(essayId)),
    essaysCitingClipping: handle(schemas.essaysCitingClipping, (clippingId) =>
      app.essays.citingClipping(clippingId),
    ),
    essaysCitingSource: handle(schemas.essaysCitingSource, (sourceId) =>
      app.essays.citingSource(sourceId),
    ),
    readyToClose: handle(schemas.readyToClose, () => ports.readyToClose()),
    exportEssay: handle(schemas.exportEssay, async (request): Promise<ExportOutcome> => {
      // The gate runs before the dialog: nothing unverified is written unless the writer agreed.
      const gate = await app.exports.gate(request)
      if (gate.status === 'blocked') return gate
      const title = (await app.essays.get(request.essayId)).title
      const path = await ports.chooseExportPath(`${fileNameOf(title)}.md`)
      if (!path) return { status: 'cancelled' }
      await app.exports.writeFile(path, gate.markdown)
      exportedPaths.add(path)
      return { status: 'written', path, unverified: gate.unverified.length, kept: gate.kept }
    }),
    revealExport: handle(schemas.revealExport, (path) => {
      // Only what the writer just saved through the dialog: the page cannot use this to probe
      // or show any other path on the disk.
      if (!exportedPaths.has(path)) {
        throw new CommonplaceError(
          'invalid-argument',
          `Only a file exported in this session can be shown in its folder: ${path}`,
        )
      }
      ports.showItemInFolder(path)
    }),
    importEssay: handle(schemas.importEssay, async () => {
      const path = await ports.chooseEssayToImport()
      if (!path) return null
      const essay = await app.exports.importMarkdownFile(path)
      await sync.essayDocs?.()?.shareNew(essay.id)
      return essay
    }),
    importHighlights: handle(schemas.importHighlights, async () => {
      const path = await ports.chooseHighlightsToImport()
      return path ? importHighlightsFile(app.highlights, path) : null
    }),
    verifyCitations: handle(schemas.verifyCitations, (essayId) => app.exports.verify(essayId)),
    acceptChangedQuote: handle(schemas.acceptChangedQuote, async (clippingId) =>
      shareCitingEssays(clippingId, await app.clippings.acceptChange(clippingId)),
    ),
    keepClippingWording: handle(schemas.keepClippingWording, async (clippingId) =>
      shareCitingEssays(clippingId, await app.clippings.keepWording(clippingId)),
    ),
    reimportSource: handle(schemas.reimportSource, async (sourceId) => {
      const [path] = await ports.chooseFilesToImport()
      if (!path) return null
      const { source, counts, anchors } = await app.sources.reimport(sourceId, path)
      const affected = anchors.flatMap(({ clippingId, quote, state }) =>
        state === 'changed' || state === 'missing' ? [{ clippingId, quote, state }] : [],
      )
      return { source, counts, affected }
    }),
    notebookStatus: handle(schemas.notebookStatus, () => session.status()),
    listBackups: handle(schemas.listBackups, () => session.listBackups()),
    createBackup: handle(schemas.createBackup, () => session.backup('manual')),
    restoreBackup: handle(schemas.restoreBackup, (name) => session.restore(name)),
    repairNotebook: handle(schemas.repairNotebook, () => session.repair()),
    openSampleNotebook: handle(schemas.openSampleNotebook, () =>
      openSampleNotebook(session.commonplace, ports.sampleNotebookDir),
    ),
    getSettings: handle(schemas.getSettings, () => settings.snapshot()),
    updateSettings: handle(schemas.updateSettings, (change) => settings.update(change)),
    saveResumeState: handle(schemas.saveResumeState, (state) => settings.saveResume(state)),
    revealDataFolder: handle(schemas.revealDataFolder, () => ports.openFolder(session.dataDir)),
    aboutApp: handle(schemas.aboutApp, () => ({
      ...ports.appIdentity(),
      dataDir: session.dataDir,
    })),
    screenReaderRunning: handle(schemas.screenReaderRunning, () => ports.screenReaderRunning()),
    ...essayDocHandlers(schemas, handle, sync, async () => (await settings.snapshot()).settings),
  }
}

/** A title as a file name every OS accepts. */
function fileNameOf(title: string): string {
  const safe = Array.from(title, (c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? ' ' : c)).join('')
  return safe.replace(/\s+/g, ' ').trim().slice(0, 120) || 'essay'
}
