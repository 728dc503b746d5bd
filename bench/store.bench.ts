// Latency to save one clipping as the library grows: the real store (one small file per source,
// written durably) against the same data kept in a single lowdb file, which every save rewrites.
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import { selectorsAt, trimRange, type Clipping } from '../src/shared/domain'
import { openCommonplace } from '../src/main/core/commonplace'
import { newId } from '../src/main/core/ids'
import { DurableJsonFile } from '../src/main/core/store/durable-json-file'
import { SCHEMA_VERSION, type SourceFile } from '../src/main/core/store/schema'
import { bytes, count, formatFigure, ms, ratio, type BenchSection, type Cell } from './report'
import {
  CLIPPINGS_PER_SOURCE,
  generateLibrary,
  loadBaseText,
  randomRange,
  seededRandom,
  writeOneFileLibrary,
  writeStoreLibrary,
  type OneFileData,
  type SourceText,
} from './seed-library'
import { mean, summarize, timed, type Summary } from './stats'

const SIZES = [1_000, 10_000, 100_000]
/** Untimed saves first; the first one is reported on its own (it loads the whole library). */
const WARMUPS = 2
const SAVES = 50
/** Each one-file save at 100k rewrites ~140 MiB: fewer of them keep the run within minutes. */
const oneFileSaves = (size: number): number => (size >= 100_000 ? 10 : SAVES)
const ADAPTER_WRITES = 30

interface Target {
  sourceIndex: number
  start: number
  end: number
}

interface Series {
  /** Opening the library: openCommonplace, or the one file's db.read(). */
  openMs: number
  /** The first save after opening (a warm-up, not in `saves`). */
  firstSaveMs: number
  saves: Summary
  samplesMs: number[]
  /** Size of the file each timed save rewrote, averaged. */
  bytesPerSave: number
}

interface SizeResult {
  clippings: number
  sources: number
  seedSeconds: number
  storeBytesOnDisk: number
  oneFileBytesOnDisk: number
  ours: Series
  oneFile: Series
}

export async function run(): Promise<BenchSection> {
  const base = await loadBaseText()
  const results: SizeResult[] = []
  for (const size of SIZES) results.push(await measureSize(base, size))
  const adapters = await measureAdapters(base)
  return {
    title: 'Store: latency to save one clipping',
    columns: [
      'clippings in library',
      'ours median / p95',
      'one-file median / p95',
      'one-file / ours (median)',
      'ours writes / save',
      'one-file writes / save',
      'timed saves (ours / one-file)',
    ],
    rows: results.map(toRow),
    notes: [
      `ours: openCommonplace(dir).clippings.create({ sourceId, start, end }) on a temp dir seeded ` +
        `with ${CLIPPINGS_PER_SOURCE} clippings per source over N/${CLIPPINGS_PER_SOURCE} sources ` +
        `(each ~20 KB of text + its html); a save rewrites that one sources/<id>.json.`,
      `one-file: the same sources, texts and clippings in one lowdb file, ` +
        `new Low(new JSONFile(path), defaults); a save is push(clipping) + await db.write().`,
      `ours fsyncs: DurableJsonFile writes a temp file, fsyncs it, renames it and fsyncs the ` +
        `directory. lowdb's JSONFile (steno) writes and renames without fsync, so the one-file ` +
        `column does not pay for durability and ours does.`,
      `durability on this disk, writing one ${formatSize(adapters.bytes)} source file ` +
        `${ADAPTER_WRITES} times: DurableJsonFile median ${adapters.durable.median.toFixed(2)} ms, ` +
        `p95 ${adapters.durable.p95.toFixed(2)} ms; lowdb JSONFile median ` +
        `${adapters.plain.median.toFixed(2)} ms, p95 ${adapters.plain.p95.toFixed(2)} ms.`,
      `each series: ${WARMUPS} untimed warm-up saves, then timed saves into random sources ` +
        `(same seeded targets for both); one-file at 100k is timed over ` +
        `${oneFileSaves(100_000)} saves, so its p95 is the slowest of them. Percentiles are ` +
        `nearest-rank; times by performance.now().`,
      ...results.map(describeOpening),
    ],
    details: { sizes: results, adapters },
  }
}

function toRow(result: SizeResult): Cell[] {
  const { ours, oneFile } = result
  return [
    count(result.clippings),
    ms(ours.saves.median, ours.saves.p95),
    ms(oneFile.saves.median, oneFile.saves.p95),
    ratio(oneFile.saves.median / ours.saves.median),
    bytes(ours.bytesPerSave),
    bytes(oneFile.bytesPerSave),
    `${ours.saves.count} / ${oneFile.saves.count}`,
  ]
}

function describeOpening(result: SizeResult): string {
  const { ours, oneFile } = result
  return (
    `${result.clippings.toLocaleString('en-US')} clippings (${result.sources} sources, seeded in ` +
    `${result.seedSeconds.toFixed(1)} s; ${formatSize(result.storeBytesOnDisk)} in ours, ` +
    `${formatSize(result.oneFileBytesOnDisk)} in the one file): ours opens in ` +
    `${ours.openMs.toFixed(1)} ms and its first save takes ${ours.firstSaveMs.toFixed(0)} ms, ` +
    `(it reads only the source it writes; the search index is built on the first search); the one file's db.read() ` +
    `takes ${oneFile.openMs.toFixed(0)} ms, its first save ${oneFile.firstSaveMs.toFixed(0)} ms.`
  )
}

