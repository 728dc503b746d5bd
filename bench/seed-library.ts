// Builds a realistic library of N clippings fast: the files are written directly in the store's
// on-disk format (library.json + sources/<id>.json + texts/<hash>.json, as NotebookStore writes
// them) instead of through 100k calls to create. Each source is a varied generated article
// (bench/articles.ts) run through the real plain-text import, so text and html have the shape an
// imported source has. Seeded notebooks are kept in bench/.cache between runs.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { seededRandom } from '../test/random-text'
import { selectorsAt, trimRange, type Clipping } from '../src/shared/domain'
import { newId, sha256 } from '../src/main/core/ids'
import { extractPlainText } from '../src/main/core/importing/text-formats'
import {
  SCHEMA_VERSION,
  type LibraryFile,
  type SourceEntry,
  type SourceFile,
  type VersionText,
} from '../src/main/core/store/schema'
import { articleText, vocabulary } from './articles'

export { seededRandom }

/** How a library of N clippings is spread: 200 to 2,000 sources, as the issue describes. */
export function sourcesFor(clippings: number): number {
  return Math.min(2000, Math.max(200, Math.round(clippings / 50)))
}

/** Articles of about 100 KB, the size a long magazine piece or a report chapter reaches. */
export const ARTICLE_BYTES = 100_000

/** The one source in a single lowdb file: index entry, versions with their text, clippings. */
export type OneFileSource = SourceEntry & {
  versions: (SourceFile['versions'][number] & { text: string; html: string })[]
  clippings: Clipping[]
}

export interface OneFileData {
  schemaVersion: number
  sources: OneFileSource[]
}

export interface Library {
  index: LibraryFile
  files: SourceFile[]
  texts: VersionText[]
}

/** A range of 40-400 characters somewhere in a text of `length` characters. */
export function randomRange(random: () => number, length: number): { start: number; end: number } {
  const size = 40 + Math.floor(random() * 360)
  const start = Math.floor(random() * (length - size))
  return { start, end: start + size }
}

const TAGS = ['sex-work', 'film', 'interview', 'method', 'casting', 'texas', 'quote', 'todo']

function seedClipping(
  random: () => number,
  source: SourceFile,
  { hash, text }: VersionText,
  createdAt: string,
): Clipping | undefined {
  const range = randomRange(random, text.length)
  const { start, end } = trimRange(text, range.start, range.end)
  if (start >= end) return undefined
  // About a third of clippings carry a note, about half carry tags: what a working notebook holds.
  const noteRange = randomRange(random, text.length)
  const note = random() < 0.35 ? text.slice(noteRange.start, noteRange.end).trim() : ''
  const tags = TAGS.filter(() => random() < 0.12)
  return {
    id: newId('c'),
    sourceId: source.id,
    versionHash: hash,
    createdAt,
    updatedAt: createdAt,
    note,
    tags,
    target: selectorsAt(text, start, end),
  }
}

/** One generated source: its record, its file of clippings, its text. */
export interface SeededSource {
  entry: SourceEntry
  file: SourceFile
  text: VersionText
}

/** `clippings` clippings spread over sourcesFor(clippings) generated articles, one at a time. */
export function* generateSources(
  clippings: number,
  seed: number,
  { sources = sourcesFor(clippings), articleBytes = ARTICLE_BYTES } = {},
): Generator<SeededSource> {
  const random = seededRandom(seed)
  const words = vocabulary(seed)
  const firstDay = Date.parse('2024-01-01T09:00:00.000Z')
  let made = 0
  for (let sourceIndex = 0; sourceIndex < sources; sourceIndex++) {
    const article = articleText(words, seed * 10_000 + sourceIndex, articleBytes)
    const { text, html } = extractPlainText(article)
    const hash = sha256(text)
    const importedAt = new Date(firstDay + sourceIndex * 3_600_000).toISOString()
    const entry: SourceEntry = {
      id: newId('s'),
      kind: 'txt',
      importedAt,
      currentVersionHash: hash,
      title: `${text.slice(0, 60).replace(/[.?!”“].*$/, '')} (${sourceIndex + 1})`,
      siteName: 'Fixture Weekly',
      url: `https://example.org/articles/${sourceIndex + 1}`,
    }
    const file: SourceFile = {
      schemaVersion: SCHEMA_VERSION,
      id: entry.id,
      entry,
      versions: [{ hash, importedAt, fileName: `article-${sourceIndex + 1}.txt` }],
      clippings: [],
    }
    const version: VersionText = { schemaVersion: SCHEMA_VERSION, hash, text, html }
    const wanted = Math.round(((sourceIndex + 1) * clippings) / sources) - made
    while (file.clippings.length < wanted) {
      const createdAt = new Date(Date.parse(importedAt) + file.clippings.length * 60_000)
      const clipping = seedClipping(random, file, version, createdAt.toISOString())
      if (clipping) file.clippings.push(clipping)
    }
    made += wanted
    yield { entry, file, text: version }
  }
}

