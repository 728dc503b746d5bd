// A notebook the size years of clipping make: 10,000 clippings over 300 generated articles, and
// one essay citing the oldest and the newest. Built once per test worker, copied for each test.
import { execFileSync } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { paragraph } from '../bench/essay-seed'
import { generateSources, writeStoreLibrary, type Library } from '../bench/seed-library'
import { openCommonplace } from '../src/main/core/commonplace'
import { SCHEMA_VERSION } from '../src/main/core/store/schema'
import type { Clipping } from '../src/shared/domain'

export const LARGE_NOTEBOOK_CLIPPINGS = 10_000

export interface LargeNotebook {
  dir: string
  newest: Clipping
  oldest: Clipping
  essayTitle: string
}

let made: Promise<LargeNotebook> | null = null

export function largeNotebook(): Promise<LargeNotebook> {
  made ??= makeLargeNotebook()
  return made
}

/** A private copy (hard links: the store replaces files by renaming, never edits one in place). */
export async function copyOfLargeNotebook(): Promise<string> {
  const { dir } = await largeNotebook()
  const copy = join(await mkdtemp(join(tmpdir(), 'commonplace-e2e-large-')), 'notebook')
  execFileSync('cp', ['-al', dir, copy])
  return copy
}

async function makeLargeNotebook(): Promise<LargeNotebook> {
  const dir = join(await mkdtemp(join(tmpdir(), 'commonplace-e2e-large-seed-')), 'notebook')
  const library: Library = {
    index: { schemaVersion: SCHEMA_VERSION, sources: [], essays: [] },
    files: [],
    texts: [],
  }
  const generated = generateSources(LARGE_NOTEBOOK_CLIPPINGS, 7, {
    sources: 300,
    articleBytes: 12_000,
  })
  for (const { entry, file, text } of generated) {
    library.index.sources.push(entry)
    library.files.push(file)
    library.texts.push(text)
  }
  await writeStoreLibrary(dir, library, { sync: false })

  // Generated clippings are dated in order: the first source's first is the oldest.
  const oldest = library.files[0]?.clippings[0]
  const newest = library.files.at(-1)?.clippings.at(-1)
  if (!oldest || !newest) throw new Error('The generated notebook has no clippings.')
  const app = await openCommonplace(dir)
  const essayTitle = 'Ten thousand clippings later'
  const essay = await app.essays.create(essayTitle)
  await app.essays.save(essay.id, {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [paragraph('What the oldest and the newest clipping say together.')],
    },
  })
  return { dir, newest, oldest, essayTitle }
}
