// The files on disk and how they are checked on load. Every object is parsed loosely: a field this
// version does not know (written by a newer Commonplace) is kept and written back, never dropped.
// Bump SCHEMA_VERSION when a file's shape changes, and teach migrate.ts the old one.
import { z } from 'zod'
import type { Clipping, SourceKind, SourceMetadata } from '../../../shared/domain'
import type { SourceLayout } from '../../../shared/layout'
import type { SerializedEditorStateJson } from '../../../shared/essay'
import { CITATION_KEY_RULE, isCitationKey } from '../../../shared/citation-key'
import { storedEditorStateSchema } from '../../../shared/essay-state/schema'

export const SCHEMA_VERSION = 2

/** What `newId` makes: a letter, a dash, base-32 characters. Nothing else may become a path. */
export const ID_PATTERN = /^[a-z]-[0-9a-z]{4,40}$/
export const HASH_PATTERN = /^[0-9a-f]{64}$/

export function isSafeId(id: string): boolean {
  return ID_PATTERN.test(id)
}

export const idSchema = z.string().regex(ID_PATTERN, 'not a Commonplace id')
const hashSchema = z.string().regex(HASH_PATTERN, 'not a sha-256 hash')
const isoDate = z.string().min(1)

/** The metadata a source's "Edit details" form changes. */
export const sourceMetadataSchema = z.object({
  title: z.string().trim().min(1, 'a title is required').max(1000),
  author: z.string().trim().max(500).optional(),
  siteName: z.string().trim().max(500).optional(),
  publishedAt: z.string().trim().max(100).optional(),
  publisher: z.string().trim().max(500).optional(),
  identifier: z.string().trim().max(500).optional(),
  citationKey: z
    .string()
    .trim()
    .refine((key) => key === '' || isCitationKey(key), CITATION_KEY_RULE)
    .optional(),
  url: z
    .string()
    .trim()
    .max(4000)
    .refine(
      (url) => url === '' || /^https?:\/\//i.test(url),
      'the URL must start with http:// or https://',
    )
    .optional(),
})

export const essayTitleSchema = z.string().trim().min(1, 'a title is required').max(500)

// ---- The types of the files, as the services use them. ----

/** A source as listed: its metadata and which version is newest. Kept in its own file and the index. */
export interface SourceEntry extends SourceMetadata {
  id: string
  kind: SourceKind
  importedAt: string
  currentVersionHash: string
  /** Made from imported highlights alone, until the page itself is imported. */
  highlightsOnly?: true
  /**
   * Set when the source was deleted: its file stays on disk, so that undo (or `restore-source`)
   * brings back the very same source and clippings; `purge-sources` removes it for good.
   */
  deletedAt?: string
}

/** A version of a source, without its text (that lives in texts/<hash>.json, written once). */
export interface VersionRef {
  hash: string
  importedAt: string
  fileName: string
}

/** The text and display HTML of one version, named by the sha-256 of the text. */
export interface VersionText {
  schemaVersion: number
  hash: string
  text: string
  html: string
  /** Pages (PDF) or chapters (EPUB) as offsets into `text`. */
  layout?: SourceLayout
  /** The imported file, kept in files/<hash> where the reader draws from it (a PDF). */
  file?: KeptFile
}

/** A file kept as imported, named by the sha-256 of its bytes, written once. */
export interface KeptFile {
  hash: string
  mediaType: string
  bytes: number
}

export interface SourceFile {
  schemaVersion: number
  id: string
  /** The source's own record: the index (library.json) holds a copy, rebuilt from here. */
  entry: SourceEntry
  /** Oldest first; the last is the newest, what the reader shows. */
  versions: VersionRef[]
  clippings: Clipping[]
}

export interface EssayEntry {
  id: string
  title: string
  createdAt: string
  updatedAt: string
  deletedAt?: string
}

export interface EssayFile {
  schemaVersion: number
  id: string
  entry: EssayEntry
  editorState: SerializedEditorStateJson
}

/** The index: what lists show without opening every file. Derived; `repair` rebuilds it. */
export interface LibraryFile {
  schemaVersion: number
  /** The sources in the library, in import order; never a deleted one. */
  sources: SourceEntry[]
  essays: EssayEntry[]
  /**
   * Deleted sources (each with `deletedAt`), kept apart from `sources` so that every list, lookup
   * and derived index that reads `sources` leaves them out without a check of its own.
   */
  deletedSources?: SourceEntry[]
}

