import type { Frozen } from './json-store-file'
import type { EssayFile, LibraryFile, SourceFile, VersionText } from './schema'

/** What a transaction reads from: the store, fresh from disk (it runs under the lock). */
export interface TransactionSource {
  library(): Promise<Frozen<LibraryFile>>
  sourceFile(id: string): Promise<Frozen<SourceFile>>
  deletedSourceFile(id: string): Promise<Frozen<SourceFile>>
  essayFile(id: string): Promise<Frozen<EssayFile>>
  text(hash: string): Promise<Frozen<VersionText>>
}

/**
 * One read-modify-write of the notebook, run while holding the lock. Every file it hands out is a
 * private copy read fresh from disk; nothing reaches disk or the store's memory until the whole
 * change function has run, and then only what it asked for. A change that throws leaves the
 * notebook and the store exactly as they were.
 */
export class Transaction {
  private libraryDraft: LibraryFile | null = null
  readonly sources = new Map<string, SourceFile>()
  readonly essays = new Map<string, EssayFile>()
  readonly texts = new Map<string, VersionText>()
  /** Imported files to keep, by the sha-256 of their bytes (written once, before the texts). */
  readonly files = new Map<string, Uint8Array>()
  /** A change that cannot be narrowed to files (a restore): everyone reloads everything. */
  all = false

  constructor(private readonly from: TransactionSource) {}

  /** The index, to change. */
  async library(): Promise<LibraryFile> {
    this.libraryDraft ??= structuredClone((await this.from.library()) as LibraryFile)
    return this.libraryDraft
  }

  get changedLibrary(): LibraryFile | null {
    return this.libraryDraft
  }

  /** A source file, to change; saved when the transaction ends. */
  async source(id: string): Promise<SourceFile> {
    let draft = this.sources.get(id)
    if (!draft) {
      draft = structuredClone((await this.from.sourceFile(id)) as SourceFile)
      this.sources.set(id, draft)
    }
    return draft
  }

  /** A deleted source's file, to restore it; saved when the transaction ends. */
  async deletedSource(id: string): Promise<SourceFile> {
    let draft = this.sources.get(id)
    if (!draft) {
      draft = structuredClone((await this.from.deletedSourceFile(id)) as SourceFile)
      this.sources.set(id, draft)
    }
    return draft
  }

  async essay(id: string): Promise<EssayFile> {
    let draft = this.essays.get(id)
    if (!draft) {
      draft = structuredClone((await this.from.essayFile(id)) as EssayFile)
      this.essays.set(id, draft)
    }
    return draft
  }

  /** A new source: its file, and the texts of its versions (written once, by hash). */
  createSource(file: SourceFile, texts: VersionText[]): void {
    this.sources.set(file.id, file)
    for (const text of texts) this.addText(text)
  }

  createEssay(file: EssayFile): void {
    this.essays.set(file.id, file)
  }

  addText(text: VersionText): void {
    this.texts.set(text.hash, text)
  }

  keepFile(hash: string, bytes: Uint8Array): void {
    this.files.set(hash, bytes)
  }

  /** A version's text, including one added in this transaction. */
  async text(hash: string): Promise<Frozen<VersionText>> {
    return this.texts.get(hash) ?? this.from.text(hash)
  }
}
