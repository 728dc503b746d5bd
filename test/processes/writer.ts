// A writer the test kills at random moments: once told `go` it opens the notebook (meeting
// whatever the last one left: its lock, its temporary files) and writes as fast as it can,
// clipping, importing and saving essays, printing each write once it has landed.
//
// It loads first and waits for `go`, so that the test can start the next writer while this one
// runs: the kill moment then falls in the writing, not in Node loading modules.
//
// node --import tsx test/processes/writer.ts <dataDir> <sourceId> <scratchDir> <generation> <seed>
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ClippingView } from '../../src/shared/domain'
import { openCommonplace } from '../../src/main/core/commonplace'
import { seededRandom } from '../random-text'
import { commands, emit, essayState, fail, passage, PASSAGES, saveLabel } from './protocol'

async function main(): Promise<void> {
  const [dataDir, sourceId, scratch, generationArg, seed] = process.argv.slice(2)
  if (!dataDir || !sourceId || !scratch || !generationArg || !seed) {
    throw new Error('usage: writer.ts dir source scratch generation seed')
  }
  const generation = Number(generationArg)
  const random = seededRandom(Number(seed) + generation)
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)]
  const next = commands()
  emit({ event: 'loaded', pid: process.pid })
  while ((await next()) !== 'go') {
    // Only `go` starts the writing.
  }

  const app = await openCommonplace(dataDir, { create: false })
  emit({ event: 'ready', pid: process.pid })
  const essays = (await app.essays.list()).map((essay) => essay.id)
  const clipped: ClippingView[] = []
  let saves = 0
  for (let n = 1; ; n++) {
    const roll = random()
    if (roll < 0.6) {
      const quote = passage(1 + Math.floor(random() * PASSAGES))
      const clipping = await app.clippings.createFromQuote({ sourceId, quote, note: `w${n}` })
      clipped.push(clipping)
      emit({ event: 'clipped', id: clipping.id })
    } else if (roll < 0.7) {
      // A new file each time: the same text twice would be refused as already in the library.
      const file = join(scratch, `writer-${generation}-${n}.txt`)
      await writeFile(file, `Note ${generation}.${n}, imported by a writer that may be killed.\n`)
      const report = await app.sources.importFiles([file])
      const [source] = report.imported
      if (!source) throw new Error(report.failed[0]?.message ?? 'nothing imported')
      emit({ event: 'imported', id: source.id })
    } else if (roll < 0.78 || essays.length === 0) {
      const essay = await app.essays.create(`Essay ${generation}.${n}`)
      essays.push(essay.id)
      emit({ event: 'created-essay', id: essay.id })
    } else {
      const essay = pick(essays) as string
      const label = saveLabel(generation, ++saves)
      await app.essays.save(essay, essayState(label, clipped.slice(-2)))
      emit({ event: 'saved', essay, label })
    }
  }
}

main().catch(fail)
