import { mkdir, readFile, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { z } from 'zod'
import type { SyncConfigInput } from '../../../shared/sync'
import { CommonplaceError } from '../errors'
import { writeDurably } from '../store/durable-json-file'
import { describeIssue } from '../store/schema'
import { isNotebookName, NOTEBOOK_NAME_PATTERN } from './doc-names'

/** A notebook's sync settings, in `sync/config.json`; no file means sync is off. */
export interface SyncConfig {
  server: string
  notebook: string
  token: string
}

const syncConfigSchema = z.object({
  server: z
    .string()
    .trim()
    .regex(/^wss?:\/\/[^\s/]+/i, 'the server must be a ws:// or wss:// address'),
  notebook: z
    .string()
    .regex(NOTEBOOK_NAME_PATTERN, 'a notebook name is lowercase letters, digits and dashes'),
  token: z.string().min(1, 'a token is required').max(1000),
})

export function syncDir(dataDir: string): string {
  return join(dataDir, 'sync')
}

/** Where the documents' logs are kept (persisted-doc.ts). */
export function syncDocsDir(dataDir: string): string {
  return join(syncDir(dataDir), 'docs')
}

export function syncConfigPath(dataDir: string): string {
  return join(syncDir(dataDir), 'config.json')
}

/** The saved settings; null when sync is off. A damaged file is refused, naming it and why. */
export async function readSyncConfig(dataDir: string): Promise<SyncConfig | null> {
  const path = syncConfigPath(dataDir)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new CommonplaceError('damaged', `${path} cannot be read: ${(error as Error).message}.`)
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new CommonplaceError('damaged', `${path} is not JSON. Fix it, or turn sync off and on.`)
  }
  const parsed = syncConfigSchema.safeParse(raw)
  if (!parsed.success) {
    throw new CommonplaceError('damaged', `${path}: ${describeIssue(parsed.error)}.`)
  }
  return parsed.data
}

/** Checks and completes what the user gave; refuses with what is wrong. */
export function syncConfigOf(dataDir: string, input: SyncConfigInput): SyncConfig {
  const parsed = syncConfigSchema.safeParse({
    ...input,
    notebook: input.notebook ?? defaultNotebookName(dataDir),
  })
  if (!parsed.success) {
    throw new CommonplaceError('invalid-argument', `Sync: ${describeIssue(parsed.error)}.`)
  }
  return parsed.data
}

/** Saves the settings (null turns sync off; what was synced stays in `sync/docs/`). */
export async function writeSyncConfig(dataDir: string, config: SyncConfig | null): Promise<void> {
  const path = syncConfigPath(dataDir)
  if (config === null) {
    await rm(path, { force: true })
    return
  }
  await mkdir(syncDir(dataDir), { recursive: true })
  await writeDurably(path, `${JSON.stringify(config, null, 2)}\n`)
}

/** The data folder's name made into a notebook name: "My Notes" → "my-notes". */
export function defaultNotebookName(dataDir: string): string {
  const name = basename(dataDir)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '')
  return isNotebookName(name) ? name : 'notebook'
}
