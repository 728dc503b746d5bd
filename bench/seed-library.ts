// Builds a realistic library of N clippings fast: the files are written directly in the store's
// on-disk format (library.json + sources/<id>.json + texts/<hash>.json, as NotebookStore writes them)
// instead of through 100k calls to create. Source texts come from a real fixture run through the
// real plain-text import, so text and html have the shape an imported source has.
import { mkdir, open, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fixtureNames, fixturePath } from '../test/fixtures'
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

export const CLIPPINGS_PER_SOURCE = 100

// The repo ships no copy of the fixture's text: it is read from the shared checkout at run time.
const bakerPath = fixturePath(fixtureNames.bakerTxt)
/** 8 copies of the 2.6 KB interview: a ~20 KB source text. */
const FIXTURE_COPIES = 8
/** A last paragraph of fixed width, numbered per source so that no two texts (or hashes) match. */
const MARKER = 'Copy 0000000'

export interface SourceText {
  text: string
  html: string
}

/** The one source in a single lowdb file: index entry, versions with their text, clippings. */
export type OneFileSource = SourceEntry & {
  versions: (SourceFile['versions'][number] & SourceText)[]
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

export { seededRandom }

export async function loadBaseText(): Promise<SourceText> {
  const interview = (await readFile(bakerPath, 'utf8')).trim()
  const plain = [...Array<string>(FIXTURE_COPIES).fill(interview), MARKER].join('\n\n')
  const { text, html } = extractPlainText(plain)
  if (!text.endsWith(MARKER) || !html.includes(MARKER)) {
    throw new Error('The plain-text import no longer keeps the last paragraph verbatim.')
  }
  return { text, html }
}

function numbered(base: SourceText, index: number): SourceText {
  const marker = `Copy ${String(index).padStart(MARKER.length - 5, '0')}`
  return { text: base.text.replace(MARKER, marker), html: base.html.replace(MARKER, marker) }
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

/** `clippings` clippings, CLIPPINGS_PER_SOURCE to a source, over clippings / 100 sources. */
export function generateLibrary(base: SourceText, clippings: number, seed: number): Library {
  const random = seededRandom(seed)
  const sourceCount = Math.ceil(clippings / CLIPPINGS_PER_SOURCE)
  const firstDay = Date.parse('2024-01-01T09:00:00.000Z')
  const index: LibraryFile = { schemaVersion: SCHEMA_VERSION, sources: [], essays: [] }
  const files: SourceFile[] = []
  const texts: VersionText[] = []
  let made = 0
  for (let sourceIndex = 0; sourceIndex < sourceCount; sourceIndex++) {
    const { text, html } = numbered(base, sourceIndex)
    const hash = sha256(text)
    const importedAt = new Date(firstDay + sourceIndex * 3_600_000).toISOString()
    const entry: SourceEntry = {
      id: newId('s'),
      kind: 'txt',
      importedAt,
      currentVersionHash: hash,
      title: `Sean Baker on Red Rocket (${sourceIndex + 1})`,
      siteName: 'Fixture Weekly',
      url: `https://example.org/articles/red-rocket-${sourceIndex + 1}`,
    }
    const file: SourceFile = {
      schemaVersion: SCHEMA_VERSION,
      id: entry.id,
      entry,
      versions: [{ hash, importedAt, fileName: 'baker-red-rocket-interview.txt' }],
      clippings: [],
    }
    const version: VersionText = { schemaVersion: SCHEMA_VERSION, hash, text, html }
    texts.push(version)
    const wanted = Math.min(CLIPPINGS_PER_SOURCE, clippings - made)
    while (file.clippings.length < wanted) {
      const createdAt = new Date(Date.parse(importedAt) + file.clippings.length * 60_000)
      const clipping = seedClipping(random, file, version, createdAt.toISOString())
      if (clipping) file.clippings.push(clipping)
    }
    made += wanted
    index.sources.push(entry)
    files.push(file)
  }
  return { index, files, texts }
}

/** Writes the library as NotebookStore keeps it; returns the bytes written. */
export async function writeStoreLibrary(dataDir: string, library: Library): Promise<number> {
  for (const folder of ['sources', 'essays', 'texts']) {
    await mkdir(join(dataDir, folder), { recursive: true })
  }
  let written = 0
  for (const text of library.texts) {
    written += await writeSynced(join(dataDir, 'texts', `${text.hash}.json`), text)
  }
  for (const file of library.files) {
    written += await writeSynced(join(dataDir, 'sources', `${file.id}.json`), file)
  }
  written += await writeSynced(join(dataDir, 'library.json'), library.index)
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
  return writeSynced(path, data)
}

/**
 * Pretty-printed like both DurableJsonFile and lowdb's JSONFile. Synced so that the seed's
 * writeback is not still draining to disk while saves are being timed.
 */
async function writeSynced(path: string, data: unknown): Promise<number> {
  const text = JSON.stringify(data, null, 2)
  const file = await open(path, 'w')
  try {
    await file.writeFile(text, 'utf8')
    await file.sync()
  } finally {
    await file.close()
  }
  return Buffer.byteLength(text, 'utf8')
}
