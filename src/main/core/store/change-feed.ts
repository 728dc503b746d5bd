import { randomBytes } from 'node:crypto'
import { readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { NotebookChange } from '../../../shared/ipc'
import { fingerprintOf } from './durable-json-file'

/**
 * `changes.json`: what each write to the notebook touched, numbered. Every writer appends to it
 * while it holds the lock, so any process can learn what others changed by reading one small file
 * (the app watches it and refreshes what it shows; services drop what they cached). It is derived
 * and rebuildable: if it is lost or damaged, readers simply treat everything as changed.
 */
interface FeedEntry {
  revision: number
  writer: string
  sources: string[]
  essays: string[]
  all: boolean
}

interface FeedFile {
  revision: number
  entries: FeedEntry[]
}

/** Enough for a long CLI session between two runs of the app; ~100 bytes each. */
const KEEP = 1000

export class ChangeFeed {
  readonly path: string
  /** This process's writes are signed with it, so it does not report them to itself. */
  readonly writer = randomBytes(6).toString('hex')
  private seen = 0
  private fingerprint: string | null = null

  constructor(dataDir: string) {
    this.path = join(dataDir, 'changes.json')
  }

  /** Starts from the current revision: what happened before opening is not news. */
  async start(): Promise<void> {
    this.fingerprint = await fingerprintOf(this.path)
    this.seen = (await this.read())?.revision ?? 0
  }

  get revision(): number {
    return this.seen
  }

  /** The notebook's latest revision, read from disk now (0 for a notebook never written). */
  async latest(): Promise<number> {
    return (await this.read())?.revision ?? 0
  }

  /** Appends a write; called by the lock holder only, after the write landed. */
  async record(change: Omit<FeedEntry, 'revision' | 'writer'>): Promise<void> {
    const feed = (await this.read()) ?? { revision: 0, entries: [] }
    const revision = feed.revision + 1
    const entries = [...feed.entries, { revision, writer: this.writer, ...change }].slice(-KEEP)
    // Atomic but not fsynced: after a power loss readers only refresh more than needed.
    const temp = `${this.path}.${process.pid}.tmp`
    await writeFile(temp, JSON.stringify({ revision, entries }))
    await rename(temp, this.path)
    // Only when nothing of others' was unread: else `news` must still find their entries.
    if (this.seen === feed.revision) {
      this.seen = revision
      this.fingerprint = await fingerprintOf(this.path)
    }
  }

  /**
   * Everything written after `revision`, by anyone: for derived data stamped with the revision it
   * reflects. Null when the feed no longer reaches back that far (or went back): rebuild it all.
   */
  async since(revision: number): Promise<(NotebookChange & { revision: number }) | null> {
    const feed = await this.read()
    if (!feed) return revision === 0 ? { sources: [], essays: [], all: false, revision: 0 } : null
    if (feed.revision < revision) return null
    const fresh = feed.entries.filter((entry) => entry.revision > revision)
    if (fresh.length > 0 && fresh[0]?.revision !== revision + 1) return null
    if (fresh.length === 0 && feed.revision !== revision) return null
    return {
      sources: [...new Set(fresh.flatMap((entry) => entry.sources))],
      essays: [...new Set(fresh.flatMap((entry) => entry.essays))],
      all: fresh.some((entry) => entry.all),
      revision: feed.revision,
    }
  }

  /** What other processes changed since this one last looked; null when nothing. */
  async news(): Promise<NotebookChange | null> {
    const fingerprint = await fingerprintOf(this.path)
    if (fingerprint === this.fingerprint) return null
    this.fingerprint = fingerprint
    const feed = await this.read()
    if (!feed) return { sources: [], essays: [], all: true }
    if (feed.revision === this.seen) return null
    const fresh = feed.entries.filter((entry) => entry.revision > this.seen)
    // Entries older than the feed keeps, or a feed that went back (restored, rebuilt): all.
    const gap = fresh[0] === undefined || fresh[0].revision !== this.seen + 1
    this.seen = feed.revision
    const foreign = fresh.filter((entry) => entry.writer !== this.writer)
    if (!gap && foreign.length === 0) return null
    return {
      sources: [...new Set(foreign.flatMap((entry) => entry.sources))],
      essays: [...new Set(foreign.flatMap((entry) => entry.essays))],
      all: gap || foreign.some((entry) => entry.all),
    }
  }

  private async read(): Promise<FeedFile | null> {
    try {
      const feed = JSON.parse(await readFile(this.path, 'utf8')) as FeedFile
      if (typeof feed.revision !== 'number' || !Array.isArray(feed.entries)) return null
      return feed
    } catch {
      return null
    }
  }
}
