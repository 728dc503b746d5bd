// Several processes writing one notebook at once, as happens when someone runs the CLI while the
// app is open: the app (the session main holds, watching) clips and saves an essay every 50-100 ms
// while two CLI loops clip into the same source and import files. Whatever a writer was told had
// landed must be on disk exactly once, and the app must end up showing what the disk holds.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openCommonplace } from '../src/main/core/commonplace'
import type { ImportReport } from '../src/shared/ipc'
import { ensureBuilt, runCli, type Run } from './cli-support'
import { killRemaining, ScriptProcess } from './process-support'
import { passage, PASSAGES, sharedSourceText } from './processes/protocol'
import { useTempDir } from './support'

const tempDir = useTempDir()
/** How long the writers write; the whole test takes about twice as long on two busy cores. */
const WRITING_MS = 10_000
const SEED = Number(process.env.STRESS_SEED ?? 9)

beforeAll(ensureBuilt)
afterEach(killRemaining)

interface Listed {
  id: string
}

async function listed<T extends Listed>(dataDir: string, command: string): Promise<T[]> {
  const run = await runCli(dataDir, command, '--json')
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  return JSON.parse(run.stdout) as T[]
}

const ids = (items: readonly Listed[]): string[] => items.map((item) => item.id).sort()
const byId = <T extends Listed>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => a.id.localeCompare(b.id))

/** A CLI user clipping and importing in a loop until `deadline`: what each run acknowledged. */
async function cliLoop(dataDir: string, name: string, sourceId: string, deadline: number) {
  const first = name === 'cli-one' ? 0 : PASSAGES / 2
  const acked = { clippings: [] as string[], sources: [] as string[] }
  const failed: Run[] = []
  for (let n = 1; Date.now() < deadline; n++) {
    if (n === 2 || n === 4) {
      const file = join(dataDir, '..', `${name}-${n}.txt`)
      await writeFile(file, `Imported by ${name} while others write, run ${n}.\n`)
      const run = await runCli(dataDir, 'import', file, '--json')
      if (run.code !== 0) failed.push(run)
      else acked.sources.push(...(JSON.parse(run.stdout) as ImportReport).imported.map((s) => s.id))
    } else {
      const quote = passage(1 + ((first + n * 37) % PASSAGES))
      const run = await runCli(dataDir, 'clip', sourceId, '--quote', quote, '--json')
      if (run.code !== 0) failed.push(run)
      else acked.clippings.push((JSON.parse(run.stdout) as Listed).id)
    }
  }
  return { acked, failed }
}

describe('many writers, one notebook', { timeout: 120_000 }, () => {
  it('the app and two CLI loops write at once: every acknowledged write is on disk once, and the app lists what the disk holds', async () => {
    const started = Date.now()
    const notebook = join(tempDir(), 'notebook')
    const sharedFile = join(tempDir(), 'shared.txt')
    await writeFile(sharedFile, sharedSourceText())
    const importRun = await runCli(notebook, 'import', sharedFile, '--json')
    expect(importRun.code).toBe(0)
    const shared = (JSON.parse(importRun.stdout) as ImportReport).imported[0]!

    const app = new ScriptProcess('app', [notebook, shared.id, String(WRITING_MS), String(SEED)])
    await app.waitFor('ready', 60_000)
    const deadline = Date.now() + WRITING_MS
    const clis = await Promise.all([
      cliLoop(notebook, 'cli-one', shared.id, deadline),
      cliLoop(notebook, 'cli-two', shared.id, deadline),
    ])
    await app.waitFor('done', 60_000)
    app.send('report')
    const { listing, announced } = await app.waitFor('listing', 60_000)
    app.quit()
    expect(await app.exited).toEqual({ code: 0, signal: null })

    // Every CLI run was let in: none gave up waiting for the app to release the notebook.
    expect(clis.flatMap((cli) => cli.failed)).toEqual([])
    const appClippings = app.all('clipped').map((message) => message.id)
    const essay = app.all('created-essay')[0]!
    const acknowledged = {
      clippings: [...appClippings, ...clis.flatMap((cli) => cli.acked.clippings)].sort(),
      sources: [shared.id, ...clis.flatMap((cli) => cli.acked.sources)].sort(),
    }

    const disk = {
      sources: await listed(notebook, 'sources'),
      clippings: await listed(notebook, 'clippings'),
      essays: await listed(notebook, 'essays'),
    }
    // Nothing lost, nothing twice, nothing nobody wrote.
    expect(ids(disk.clippings)).toEqual(acknowledged.clippings)
    expect(ids(disk.sources)).toEqual(acknowledged.sources)
    expect(ids(disk.essays)).toEqual([essay.id])
    // The essay holds its last acknowledged save, citing clippings that all verify.
    const lastSave = app.all('saved').at(-1)
    const exported = await runCli(notebook, 'export', essay.id)
    expect(exported.code).toBe(0)
    expect(exported.stdout).toContain(lastSave?.label)

    // The app, told by its watcher what the CLI runs wrote, shows exactly what is on disk.
    expect(announced).toBeGreaterThan(0)
    expect(byId(listing.sources as Listed[])).toEqual(byId(disk.sources))
    expect(byId(listing.clippings as Listed[])).toEqual(byId(disk.clippings))
    expect(byId(listing.essays as Listed[])).toEqual(byId(disk.essays))

    const cliClips = acknowledged.clippings.length - appClippings.length
    console.info(
      `many writers: ${appClippings.length} app clippings, ${app.all('saved').length} essay saves, ` +
        `${cliClips} CLI clippings, ${acknowledged.sources.length - 1} CLI imports, ` +
        `${announced} changes announced to the app; ${Date.now() - started} ms in all`,
    )
  })

  it('two CLI runs import into an empty notebook at once: every import is listed, by the open app too', async () => {
    // Round 1: neither finds a notebook, both race to make it. Rounds 2 and 3: the app has it
    // open, and must list the imports without reopening it (opening would adopt unlisted files).
    for (const round of [1, 2, 3]) {
      const notebook = join(tempDir(), `notebook-${round}`)
      const app = round === 1 ? null : await openCommonplace(notebook, { create: true })
      const files = (name: string) =>
        [1, 2, 3].map((n) => join(tempDir(), `${name}-${round}-${n}.txt`))
      const mine = { one: files('one'), two: files('two') }
      for (const file of [...mine.one, ...mine.two])
        await writeFile(file, `${file}: one of six files imported at once.\n`)

      const runs = await Promise.all([
        runCli(notebook, 'import', ...mine.one, '--json'),
        runCli(notebook, 'import', ...mine.two, '--json'),
      ])
      for (const run of runs) {
        expect(run.stderr).toBe('')
        expect(run.code).toBe(0)
      }
      const imported = runs.flatMap((run) => (JSON.parse(run.stdout) as ImportReport).imported)
      expect(imported).toHaveLength(6)
      if (app) expect(ids(await app.sources.list())).toEqual(ids(imported))
      expect(ids(await listed(notebook, 'sources'))).toEqual(ids(imported))
    }
  })
})
