import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import type { z } from 'zod'
import type { LoadProblem } from '../../../shared/ipc'
import { CommonplaceError, notFound } from '../errors'
import { DurableJsonFile } from './durable-json-file'
import {
  describeIssue,
  essayFileSchema,
  libraryFileSchema,
  SCHEMA_VERSION,
  sourceFileSchema,
  type EssayEntry,
  type EssayFile,
  type LibraryFile,
  type SourceEntry,
  type SourceFile,
} from './schema'

/**
 * The notebook on disk. `library.json` is a small index (source metadata); each source's versions
 * and clippings live in `sources/<id>.json`, so saving a clipping rewrites one source's file, not
 * the library. Every mutation goes through this class; every file is validated when loaded, and a
 * file that fails is reported and never written over.
 */
export class LibraryStore {
  readonly dataDir: string
  private readonly index: Low<LibraryFile>
  private readonly sourceFiles = new Map<string, Low<SourceFile>>()
  private readonly essayFiles = new Map<string, Low<EssayFile>>()
  private readonly problemsByFile = new Map<string, LoadProblem>()

  private constructor(dataDir: string, index: Low<LibraryFile>) {
    this.dataDir = dataDir
    this.index = index
  }

  static async open(dataDir: string): Promise<LibraryStore> {
    await mkdir(join(dataDir, 'sources'), { recursive: true })
    await mkdir(join(dataDir, 'essays'), { recursive: true })
    const file = join(dataDir, 'library.json')
    const index = new Low<LibraryFile>(new DurableJsonFile(file), {
      schemaVersion: SCHEMA_VERSION,
      sources: [],
      essays: [],
    })
    await readValidated(index, file, libraryFileSchema)
    return new LibraryStore(dataDir, index)
  }

  get problems(): LoadProblem[] {
    return [...this.problemsByFile.values()]
  }

  sources(): SourceEntry[] {
    return this.index.data.sources
  }

  entry(id: string): SourceEntry {
    const entry = this.index.data.sources.find((source) => source.id === id)
    if (!entry) throw notFound(`The source "${id}"`)
    return entry
  }

  async sourceFile(id: string): Promise<SourceFile> {
    this.entry(id)
    return (await this.openSourceFile(id)).data
  }

  /** Every readable source file; unreadable ones are listed in `problems` instead. */
  async allSourceFiles(): Promise<SourceFile[]> {
    const files: SourceFile[] = []
    for (const { id } of this.sources()) {
      try {
        files.push((await this.openSourceFile(id)).data)
      } catch (error) {
        if (!(error instanceof CommonplaceError)) throw error
      }
    }
    return files
  }

  async addSource(entry: SourceEntry, file: SourceFile): Promise<void> {
    // The source file first: a crash in between leaves an unlisted file, never a listed one missing.
    const db = new Low<SourceFile>(new DurableJsonFile(this.sourcePath(entry.id)), file)
    await db.write()
    this.sourceFiles.set(entry.id, db)
    await this.index.update((data) => data.sources.push(entry))
  }

  async updateSourceFile<T>(id: string, change: (file: SourceFile) => T): Promise<T> {
    const db = await this.openSourceFile(id)
    const result = change(db.data)
    await db.write()
    return result
  }

  async updateEntry(id: string, change: (entry: SourceEntry) => void): Promise<SourceEntry> {
    const entry = this.entry(id)
    change(entry)
    await this.index.write()
    return entry
  }

  essays(): EssayEntry[] {
    return this.index.data.essays
  }

  essayEntry(id: string): EssayEntry {
    const entry = this.index.data.essays.find((essay) => essay.id === id)
    if (!entry) throw notFound(`The essay "${id}"`)
    return entry
  }

  async essayFile(id: string): Promise<EssayFile> {
    this.essayEntry(id)
    return (await this.openEssayFile(id)).data
  }

  async addEssay(entry: EssayEntry, file: EssayFile): Promise<void> {
    const db = new Low<EssayFile>(new DurableJsonFile(this.essayPath(entry.id)), file)
    await db.write()
    this.essayFiles.set(entry.id, db)
    await this.index.update((data) => data.essays.push(entry))
  }

  /**
   * Typing rewrites the essay's own file; the index is rewritten only for what it lists (title,
   * dates, deletion), and it stays small.
   */
  async updateEssay(
    id: string,
    change: (file: EssayFile, entry: EssayEntry) => void,
  ): Promise<EssayEntry> {
    const entry = this.essayEntry(id)
    const db = await this.openEssayFile(id)
    const before = db.data.editorState
    change(db.data, entry)
    if (db.data.editorState !== before) await db.write()
    await this.index.write()
    return entry
  }

  private essayPath(id: string): string {
    return join(this.dataDir, 'essays', `${id}.json`)
  }

  private async openEssayFile(id: string): Promise<Low<EssayFile>> {
    const cached = this.essayFiles.get(id)
    if (cached) return cached
    const path = this.essayPath(id)
    const problem = this.problemsByFile.get(path)
    if (problem) throw new CommonplaceError('internal', problem.message)
    const db = new Low<EssayFile>(new DurableJsonFile(path), null as unknown as EssayFile)
    try {
      await readValidated(db, path, essayFileSchema as unknown as z.ZodType<EssayFile>)
      if (db.data === null) throw new Error(`${path} is missing`)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      this.problemsByFile.set(path, { file: path, message })
      throw new CommonplaceError('internal', message)
    }
    this.essayFiles.set(id, db)
    return db
  }

  private sourcePath(id: string): string {
    return join(this.dataDir, 'sources', `${id}.json`)
  }

  private async openSourceFile(id: string): Promise<Low<SourceFile>> {
    const cached = this.sourceFiles.get(id)
    if (cached) return cached
    const path = this.sourcePath(id)
    const problem = this.problemsByFile.get(path)
    if (problem) throw new CommonplaceError('internal', problem.message)
    // lowdb refuses an undefined default; null stands for "no file", reported just below.
    const db = new Low<SourceFile>(new DurableJsonFile(path), null as unknown as SourceFile)
    try {
      await readValidated(db, path, sourceFileSchema)
      if (db.data === null) throw new Error(`${path} is missing`)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      this.problemsByFile.set(path, { file: path, message })
      throw new CommonplaceError('internal', message)
    }
    this.sourceFiles.set(id, db)
    return db
  }
}

async function readValidated<T>(db: Low<T>, file: string, schema: z.ZodType<T>): Promise<void> {
  try {
    await db.read()
  } catch (error) {
    // Unparseable or unreadable: a problem to tell the user about (the message names the file).
    throw new CommonplaceError('internal', error instanceof Error ? error.message : String(error))
  }
  const version = (db.data as { schemaVersion?: unknown } | null)?.schemaVersion
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new CommonplaceError(
      'internal',
      `${file} was written by a newer Commonplace (schema ${version}); update Commonplace to open it.`,
    )
  }
  // No file yet: a default (the index) or null (a source or essay file, reported by the caller).
  if (db.data === null) return
  const parsed = schema.safeParse(db.data)
  if (!parsed.success) {
    throw new CommonplaceError('internal', `${file} is damaged at ${describeIssue(parsed.error)}`)
  }
  db.data = parsed.data
}
