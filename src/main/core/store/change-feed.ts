import { randomBytes } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { NotebookChange } from '../../../shared/ipc'
import { fingerprintOf, replaceFile } from './durable-json-file'

/**
 * `changes.json`: what each write to the notebook touched, numbered. Every writer appends to it
 * while it holds the lock, so any process can learn what others changed by reading one small file
 * (the app watches it and refreshes what it shows; services drop what they cached). It is derived
 * and rebuildable: if it is lost or damaged, readers simply treat everything as changed.
 *
 * One JSON entry per line, appended: a save must not parse and rewrite a thousand entries (that
 * was a quarter of its time). Now and then the writer rewrites it with the last KEEP entries. A
 * line cut short (a reader racing an append, a writer killed mid-line) is skipped; a numbering
 * gap it leaves makes readers treat everything as changed, which is safe. Earlier versions wrote
 * one object, {revision, entries}, on one line: it reads as the same entries.
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
  /** The file as this process's last append left it, and the revision that append wrote. */
  private lastAppend: { fingerprint: string; revision: number } | null = null

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
    // Unchanged since this process appended to it: its last line is that one, whole, so the
    // file need not be read (it holds up to two thousand lines; reading it was most of a save's
    // file operations after the save's own).
    const own = this.lastAppend
    const untouched =
      own !== null &&
      (own.revision + 1) % KEEP !== 0 &&
      own.fingerprint === (await fingerprintOf(this.path))
    // Null: no file yet, or not read (untouched).
    const text = untouched ? null : await this.readText()
    const before = untouched
      ? own.revision
      : text === null
        ? 0
        : (lastRevision(text) ?? (await this.read())?.revision ?? 0)
    const revision = before + 1
    const line = `${JSON.stringify({ revision, writer: this.writer, ...change })}\n`
    // Atomic enough (one small append, synchronous like the lock) and not fsynced: after a power
    // loss readers only refresh more than needed.
    // Every KEEP writes the file is cut back to KEEP lines: it stays between one and two thousand.
    if (text !== null && revision % KEEP === 0 && countLines(text) >= KEEP) {
      const kept = ((await this.read())?.entries ?? []).slice(-(KEEP - 1))
      await replaceFile(
        this.path,
        kept.map((entry) => `${JSON.stringify(entry)}\n`).join('') + line,
      )
    } else {
      // A line cut short by a killed writer must not swallow this one.
      const cut = text !== null && text.length > 0 && !text.endsWith('\n')
      appendFileSync(this.path, cut ? `\n${line}` : line)
    }
    const fingerprint = await fingerprintOf(this.path)
    this.lastAppend = fingerprint === null ? null : { fingerprint, revision }
    // Only when nothing of others' was unread: else `news` must still find their entries.
    if (this.seen === before) {
      this.seen = revision
      this.fingerprint = fingerprint
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

  private async readText(): Promise<string | null> {
    try {
      return await readFile(this.path, 'utf8')
    } catch {
      return null
    }
  }

  private async read(): Promise<FeedFile | null> {
    const text = await this.readText()
    if (text === null) return null
    const entries: FeedEntry[] = []
    for (const line of text.split('\n')) {
      const parsed = parseLine(line)
      if (!parsed) continue
      if (Array.isArray((parsed as Partial<FeedFile>).entries)) {
        entries.push(...(parsed as FeedFile).entries)
      } else if (typeof (parsed as Partial<FeedEntry>).revision === 'number') {
        entries.push(parsed as FeedEntry)
      }
    }
    const last = entries[entries.length - 1]
    if (!last) {
      const old = parseLine(text) as Partial<FeedFile> | null
      return typeof old?.revision === 'number' ? { revision: old.revision, entries: [] } : null
    }
    return { revision: last.revision, entries }
  }
}

function parseLine(line: string): unknown {
  if (line.trim() === '') return null
  try {
    return JSON.parse(line) as unknown
  } catch {
    return null
  }
}

/** The revision of the last whole line, without parsing the rest; null for the old format. */
function lastRevision(text: string): number | null {
  const end = text.endsWith('\n') ? text.length - 1 : text.lastIndexOf('\n')
  if (end <= 0) return text.trim() === '' ? 0 : null
  const start = text.lastIndexOf('\n', end - 1) + 1
  const entry = parseLine(text.slice(start, end)) as Partial<FeedEntry> | null
  return typeof entry?.revision === 'number' && !('entries' in entry) ? entry.revision : null
}

function countLines(text: string): number {
  let lines = 0
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++
  return lines
}
