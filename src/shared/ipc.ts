// The one contract between the renderer and main: every channel, its arguments and its answer.
// The preload implements `CommonplaceApi` one function per channel; main answers each channel
// after parsing its arguments (they arrive as `unknown`); the e2e harness binds the same table.
import type { HighlightsImportReport } from './highlights'
import type { BackupInfo, NotebookStatus, RepairSummary, RestoreReport } from './notebook-care'
import type { ReimportSummary, SourceVersionSummary } from './source-changes'
import type { ClippingView, SourceMetadata, SourceSummary } from './domain'
import type {
  SourceDetail,
  SourceFileData,
  ClippingQuery,
  ClippingGroup,
  Page,
  SourceTextQuery,
  SourceTextHit,
  SourceQuery,
  NewClipping,
  ClippingEdit,
  LoadProblem,
} from './queries'
import type { CitationCheck, Essay, EssaySummary, SerializedEditorStateJson } from './essay'
import type { AboutInfo, ResumeState, Settings, SettingsSnapshot } from './settings'
import type { ExportOutcome, ExportRequest } from './exporting'
import type { ImportProgress, ImportReport } from './importing'
import type { EssayDocJoin, EssaySyncMessage, SyncConfigInput, SyncStatus } from './sync'

/**
 * A file the user dropped on the window: the DOM's `File`, named by the two fields the page reads
 * so that this file needs no DOM types. Only the preload turns it into a path (see
 * `importDroppedFile`).
 */
export interface DroppedFile {
  readonly name: string
  readonly size: number
}

/**
 * busy: another process held the notebook too long, nothing changed; damaged: a file of the
 * notebook cannot be read (kept as it is); unwritable: a file or folder refuses writes.
 */
export type ErrorCode =
  | 'invalid-argument'
  | 'not-found'
  | 'import-failed'
  | 'busy'
  | 'damaged'
  | 'unwritable'
  | 'internal'

