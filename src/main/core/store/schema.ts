// The files on disk and how they are checked on load. Bump a file's schemaVersion when its shape
// changes, and teach `load` to migrate the old one.
import { z } from 'zod'
import type { SerializedEditorStateJson } from '../../../shared/essay'
import { storedEditorStateSchema } from '../../../shared/essay-state/schema'

export const SCHEMA_VERSION = 1

const isoDate = z.string().min(1)

export const sourceMetadataSchema = z.object({
  title: z.string().trim().min(1, 'a title is required').max(1000),
  author: z.string().trim().max(500).optional(),
  siteName: z.string().trim().max(500).optional(),
  publishedAt: z.string().trim().max(100).optional(),
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

export const sourceEntrySchema = sourceMetadataSchema.extend({
  id: z.string().min(1),
  kind: z.enum(['html', 'md', 'txt']),
  importedAt: isoDate,
  currentVersionHash: z.string().regex(/^[0-9a-f]{64}$/),
})

export const essayTitleSchema = z.string().trim().min(1, 'a title is required').max(500)

export const essayEntrySchema = z.object({
  id: z.string().min(1),
  title: essayTitleSchema,
  createdAt: isoDate,
  updatedAt: isoDate,
  deletedAt: isoDate.optional(),
})

export const libraryFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  sources: z.array(sourceEntrySchema),
  essays: z.array(essayEntrySchema).default([]),
})

/** Lexical's serialized state: checked for shape here, and kept exactly as it was read. */
export const editorStateSchema = storedEditorStateSchema

export const essayFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: z.string().min(1),
  editorState: editorStateSchema,
})

const versionSchema = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  text: z.string(),
  html: z.string(),
  importedAt: isoDate,
  fileName: z.string(),
})

const offsetsSchema = {
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
}

const recordedAnchorSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.enum(['verified', 'moved', 'changed']),
    ...offsetsSchema,
    exact: z.string(),
    score: z.number(),
    versionHash: z.string(),
  }),
  z.object({ state: z.literal('missing'), score: z.number(), versionHash: z.string() }),
])

const clippingSchema = z.object({
  id: z.string().min(1),
  sourceId: z.string().min(1),
  versionHash: z.string(),
  createdAt: isoDate,
  updatedAt: isoDate,
  note: z.string(),
  tags: z.array(z.string()),
  target: z.tuple([
    z.object({
      type: z.literal('TextQuoteSelector'),
      exact: z.string().min(1),
      prefix: z.string(),
      suffix: z.string(),
    }),
    z.object({ type: z.literal('TextPositionSelector'), ...offsetsSchema }),
  ]),
  deletedAt: isoDate.optional(),
  reanchored: recordedAnchorSchema.optional(),
})

export const sourceFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: z.string().min(1),
  versions: z.array(versionSchema).min(1),
  clippings: z.array(clippingSchema),
})

export type SourceEntry = z.infer<typeof sourceEntrySchema>
export type LibraryFile = z.infer<typeof libraryFileSchema>
export type SourceFile = z.infer<typeof sourceFileSchema>
export type EssayEntry = z.infer<typeof essayEntrySchema>
export type EssayFile = {
  schemaVersion: number
  id: string
  editorState: SerializedEditorStateJson
}

/** "sources[2].title: a title is required": where in the file, and what is wrong. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  const where = issue.path.reduce<string>(
    (path, key) =>
      typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${String(key)}` : String(key),
    '',
  )
  return where ? `${where}: ${issue.message}` : issue.message
}