/** The whole library in memory (small libraries: the one-file baseline needs all of it). */
export function generateLibrary(clippings: number, seed: number): Library {
  const index: LibraryFile = { schemaVersion: SCHEMA_VERSION, sources: [], essays: [] }
  const library: Library = { index, files: [], texts: [] }
  for (const { entry, file, text } of generateSources(clippings, seed)) {
    index.sources.push(entry)
    library.files.push(file)
    library.texts.push(text)
  }
  return library
}

/**
 * Writes the library as NotebookStore keeps it; returns the bytes written. Synced by default so
 * that a bench's timings do not pay for the seed's writeback; tests need not wait for the disk.
 */
export async function writeStoreLibrary(
  dataDir: string,
  library: Library,
  { sync = true } = {},
): Promise<number> {
  const write = sync ? writeSynced : writeUnsynced
  for (const folder of ['sources', 'essays', 'texts']) {
    await mkdir(join(dataDir, folder), { recursive: true })
  }
  let written = 0
  for (const text of library.texts) {
    written += await write(join(dataDir, 'texts', `${text.hash}.json`), text)
  }
  for (const file of library.files) {
    written += await write(join(dataDir, 'sources', `${file.id}.json`), file)
  }
  written += await write(join(dataDir, 'library.json'), library.index, 2)
  return written
}

/** Writes the same library as one lowdb file: every source with its texts and clippings. */
export async function writeOneFileLibrary(path: string, library: Library): Promise<number> {
  const data: OneFileData = {
    schemaVersion: SCHEMA_VERSION,
    sources: library.index.sources.map((entry, at) => {
      const file = library.files[at] as SourceFile
      const text = library.texts[at] as VersionText
      return {
        ...entry,
        versions: file.versions.map((version) => ({
          ...version,
          text: text.text,
          html: text.html,
        })),
        clippings: file.clippings,
      }
    }),
  }
  // Pretty-printed, as lowdb's JSONFile writes it.
  return writeSynced(path, data, 2)
}

const CACHE = join(__dirname, '.cache')
/** Bump when the generator or the store's format changes, so old seeds are not reused. */
const SEED_FORMAT = 2

/**
 * A notebook of `clippings` clippings in bench/.cache, made once and reused by every benchmark
 * and later runs; `copyTo` gives a private copy (hard links: the store never changes a file in
 * place, it renames new ones over them, so the cached seed stays as it was).
 */
export async function seededNotebook(
  clippings: number,
): Promise<{ dir: string; library: Library | null; seedSeconds: number }> {
  const dir = join(CACHE, `notebook-${clippings}-v${SEED_FORMAT}`)
  if (existsSync(join(dir, 'library.json'))) return { dir, library: null, seedSeconds: 0 }
  const start = performance.now()
  const partial = `${dir}.partial`
  await rm(partial, { recursive: true, force: true })
  for (const folder of ['sources', 'essays', 'texts']) {
    await mkdir(join(partial, folder), { recursive: true })
  }
  // Written as generated, one source at a time: 100k clippings of 100 KB articles do not fit
  // in memory at once.
  const index: LibraryFile = { schemaVersion: SCHEMA_VERSION, sources: [], essays: [] }
  for (const { entry, file, text } of generateSources(clippings, clippings)) {
    await writeSynced(join(partial, 'texts', `${text.hash}.json`), text)
    await writeSynced(join(partial, 'sources', `${file.id}.json`), file)
    index.sources.push(entry)
  }
  await writeSynced(join(partial, 'library.json'), index, 2)
  await rename(partial, dir)
  return { dir, library: null, seedSeconds: (performance.now() - start) / 1000 }
}

export function copyNotebook(from: string, to: string): void {
  execFileSync('cp', ['-al', from, to])
}

/** Synced so that the seed's writeback is not still draining to disk while saves are timed. */
async function writeSynced(path: string, data: unknown, indent?: number): Promise<number> {
  const text = JSON.stringify(data, null, indent)
  const file = await open(path, 'w')
  try {
    await file.writeFile(text, 'utf8')
    await file.sync()
  } finally {
    await file.close()
  }
  return Buffer.byteLength(text, 'utf8')
}

async function writeUnsynced(path: string, data: unknown, indent?: number): Promise<number> {
  const text = JSON.stringify(data, null, indent)
  await writeFile(path, text, 'utf8')
  return Buffer.byteLength(text, 'utf8')
}
