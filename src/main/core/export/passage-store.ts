// What a clipped passage of a version is, kept on disk: its words (line endings as the export
// writes them) and its text fragment, by version hash and offsets, in derived/passages/<hash>.json.
// A version's text never changes (its hash names it), so neither do these; a fresh CLI export then
// reads one small file per source instead of the whole text. Derived data: delete it and it is
// computed again from the texts.
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { replaceFile } from '../store/durable-json-file'

export interface Passage {
  current: string
  fragment: string
}

const FORMAT = 1

interface Saved {
  format: number
  hash: string
  /** "start:end" -> [current, fragment] */
  passages: Record<string, [string, string]>
}

export class PassageStore {
  private readonly versions = new Map<string, Promise<Map<string, Passage>>>()
  private readonly changed = new Set<string>()

  constructor(private readonly dataDir: string) {}

  private folder(): string {
    return join(this.dataDir, 'derived', 'passages')
  }

  private path(hash: string): string {
    return join(this.folder(), `${hash.replace(/[^a-zA-Z0-9_-]/g, '_')}.json`)
  }

  async get(hash: string, start: number, end: number): Promise<Passage | undefined> {
    return (await this.version(hash)).get(`${start}:${end}`)
  }

  async set(hash: string, start: number, end: number, passage: Passage): Promise<void> {
    ;(await this.version(hash)).set(`${start}:${end}`, passage)
    this.changed.add(hash)
  }

  /** Writes the versions that gained passages; a failure to write costs only speed later. */
  async save(): Promise<void> {
    const hashes = [...this.changed]
    this.changed.clear()
    if (hashes.length === 0) return
    try {
      await mkdir(this.folder(), { recursive: true })
      for (const hash of hashes) {
        const passages: Saved['passages'] = {}
        for (const [key, passage] of await this.version(hash)) {
          passages[key] = [passage.current, passage.fragment]
        }
        const saved: Saved = { format: FORMAT, hash, passages }
        await replaceFile(this.path(hash), JSON.stringify(saved))
      }
    } catch {
      // Derived and optional: the next export computes what is not saved.
    }
  }

  private version(hash: string): Promise<Map<string, Passage>> {
    let loaded = this.versions.get(hash)
    if (!loaded) {
      loaded = this.read(hash)
      this.versions.set(hash, loaded)
    }
    return loaded
  }

  /** The saved passages of a version; none when missing, damaged or of another format. */
  private async read(hash: string): Promise<Map<string, Passage>> {
    const passages = new Map<string, Passage>()
    try {
      const saved = JSON.parse(await readFile(this.path(hash), 'utf8')) as Saved
      if (saved.format !== FORMAT || saved.hash !== hash) return passages
      for (const [key, value] of Object.entries(saved.passages)) {
        if (!Array.isArray(value) || typeof value[0] !== 'string' || typeof value[1] !== 'string') {
          continue
        }
        passages.set(key, { current: value[0], fragment: value[1] })
      }
    } catch {
      // Missing or unreadable: computed again.
    }
    return passages
  }
}