async function measureSize(base: SourceText, size: number): Promise<SizeResult> {
  const dir = await mkdtemp(join(tmpdir(), 'commonplace-bench-'))
  try {
    const storeDir = join(dir, 'store')
    const oneFilePath = join(dir, 'one-file.json')
    const seedStart = performance.now()
    const { sourceIds, storeBytesOnDisk, oneFileBytesOnDisk } = await seed(
      base,
      size,
      storeDir,
      oneFilePath,
    )
    const seedSeconds = (performance.now() - seedStart) / 1000

    const random = seededRandom(size + 1)
    const targets: Target[] = Array.from({ length: WARMUPS + SAVES }, () => ({
      sourceIndex: Math.floor(random() * sourceIds.length),
      ...randomRange(random, base.text.length),
    }))
    const ours = await measureStore(storeDir, sourceIds, targets, size)
    const oneFile = await measureOneFile(
      oneFilePath,
      targets.slice(0, WARMUPS + oneFileSaves(size)),
    )
    return {
      clippings: size,
      sources: sourceIds.length,
      seedSeconds,
      storeBytesOnDisk,
      oneFileBytesOnDisk,
      ours,
      oneFile,
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Its own function so that the generated library can be collected before anything is timed. */
async function seed(base: SourceText, size: number, storeDir: string, oneFilePath: string) {
  const library = generateLibrary(base, size, size)
  return {
    sourceIds: library.files.map((file) => file.id),
    storeBytesOnDisk: await writeStoreLibrary(storeDir, library),
    oneFileBytesOnDisk: await writeOneFileLibrary(oneFilePath, library),
  }
}

async function measureStore(
  dataDir: string,
  sourceIds: string[],
  targets: Target[],
  expectedClippings: number,
): Promise<Series> {
  const openStart = performance.now()
  const commonplace = await openCommonplace(dataDir)
  const openMs = performance.now() - openStart
  const save = ({ sourceIndex, start, end }: Target) =>
    commonplace.clippings.create({ sourceId: sourceIds[sourceIndex], start, end })

  const firstSaveMs = await timed(() => save(targets[0]))
  const files = await commonplace.store.allSourceFiles()
  const loaded = files.reduce((sum, file) => sum + file.clippings.length, 0)
  if (commonplace.store.problems.length > 0 || loaded !== expectedClippings + 1) {
    const problems = commonplace.store.problems.map((problem) => problem.message).join('; ')
    throw new Error(`The seeded library did not load: ${loaded} clippings. ${problems}`)
  }
  for (const target of targets.slice(1, WARMUPS)) await save(target)

  const samplesMs: number[] = []
  const sizes: number[] = []
  for (const target of targets.slice(WARMUPS)) {
    samplesMs.push(await timed(() => save(target)))
    const path = join(dataDir, 'sources', `${sourceIds[target.sourceIndex]}.json`)
    sizes.push((await stat(path)).size)
  }
  return {
    openMs,
    firstSaveMs,
    saves: summarize(samplesMs),
    samplesMs,
    bytesPerSave: mean(sizes),
  }
}

async function measureOneFile(path: string, targets: Target[]): Promise<Series> {
  const db = new Low<OneFileData>(new JSONFile<OneFileData>(path), {
    schemaVersion: SCHEMA_VERSION,
    sources: [],
  })
  const openMs = await timed(() => db.read())
  // The same work as ClippingsService.create, minus the search index: build, push, write.
  const save = async ({ sourceIndex, start: from, end: to }: Target): Promise<void> => {
    const source = db.data.sources[sourceIndex]
    const version = source.versions[source.versions.length - 1]
    const { start, end } = trimRange(version.text, from, to)
    const createdAt = new Date().toISOString()
    const clipping: Clipping = {
      id: newId('c'),
      sourceId: source.id,
      versionHash: version.hash,
      createdAt,
      updatedAt: createdAt,
      note: '',
      tags: [],
      target: selectorsAt(version.text, start, end),
    }
    source.clippings.push(clipping)
    await db.write()
  }

  const firstSaveMs = await timed(() => save(targets[0]))
  for (const target of targets.slice(1, WARMUPS)) await save(target)
  const samplesMs: number[] = []
  const sizes: number[] = []
  for (const target of targets.slice(WARMUPS)) {
    samplesMs.push(await timed(() => save(target)))
    sizes.push((await stat(path)).size)
  }
  return { openMs, firstSaveMs, saves: summarize(samplesMs), samplesMs, bytesPerSave: mean(sizes) }
}

/** What fsync costs on this disk: one source file written by each adapter. */
async function measureAdapters(base: SourceText) {
  const dir = await mkdtemp(join(tmpdir(), 'commonplace-bench-'))
  try {
    const file: SourceFile = generateLibrary(base, CLIPPINGS_PER_SOURCE, 7).files[0]
    const durable = new DurableJsonFile<SourceFile>(join(dir, 'durable.json'))
    const plain = new JSONFile<SourceFile>(join(dir, 'plain.json'))
    const durableMs: number[] = []
    const plainMs: number[] = []
    for (let write = 0; write < WARMUPS + ADAPTER_WRITES; write++) {
      const durableTook = await timed(() => durable.write(file))
      const plainTook = await timed(() => plain.write(file))
      if (write < WARMUPS) continue
      durableMs.push(durableTook)
      plainMs.push(plainTook)
    }
    const size = (await stat(durable.path)).size
    return { bytes: size, durable: summarize(durableMs), plain: summarize(plainMs) }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

function formatSize(value: number): string {
  return formatFigure(bytes(value))
}
