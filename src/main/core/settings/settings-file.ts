import { mkdir, rename } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { z } from 'zod'
import {
  DEFAULT_SETTINGS,
  EMPTY_RESUME_STATE,
  type ResumeState,
  type Settings,
  type SettingsSnapshot,
} from '../../../shared/settings'
import { CommonplaceError } from '../errors'
import { assertWritable, DurableJsonFile } from '../store/durable-json-file'
import { resumeSchemas, settingSchemas } from './settings-schema'

/** In the data folder, beside the notebook: the app's settings travel with its data. */
export const SETTINGS_FILE_NAME = 'settings.json'

const SETTINGS_SCHEMA_VERSION = 1

type Fields = Record<string, unknown>

/** The file as it will be written: what this version knows, and whatever else it held. */
interface Document extends Fields {
  schemaVersion: number
  settings: Fields
  resume: Fields
}

interface Loaded {
  document: Document
  settings: Settings
  resume: ResumeState
  problem: string | null
  /** False when a damaged file could not be moved aside: writing would lose it. */
  writable: boolean
}

/**
 * The settings file: the writer's preferences and where they left off. Read once, then kept in
 * memory and rewritten whole (it is a few hundred bytes) through the same durable writer as the
 * notebook. A bad file never stops the app: a setting that does not validate falls back to its
 * default and the message names it; a file that is not JSON is moved aside, never written over.
 */
export class SettingsFile {
  private loaded: Promise<Loaded> | null = null
  private readonly file: DurableJsonFile<Document>

  constructor(readonly path: string) {
    this.file = new DurableJsonFile(path)
  }

  static in(dataDir: string): SettingsFile {
    return new SettingsFile(join(dataDir, SETTINGS_FILE_NAME))
  }

  async snapshot(): Promise<SettingsSnapshot> {
    const { settings, resume, problem } = await this.load()
    return { settings: { ...settings }, resume: { ...resume }, file: this.path, problem }
  }

  /** `change` is already validated (settingsChangeSchema); answers every setting as saved. */
  async update(change: Partial<Settings>): Promise<Settings> {
    const loaded = await this.load()
    loaded.settings = { ...loaded.settings, ...change }
    const settings = { ...loaded.document.settings, ...loaded.settings }
    await this.write(loaded, { ...loaded.document, settings })
    return { ...loaded.settings }
  }

  async saveResume(state: ResumeState): Promise<void> {
    const loaded = await this.load()
    loaded.resume = { ...state }
    await this.write(loaded, {
      ...loaded.document,
      resume: { ...loaded.document.resume, ...state },
    })
  }

  private load(): Promise<Loaded> {
    this.loaded ??= readSettings(this.path)
    return this.loaded
  }

  /**
   * The document changes in memory before the write is queued: a settings change and a resume
   * save in flight together each write the other's part too, and the last write holds both.
   * A write that fails leaves the change in effect for this run; the caller says it was not saved.
   */
  private async write(loaded: Loaded, document: Document): Promise<void> {
    if (!loaded.writable) {
      throw new CommonplaceError(
        'unwritable',
        `Settings are not saved while ${this.path} cannot be read: move or fix that file first.`,
      )
    }
    loaded.document = document
    await mkdir(dirname(this.path), { recursive: true })
    await assertWritable(this.path)
    await this.file.write({ ...loaded.document, schemaVersion: SETTINGS_SCHEMA_VERSION })
  }
}

async function readSettings(path: string): Promise<Loaded> {
  const fresh: Loaded = {
    document: { schemaVersion: SETTINGS_SCHEMA_VERSION, settings: {}, resume: {} },
    settings: { ...DEFAULT_SETTINGS },
    resume: { ...EMPTY_RESUME_STATE },
    problem: null,
    writable: true,
  }
  let raw: unknown
  try {
    raw = await new DurableJsonFile<unknown>(path).read()
  } catch (error) {
    return setAside(path, fresh, (error as Error).message)
  }
  if (raw === null) return fresh
  if (!isFields(raw)) return setAside(path, fresh, `${path} does not hold a settings object`)

  const problems: string[] = []
  const settingsFields = isFields(raw.settings) ? raw.settings : {}
  if (raw.settings !== undefined && !isFields(raw.settings))
    problems.push('“settings” is not an object')
  const settings = pick(settingSchemas, settingsFields, DEFAULT_SETTINGS, problems)
  // Where the writer left off is not something they chose: a bad part of it is quietly dropped.
  const resumeFields = isFields(raw.resume) ? raw.resume : {}
  const resume = pick(resumeSchemas, resumeFields, EMPTY_RESUME_STATE, [])
  return {
    ...fresh,
    document: { ...raw, settings: settingsFields, resume: resumeFields } as Document,
    settings,
    resume,
    problem: problems.length
      ? `Some settings in ${path} could not be used, so their defaults apply: ${problems.join('; ')}.`
      : null,
  }
}

/** Each known field that validates, else its default (named in `problems`). */
function pick<T extends object>(
  schemas: { [K in keyof T]: z.ZodType<T[K]> },
  fields: Fields,
  defaults: T,
  problems: string[],
): T {
  const result = { ...defaults }
  for (const key of Object.keys(schemas) as (keyof T & string)[]) {
    if (!(key in fields)) continue
    const parsed = schemas[key].safeParse(fields[key])
    if (parsed.success) result[key] = parsed.data
    else problems.push(`${key} ${describe(parsed.error, fields[key])}`)
  }
  return result
}

function describe(error: z.ZodError, value: unknown): string {
  const issue = error.issues[0]
  const shown = JSON.stringify(value)?.slice(0, 60) ?? String(value)
  return `${issue?.message ?? 'is not valid'} (it was ${shown})`
}

/** A file that cannot be read as settings is kept beside, under a new name, and defaults apply. */
async function setAside(path: string, fresh: Loaded, why: string): Promise<Loaded> {
  const aside = join(
    dirname(path),
    `${basename(path, '.json')}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  )
  try {
    await rename(path, aside)
  } catch (error) {
    return {
      ...fresh,
      writable: false,
      problem: `${why}. Commonplace is using the default settings, and will not save settings until the file is fixed or moved (it could not move it: ${(error as Error).message}).`,
    }
  }
  return {
    ...fresh,
    problem: `${why}. Commonplace is using the default settings; the file was kept as ${aside}.`,
  }
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