/** An error the UI can show as it is: `message` names the problem in the user's terms. */
export interface AppError {
  code: ErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

// Importing files: what came of it, and how far a long one has got.
export type { ImportFailure, ImportNotice, ImportProgress, ImportReport } from './importing'

// Sources and clippings: queries, pages of results, a source's detail.
export type {
  SourceDetail,
  SourceFileData,
  ClippingQuery,
  ClippingGroup,
  Page,
  SourceTextQuery,
  SourceTextHit,
  SourceQuery,
  NewClipping,
  ClippingEdit,
  LoadProblem,
} from './queries'
// Sync: its status and settings, and essays' documents shared with the editor.
export type {
  CollaboratorIdentity,
  EssayDocJoin,
  EssaySyncMessage,
  SyncConfigInput,
  SyncStatus,
} from './sync'
// What an update of a source changed, and its versions: part of the contract, kept together.
export type { AffectedClipping, ReimportSummary, SourceVersionSummary } from './source-changes'
// Backups, restore and repair: their types live beside each other, and are part of the contract.
export type {
  BackupInfo,
  BackupReason,
  NotebookStatus,
  RepairSummary,
  RestoreReport,
} from './notebook-care'
// Exporting an essay: formats, styles, the request and what came of it.
export {
  CITATION_STYLES,
  EXPORT_FORMATS,
  type CitationProblem,
  type CitationStyle,
  type ExportFormat,
  type ExportOutcome,
  type ExportRequest,
} from './exporting'
/** What "Open the sample notebook" put in the (empty) notebook. */
export interface SampleNotebookReport {
  source: SourceSummary
  clippings: number
  /** The essay that cites them, to open. */
  essay: Essay
}

/**
 * Sent by main: menu items, and 'before-close' when the window is about to close, so the page
 * saves what is pending and then calls `readyToClose()`.
 */
export type MenuCommand =
  | 'import-source'
  | 'import-highlights'
  | 'clip-selection'
  | 'new-essay'
  | 'export-essay'
  | 'import-essay'
  | 'open-backups'
  | 'open-sample'
  | 'before-close'
  | 'open-settings'
  | 'show-shortcuts'
  | 'show-about'
  | 'toggle-library'
  | 'toggle-clippings'
  | 'focus-mode'
  | 'find-in-essay'
  /** Not a menu item: files were opened with the app; the page calls `importOpenedFiles`. */
  | 'import-opened-files'

/** Request/response channels, each one `invoke` away. */
export interface InvokeApi {
  /** The library's sources in import order, a page at a time. */
  listSources(query?: SourceQuery): Promise<Result<Page<SourceSummary>>>
  importSources(): Promise<Result<ImportReport>>
  /**
   * One file the user dropped, by the path Electron gives for it. Not on the page's API: the page
   * calls `importDroppedFile` with the File itself, and the preload looks up its path, so a page
   * can only hand over files the user gave it, never a path of its own choosing.
   */
  importDroppedPath(path: string): Promise<Result<ImportReport>>
  /**
   * Imports the files the operating system asked the app to open (a double-clicked `.md`, paths on
   * the command line), which main has queued; the page asks on loading and on 'import-opened-files'.
   */
  importOpenedFiles(): Promise<Result<ImportReport>>
  /** Sources whose text holds the query as a phrase, each with where and a snippet. */
  searchSources(query: SourceTextQuery): Promise<Result<SourceTextHit[]>>
  /** The newest version, or an older one by hash (to read a passage the newest no longer has). */
  getSource(id: string, versionHash?: string): Promise<Result<SourceDetail>>
  /**
   * The file a version was imported from, where it is kept (a PDF), base64-encoded: the contract
   * carries JSON-safe values only, and the reader draws the pages from these bytes.
   */
  getSourceFile(id: string, versionHash: string): Promise<Result<SourceFileData>>
  updateSourceMetadata(id: string, metadata: SourceMetadata): Promise<Result<SourceSummary>>
  /**
   * One pasted BibTeX entry or CSL-JSON item as a source's details (parsed in main, which has
   * the parsers), for Edit details to fill its fields with; nothing is saved.
   */
  parseBibEntry(text: string): Promise<Result<SourceMetadata>>
  /** Deletes a source and, with it, its clippings (kept on disk: `restoreSource` undoes it). */
  deleteSource(id: string): Promise<Result<SourceSummary>>
  restoreSource(id: string): Promise<Result<SourceSummary>>
  /** Every version of a source, newest first, each with what changed from the one before. */
  listSourceVersions(id: string): Promise<Result<SourceVersionSummary[]>>
  /** Newest first, or best match first for a search, a page at a time. */
  listClippings(query: ClippingQuery): Promise<Result<Page<ClippingView>>>
  /** The sources of a list grouped by source, in its order, each with how many it holds. */
  listClippingGroups(
    query: Pick<ClippingQuery, 'sourceId' | 'tag'>,
  ): Promise<Result<ClippingGroup[]>>
  createClipping(request: NewClipping): Promise<Result<ClippingView>>
  updateClipping(edit: ClippingEdit): Promise<Result<ClippingView>>
  deleteClipping(id: string): Promise<Result<ClippingView>>
  restoreClipping(id: string): Promise<Result<ClippingView>>
  listProblems(): Promise<Result<LoadProblem[]>>
  /** Opens a web link in the user's browser; other schemes are refused. */
  openExternal(url: string): Promise<Result<void>>
  /** Clippings by id; a deleted or unknown one maps to null (a citation then shows "Missing"). */
  lookupClippings(ids: string[]): Promise<Result<Record<string, ClippingView | null>>>
  /**
   * Of these ids, the clippings another device made whose source has not arrived yet: their
   * citations show "Waiting for source", not Missing.
   */
  waitingClippings(ids: string[]): Promise<Result<string[]>>

