// The ways back (restore a backup, repair) in a notebook that syncs: two app sessions on two data
// folders and a real `commonplace sync-server`. A restore is a change like any other, so every
// device gets it; a repair that drops a damaged file takes it back from the shared copy.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCommonplace } from '../src/main/core/commonplace'
import type { NotebookSession } from '../src/main/core/notebook-session'
import { damage, paragraphState } from './notebook-damage'
import { useSyncSessions } from './sync-sessions'
import { fixtureNames, fixturePath } from './support'

const { device, twoSyncing } = useSyncSessions()

/** Two devices syncing one notebook; A has imported the interview. */
async function twoDevices(): Promise<{ a: NotebookSession; b: NotebookSession; sourceId: string }> {
  const [a, b] = await twoSyncing()
  const report = await a.commonplace.sources.importFiles([fixturePath(fixtureNames.bakerTxt)])
  const sourceId = report.imported[0]?.id
  if (!sourceId) throw new Error(`the interview did not import: ${JSON.stringify(report.failed)}`)
  return { a, b, sourceId }
}

/** The clippings a device lists, as `id: note`, in id order. */
async function notes(session: NotebookSession): Promise<string[]> {
  const { items } = await session.commonplace.clippings.page({ limit: 50 })
  return items.map((clipping) => `${clipping.id}: ${clipping.note}`).sort()
}

/** The essay's text as a device holds it, or null when it does not list the essay. */
async function essayText(session: NotebookSession, essayId: string): Promise<string | null> {
  const listed = (await session.commonplace.essays.list()).some((essay) => essay.id === essayId)
  if (!listed) return null
  return JSON.stringify((await session.commonplace.essays.get(essayId)).editorState)
}

describe('the ways back in a synced notebook', () => {
  it('a restored backup reaches every device: a deleted clipping and essay and an earlier note come back, and what was made since stays', async () => {
    const { a, b, sourceId } = await twoDevices()
    const kept = await a.commonplace.clippings.createFromQuote({ sourceId, quote: 'hypocrisy' })
    await a.commonplace.clippings.update({ id: kept.id, note: 'as backed up' })
    const essay = await a.commonplace.essays.create('Backed-up essay')
    // Essays are written as the CLI writes them: the app's own editor writes through the doc.
    const cli = await openCommonplace(a.dataDir)
    await cli.essays.save(essay.id, paragraphState('Words as backed up.'))
    await expect.poll(() => essayText(b, essay.id), { timeout: 30_000 }).toContain('as backed up')
    const backup = await a.backup()

    // After the backup: the note changes, a clipping is made, and then the first clipping and
    // the essay are deleted; B has all of it.
    await a.commonplace.clippings.update({ id: kept.id, note: 'changed later' })
    const later = await a.commonplace.clippings.createFromQuote({
      sourceId,
      quote: 'Red Rocket',
      occurrence: 1,
    })
    await a.commonplace.clippings.delete(kept.id)
    await cli.essays.delete(essay.id)
    await expect.poll(() => notes(b), { timeout: 30_000 }).toEqual([`${later.id}: `])
    await expect.poll(() => essayText(b, essay.id), { timeout: 30_000 }).toBeNull()

    await a.restore(backup.name)
    for (const session of [a, b]) {
      await expect
        .poll(() => notes(session), { timeout: 30_000 })
        .toEqual([`${kept.id}: as backed up`, `${later.id}: `].sort())
      await expect
        .poll(() => essayText(session, essay.id), { timeout: 30_000 })
        .toContain('Words as backed up.')
    }
  }, 120_000)

  it('repairing a notebook whose source file was damaged takes the source back from the shared copy, and no device loses it', async () => {
    const { a, b, sourceId } = await twoDevices()
    const clipping = await a.commonplace.clippings.createFromQuote({ sourceId, quote: 'hypocrisy' })
    await expect.poll(() => notes(b), { timeout: 30_000 }).toEqual([`${clipping.id}: `])

    // The source's file is damaged while the app is closed (a crash, a sync client).
    await a.close()
    await damage(join(a.dataDir, 'sources', `${sourceId}.json`), 'source', 'truncated')
    const reopened = await device('a')
    const report = await reopened.repair()
    expect(report.damagedFiles).toEqual([join(a.dataDir, 'sources', `${sourceId}.json`)])

    for (const session of [reopened, b]) {
      await expect.poll(() => notes(session), { timeout: 30_000 }).toEqual([`${clipping.id}: `])
    }
    expect((await reopened.commonplace.clippings.get(clipping.id)).anchor).toEqual(
      (await b.commonplace.clippings.get(clipping.id)).anchor,
    )
  }, 120_000)
})
