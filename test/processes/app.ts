// The app's main process as far as the notebook goes: the session main holds, watching the
// notebook, clipping into a source every 50-100 ms and saving an essay that cites what it clipped,
// for a bounded time. Then, told `report`, it waits until its watcher has caught up with what other
// processes wrote, and prints the lists it would show.
//
// node --import tsx test/processes/app.ts <dataDir> <sourceId> <durationMs> <seed>
import { setTimeout as sleep } from 'node:timers/promises'
import type { ClippingView } from '../../src/shared/domain'
import { NotebookSession } from '../../src/main/core/notebook-session'
import { seededRandom } from '../random-text'
import { commands, emit, essayState, fail, saveLabel } from './protocol'

const CATCH_UP_MS = 15_000

async function main(): Promise<void> {
  const [dataDir, sourceId, duration, seed] = process.argv.slice(2)
  if (!dataDir || !sourceId || !duration || !seed)
    throw new Error('usage: app.ts dir source ms seed')
  const next = commands()
  const session = await NotebookSession.open(dataDir, { watch: true })
  let announced = 0
  session.onChange(() => announced++)
  const app = session.commonplace
  const random = seededRandom(Number(seed))
  const { version } = await app.sources.get(sourceId)
  const essay = await app.essays.create('Written while others write')
  emit({ event: 'created-essay', id: essay.id })
  emit({ event: 'ready', pid: process.pid })

  const mine: ClippingView[] = []
  const until = Date.now() + Number(duration)
  for (let n = 1; Date.now() < until; n++) {
    // A selection of 10 to 60 characters somewhere in the text, as a reader would drag.
    const start = Math.floor(random() * (version.text.length - 60))
    const end = start + 10 + Math.floor(random() * 50)
    const clipping = await app.clippings.create({ sourceId, start, end, note: `app ${n}` })
    mine.push(clipping)
    emit({ event: 'clipped', id: clipping.id })
    if (n % 5 === 0) {
      const label = saveLabel(0, n / 5)
      await app.essays.save(essay.id, essayState(label, mine.slice(-3)))
      emit({ event: 'saved', essay: essay.id, label })
    }
    // The pace of a person clipping quickly; a bounded pause, not a wait for some state.
    await sleep(50 + random() * 50)
  }
  emit({ event: 'done' })

  while ((await next()) !== 'report') {
    // Only `report` ends the wait.
  }
  // The watcher, not this process, must find the others' writes: wait until it has read the
  // change feed up to its newest revision.
  const { store } = app
  const deadline = Date.now() + CATCH_UP_MS
  while (store.feed.revision !== (await store.feed.latest())) {
    if (Date.now() > deadline) throw new Error('the watcher did not catch up within 15 s')
    await sleep(20)
  }
  const listing = {
    sources: await app.sources.list(),
    clippings: await app.clippings.list(),
    essays: await app.essays.list(),
  }
  emit({ event: 'listing', listing, announced })
  await session.close()
}

main().catch(fail)