  listEssays(): Promise<Result<EssaySummary[]>>
  createEssay(title?: string): Promise<Result<Essay>>
  getEssay(id: string): Promise<Result<Essay>>
  /** Autosave: the whole editor state, as Lexical serializes it. */
  saveEssay(id: string, editorState: SerializedEditorStateJson): Promise<Result<EssaySummary>>
  renameEssay(id: string, title: string): Promise<Result<EssaySummary>>
  deleteEssay(id: string): Promise<Result<EssaySummary>>
  restoreEssay(id: string): Promise<Result<EssaySummary>>
  essaysCitingClipping(clippingId: string): Promise<Result<EssaySummary[]>>
  essaysCitingSource(sourceId: string): Promise<Result<EssaySummary[]>>
  /** The page has saved everything after 'before-close'; the window may close now. */
  readyToClose(): Promise<Result<void>>
  /** Checks every quote, then asks where to save (the save dialog) and writes the Markdown. */
  exportEssay(request: ExportRequest): Promise<Result<ExportOutcome>>
  /** Shows a file this session exported in the system's file manager ("Reveal in folder"). */
  revealExport(path: string): Promise<Result<void>>
  /** Asks for a Markdown file Commonplace exported and makes an essay of it; null if cancelled. */
  importEssay(): Promise<Result<Essay | null>>
  /** Asks for a highlights file (Hypothesis, W3C, Kindle, Readwise) and imports it; null if cancelled. */
  importHighlights(): Promise<Result<HighlightsImportReport | null>>
  /** Asks for a newer copy of a source: it becomes a new version and clippings are re-anchored. */
  reimportSource(sourceId: string): Promise<Result<ReimportSummary | null>>
  /** Accept a changed passage's new wording: the clipping and every citation of it follow. */
  acceptChangedQuote(clippingId: string): Promise<Result<ClippingView>>
  /**
   * Keep quoting the wording a changed passage was clipped with, for the newest version: the
   * clipping and every citation of it record the decision.
   */
  keepClippingWording(clippingId: string): Promise<Result<ClippingView>>
  /** Every citation in one essay, or in all of them, checked against its source. */
  verifyCitations(essayId?: string): Promise<Result<CitationCheck[]>>

  /** Open, or refused with the reason (then only backups, restore and repair work). */
  notebookStatus(): Promise<Result<NotebookStatus>>
  listBackups(): Promise<Result<BackupInfo[]>>
  createBackup(): Promise<Result<BackupInfo>>
  /** Puts a backup in place of the notebook, backing up what is there first. */
  restoreBackup(name: string): Promise<Result<RestoreReport>>
  /** Rebuilds the index from the source and essay files (a backup is taken first). */
  repairNotebook(): Promise<Result<RepairSummary>>
  /** Imports the sample article, clips it and writes an essay citing it; empty notebooks only. */
  openSampleNotebook(): Promise<Result<SampleNotebookReport>>

  /** The writer's settings and where they left off; defaults (and why) when the file is bad. */
  getSettings(): Promise<Result<SettingsSnapshot>>
  /** Changes some settings; answers all of them as saved. */
  updateSettings(change: Partial<Settings>): Promise<Result<Settings>>
  /** Where the writer is now (view, source, reading position, essay), for the next start. */
  saveResumeState(state: ResumeState): Promise<Result<void>>
  /** Opens the data folder in the system's file manager. */
  revealDataFolder(): Promise<Result<void>>
  /** The app's name, version and data folder (Help > About). */
  aboutApp(): Promise<Result<AboutInfo>>
  /** Whether the operating system reports a screen reader on (see `onScreenReaderChanged`). */
  screenReaderRunning(): Promise<Result<boolean>>