// ---- Their schemas: loose objects (unknown fields kept), typed as the interfaces above. ----

const sourceEntrySchema = sourceMetadataSchema.loose().extend({
  id: idSchema,
  kind: z.enum(['html', 'md', 'txt', 'pdf', 'epub']),
  importedAt: isoDate,
  currentVersionHash: hashSchema,
  highlightsOnly: z.literal(true).optional(),
  deletedAt: isoDate.optional(),
})

const essayEntrySchema = z.looseObject({
  id: idSchema,
  title: essayTitleSchema,
  createdAt: isoDate,
  updatedAt: isoDate,
  deletedAt: isoDate.optional(),
})

const offsets = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }

const recordedAnchorSchema = z.discriminatedUnion('state', [
  z.looseObject({
    state: z.enum(['verified', 'moved', 'changed']),
    ...offsets,
    exact: z.string(),
    score: z.number(),
    versionHash: z.string(),
  }),
  z.looseObject({ state: z.literal('missing'), score: z.number(), versionHash: z.string() }),
])

/** One clipping's record: also checked alone, when it is read from its own bytes. */
export const clippingSchema: z.ZodType<Clipping> = z.looseObject({
  id: idSchema,
  sourceId: idSchema,
  versionHash: hashSchema,
  createdAt: isoDate,
  updatedAt: isoDate,
  note: z.string(),
  tags: z.array(z.string()),
  target: z.tuple([
    z.looseObject({
      type: z.literal('TextQuoteSelector'),
      exact: z.string().min(1),
      prefix: z.string(),
      suffix: z.string(),
    }),
    z.looseObject({ type: z.literal('TextPositionSelector'), ...offsets }),
  ]),
  deletedAt: isoDate.optional(),
  reanchored: recordedAnchorSchema.optional(),
  keptWording: z.looseObject({ versionHash: hashSchema, keptAt: isoDate }).optional(),
  origin: z
    .looseObject({
      format: z.enum(['hypothesis', 'w3c', 'kindle', 'readwise']),
      id: z.string().min(1),
      note: z.string(),
      tags: z.array(z.string()),
      page: z.string().optional(),
      location: z.string().optional(),
      quote: z.string().optional(),
    })
    .optional(),
})

/**
 * Lexical's serialized state: checked for shape here (the essays service checks the nodes), and
 * kept exactly as it was read, so a block this version cannot read goes back to disk unchanged.
 */
export const editorStateSchema = storedEditorStateSchema

const schemaVersion = z.literal(SCHEMA_VERSION)

export const libraryFileSchema: z.ZodType<LibraryFile> = z.looseObject({
  schemaVersion,
  sources: z.array(sourceEntrySchema),
  essays: z.array(essayEntrySchema),
  deletedSources: z.array(sourceEntrySchema).optional(),
})

export const sourceFileSchema: z.ZodType<SourceFile> = z.looseObject({
  schemaVersion,
  id: idSchema,
  entry: sourceEntrySchema,
  versions: z
    .array(z.looseObject({ hash: hashSchema, importedAt: isoDate, fileName: z.string() }))
    .min(1),
  clippings: z.array(clippingSchema),
})

const spanSchema = { start: z.number().int().min(0), end: z.number().int().min(0) }
const layoutSchema: z.ZodType<SourceLayout> = z.looseObject({
  pages: z.array(z.looseObject({ ...spanSchema, label: z.string() })).optional(),
  chapters: z.array(z.looseObject({ ...spanSchema, title: z.string() })).optional(),
})
const keptFileSchema: z.ZodType<KeptFile> = z.looseObject({
  hash: hashSchema,
  mediaType: z.string().min(1),
  bytes: z.number().int().min(0),
})

export const versionTextSchema: z.ZodType<VersionText> = z.looseObject({
  schemaVersion,
  hash: hashSchema,
  text: z.string(),
  html: z.string(),
  layout: layoutSchema.optional(),
  file: keptFileSchema.optional(),
})

export const essayFileSchema: z.ZodType<EssayFile> = z.looseObject({
  schemaVersion,
  id: idSchema,
  entry: essayEntrySchema,
  editorState: editorStateSchema,
})

/** "sources[2].title: a title is required": where in the file, and what is wrong. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'it does not have the expected shape'
  const where = issue.path.reduce<string>(
    (path, key) =>
      typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${String(key)}` : String(key),
    '',
  )
  return where ? `${where}: ${issue.message}` : issue.message
}
