// Ways a notebook file gets damaged in the wild (a crash on a file system without ordered writes,
// a sync client, a Windows editor, a person tidying up), and a small notebook to damage.
import { chmod, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { openCommonplace } from '../src/main/core/commonplace'
import { createBackup } from '../src/main/core/store/backups'
import type { ClippingView, SourceSummary } from '../src/shared/domain'
import type { SerializedEditorStateJson } from '../src/shared/essay'
import { fixtureNames, fixturePath } from './fixtures'

export type Damage =
  | 'empty'
  | 'truncated'
  | 'NUL bytes'
  | 'BOM prefix'
  | 'null'
  | '[]'
  | 'wrong schema'
  | 'missing'
  | 'a folder in its place'
  | 'read-only'
  | 'unknown fields'

export type Target = 'index' | 'source' | 'essay'

type Json = Record<string, unknown>

/** What each target's file breaks on when its shape is wrong, and where an unknown field goes. */
const shapes: Record<Target, { wrong: (data: Json) => Json; unknown: (data: Json) => Json }> = {
  index: {
    wrong: (data) => ({ ...data, sources: 42 }),
    unknown: (data) => ({
      ...data,
      syncedBy: { app: 'a later Commonplace' },
      sources: (data.sources as Json[]).map((entry) => ({ ...entry, colour: 'teal' })),
    }),
  },
  source: {
    wrong: (data) => ({ ...data, versions: [] }),
    unknown: (data) => ({
      ...data,
      syncedBy: { app: 'a later Commonplace' },
      entry: { ...(data.entry as Json), colour: 'teal' },
      clippings: (data.clippings as Json[]).map((clipping) => ({ ...clipping, colour: 'teal' })),
    }),
  },
  essay: {
    wrong: (data) => ({ ...data, entry: { ...(data.entry as Json), title: '' } }),
    unknown: (data) => ({
      ...data,
      syncedBy: { app: 'a later Commonplace' },
      entry: { ...(data.entry as Json), colour: 'teal' },
    }),
  },
}

/** The unknown fields `unknown fields` adds, as they must read after a rewrite. */
export const UNKNOWN = { syncedBy: { app: 'a later Commonplace' }, colour: 'teal' }

export async function damage(path: string, target: Target, how: Damage): Promise<void> {
  const bytes = await readFile(path)
  const data = () => JSON.parse(bytes.toString('utf8')) as Json
  switch (how) {
    case 'empty':
      return writeFile(path, '')
    case 'truncated':
      return writeFile(path, bytes.subarray(0, Math.floor(bytes.length / 2)))
    case 'NUL bytes':
      // What some file systems leave of a file whose data never reached the disk.
      return writeFile(path, Buffer.alloc(bytes.length))
    case 'BOM prefix':
      return writeFile(path, Buffer.concat([Buffer.from('\uFEFF'), bytes]))
    case 'null':
      return writeFile(path, 'null')
    case '[]':
      return writeFile(path, '[]')
    case 'wrong schema':
      return writeFile(path, JSON.stringify(shapes[target].wrong(data())))
    case 'missing':
      return rm(path)
    case 'a folder in its place':
      await rm(path)
      return void (await mkdir(path))
    case 'read-only':
      return chmod(path, 0o444)
    case 'unknown fields':
      return writeFile(path, JSON.stringify(shapes[target].unknown(data()), null, 2))
  }
}

/** What a file is now: its bytes, 'folder', or 'missing': to tell that it was left alone. */
export async function stateOf(path: string): Promise<Buffer | 'folder' | 'missing'> {
  const info = await stat(path).catch(() => null)
  if (!info) return 'missing'
  return info.isDirectory() ? 'folder' : readFile(path)
}

export async function filesIn(folder: string): Promise<string[]> {
  return (await readdir(folder)).sort()
}

export interface Seeded {
  baker: SourceSummary
  anora: SourceSummary
  bakerClip: ClippingView
  anoraClip: ClippingView
  essayId: string
  otherEssayId: string
  paths: Record<Target, string>
}

export function paragraphState(words: string): SerializedEditorStateJson {
  const block = { direction: null, format: '', indent: 0 }
  return {
    root: {
      type: 'root',
      version: 1,
      ...block,
      children: [
        {
          type: 'paragraph',
          version: 1,
          ...block,
          textFormat: 0,
          textStyle: '',
          children: [
            {
              type: 'text',
              version: 1,
              text: words,
              format: 0,
              detail: 0,
              mode: 'normal',
              style: '',
            },
          ],
        },
      ],
    },
  }
}

/** Two sources with a clipping each, two essays, and a backup of all that. */
export async function seedNotebook(dataDir: string): Promise<Seeded> {
  const app = await openCommonplace(dataDir, { create: true })
  const { imported, failed } = await app.sources.importFiles([
    fixturePath(fixtureNames.bakerTxt),
    fixturePath(fixtureNames.anoraTxt),
  ])
  const [baker, anora] = imported
  if (!baker || !anora) throw new Error(failed[0]?.message ?? 'the fixtures did not import')
  const bakerClip = await app.clippings.createFromQuote({
    sourceId: baker.id,
    quote: 'Red Rocket',
    occurrence: 1,
  })
  const anoraClip = await app.clippings.createFromQuote({
    sourceId: anora.id,
    quote: 'Sean gets sex work.',
  })
  const essay = await app.essays.create('The one damaged')
  await app.essays.save(essay.id, paragraphState('Words written before the damage.'))
  const other = await app.essays.create('The other one')
  await createBackup(dataDir, app.store.lock, 'manual')
  return {
    baker,
    anora,
    bakerClip,
    anoraClip,
    essayId: essay.id,
    otherEssayId: other.id,
    paths: {
      index: app.store.libraryPath,
      source: app.store.sourcePath(baker.id),
      essay: app.store.essayPath(essay.id),
    },
  }
}