  /** Whether sync is on, and how the connection is (Settings > Sync). */
  getSyncStatus(): Promise<Result<SyncStatus>>
  /** Connects this notebook to a sync server; null turns sync off. */
  configureSync(config: SyncConfigInput | null): Promise<Result<SyncStatus>>
  /**
   * An essay's shared document for the editor, and who the user is to the others; refused when
   * sync is off (the editor then edits the saved essay as it always has).
   */
  joinEssayDoc(essayId: string): Promise<Result<EssayDocJoin>>
  /** A Yjs update the editor made (base64): kept on disk and sent to the server. */
  sendEssayUpdate(essayId: string, update: string): Promise<Result<void>>
  /** The editor closed the essay: no more `essay:sync` events for it, and its cursor goes. */
  leaveEssayDoc(essayId: string): Promise<Result<void>>
  /** The editor's cursor and name, a y-protocols awareness update (base64). */
  sendEssayAwareness(essayId: string, update: string): Promise<Result<void>>
}

/** Channels the preload calls for the page but does not hand it (see `importDroppedPath`). */
export type PreloadOnlyMethod = 'importDroppedPath'

/**
 * What changed in the notebook on disk, by this app or another process (the CLI, a sync): the
 * renderer refreshes what it shows of these. `all` when the change cannot be narrowed (a restore).
 */
export interface NotebookChange {
  sources: string[]
  essays: string[]
  all: boolean
  /**
   * Clippings a sync brought back: deleted here while another device edited them (the edit
   * wins, so nothing written is lost; the app says so).
   */
  restoredBecauseEdited?: string[]
  /** Essays a sync brought back: deleted here while another device wrote in them. */
  essaysRestoredBecauseEdited?: string[]
}

export interface CommonplaceApi extends Omit<InvokeApi, PreloadOnlyMethod> {
  /**
   * Imports one file dropped on the window (the page imports a drop file by file, to show how far
   * it got); a File that is not a file on disk is refused with a message naming it.
   */
  importDroppedFile(file: DroppedFile): Promise<Result<ImportReport>>
  /** Menu items chosen in the native menu; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  /** The notebook changed on disk; returns the unsubscribe function. */
  onNotebookChanged(listener: (change: NotebookChange) => void): () => void
  /** Reading a long file to import has got this far; returns the unsubscribe function. */
  onImportProgress(listener: (progress: ImportProgress) => void): () => void
  /** Sync connected, went offline, was refused...; returns the unsubscribe function. */
  onSyncStatus(listener: (status: SyncStatus) => void): () => void
  /** Another device changed a joined essay, or moved its cursor; returns the unsubscribe function. */
  onEssaySync(listener: (message: EssaySyncMessage) => void): () => void
  /** A screen reader started or stopped; returns the unsubscribe function. */
  onScreenReaderChanged(listener: (running: boolean) => void): () => void
}

export type InvokeMethod = keyof InvokeApi

/** Channel names, namespaced `area:action`. */
export const channels = {
  listSources: 'sources:list',
  importSources: 'sources:import',
  importDroppedPath: 'sources:import-dropped',
  importOpenedFiles: 'sources:import-opened',
  searchSources: 'sources:search',
  getSource: 'sources:get',
  getSourceFile: 'sources:file',
  updateSourceMetadata: 'sources:update-metadata',
  parseBibEntry: 'sources:parse-bib-entry',
  deleteSource: 'sources:delete',
  restoreSource: 'sources:restore',
  listSourceVersions: 'sources:versions',
  listClippings: 'clippings:list',
  listClippingGroups: 'clippings:groups',
  createClipping: 'clippings:create',
  updateClipping: 'clippings:update',
  deleteClipping: 'clippings:delete',
  restoreClipping: 'clippings:restore',
  listProblems: 'library:problems',
  openExternal: 'shell:open-external',
  lookupClippings: 'clippings:lookup',
  waitingClippings: 'clippings:waiting',
  listEssays: 'essays:list',
  createEssay: 'essays:create',
  getEssay: 'essays:get',
  saveEssay: 'essays:save',
  renameEssay: 'essays:rename',
  deleteEssay: 'essays:delete',
  restoreEssay: 'essays:restore',
  essaysCitingClipping: 'essays:citing-clipping',
  essaysCitingSource: 'essays:citing-source',
  readyToClose: 'app:ready-to-close',
  exportEssay: 'essays:export',
  revealExport: 'essays:reveal-export',
  importEssay: 'essays:import',
  importHighlights: 'highlights:import',
  verifyCitations: 'essays:verify',
  reimportSource: 'sources:reimport',
  acceptChangedQuote: 'clippings:accept-change',
  keepClippingWording: 'clippings:keep-wording',
  notebookStatus: 'notebook:status',
  listBackups: 'backups:list',
  createBackup: 'backups:create',
  restoreBackup: 'backups:restore',
  repairNotebook: 'notebook:repair',
  openSampleNotebook: 'notebook:open-sample',
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  saveResumeState: 'settings:save-resume',
  revealDataFolder: 'shell:reveal-data-folder',
  aboutApp: 'app:about',
  screenReaderRunning: 'app:screen-reader',
  getSyncStatus: 'sync:get-status',
  configureSync: 'sync:configure',
  joinEssayDoc: 'essays:join-doc',
  sendEssayUpdate: 'essays:send-update',
  leaveEssayDoc: 'essays:leave-doc',
  sendEssayAwareness: 'essays:send-awareness',
} as const satisfies Record<InvokeMethod, string>

export const menuCommandChannel = 'menu:command'
export const notebookChangedChannel = 'notebook:changed'
export const importProgressChannel = 'import:progress'
export const syncStatusChannel = 'sync:status'
export const essaySyncChannel = 'essay:sync'
export const screenReaderChannel = 'app:screen-reader-changed'

/** What main answers on a channel: the implementation's arguments are not yet trusted. */
export type InvokeHandlers = {
  [K in InvokeMethod]: (...args: unknown[]) => ReturnType<InvokeApi[K]>
}
