import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureNames, fixturePath, rejection, useTempDir } from '../../../../test/support'
import { openCommonplace, type Commonplace } from '../commonplace'
import { NotebookSession } from '../notebook-session'
import { createBackup, listBackups, restoreBackup } from './backups'
import { NotebookLock } from './notebook-lock'

const tempDir = useTempDir()
const notebook = (): string => join(tempDir(), 'notebook')

async function clippedNotebook(): Promise<{ app: Commonplace; sourceId: string }> {
  const app = await openCommonplace(notebook())
  const [source] = (await app.sources.importFiles([fixturePath(fixtureNames.bakerTxt)])).imported
  if (!source) throw new Error('the interview did not import')
  await app.clippings.createFromQuote({ sourceId: source.id, quote: 'stigma' })
  await app.essays.create('Drafts')
  return { app, sourceId: source.id }
}

describe('backups', () => {
  it('are checked copies with a manifest, listed newest first', async () => {
    const { app } = await clippedNotebook()
    const first = await createBackup(notebook(), app.store.lock, 'manual')
    expect(first).toMatchObject({
      verified: true,
      reason: 'manual',
      sources: 1,
      clippings: 1,
      essays: 1,
    })
    const files = await readdir(join(notebook(), 'backups', first.name, 'sources'))
    expect(files).toHaveLength(1)
    const second = await createBackup(notebook(), app.store.lock, 'start')
    expect((await listBackups(notebook())).map((backup) => backup.name)).toEqual([
      second.name,
      first.name,
    ])
  })

  it('are not touched when another program changes a notebook file in place', async () => {
    const { app, sourceId } = await clippedNotebook()
    const backup = await createBackup(notebook(), app.store.lock, 'manual')
    const live = join(notebook(), 'sources', `${sourceId}.json`)
    const kept = join(notebook(), 'backups', backup.name, 'sources', `${sourceId}.json`)
    const before = await readFile(kept, 'utf8')
    await writeFile(live, 'overwritten in place')
    expect(await readFile(kept, 'utf8')).toBe(before)
  })

  it('is refused, and nothing kept, when the notebook does not validate', async () => {
    const { app, sourceId } = await clippedNotebook()
    await writeFile(join(notebook(), 'sources', `${sourceId}.json`), '{"schemaVersion": 2')
    const error = await rejection(createBackup(notebook(), app.store.lock, 'manual'))
    expect(error.message).toMatch(/^No backup was made: .*sources.*is not valid JSON/)
    expect(await listBackups(notebook())).toEqual([])
    expect(await readdir(join(notebook(), 'backups'))).toEqual([])
  })

  it('keep the newest ten and the newest of each of the last seven days', async () => {
    const { app } = await clippedNotebook()
    const root = join(notebook(), 'backups')
    // Eight older backups, one a day for the last eight days, as earlier runs left them.
    const first = await createBackup(notebook(), app.store.lock, 'manual')
    for (let day = 1; day <= 8; day++) {
      const createdAt = new Date(Date.now() - day * 24 * 3600 * 1000 - 3600 * 1000).toISOString()
      const name = `${createdAt.slice(0, 19).replace(/:/g, '-')}Z`
      await mkdir(join(root, name))
      const manifest = JSON.parse(await readFile(join(root, first.name, 'manifest.json'), 'utf8'))
      await writeFile(
        join(root, name, 'manifest.json'),
        JSON.stringify({ ...manifest, name, createdAt }),
      )
    }
    for (let i = 0; i < 12; i++) await createBackup(notebook(), app.store.lock, 'hourly')
    const kept = await listBackups(notebook())
    const today = kept.filter((backup) => Date.now() - Date.parse(backup.createdAt) < 3600_000)
    expect(today).toHaveLength(10)
    // Days 1 to 6 back are within the week: one each. Days 7 and 8 are not.
    expect(kept.length - today.length).toBe(6)
  })
})

describe('restoring a backup', () => {
  it('puts the backup in place, having backed up what was there first', async () => {
    const { app, sourceId } = await clippedNotebook()
    const backup = await createBackup(notebook(), app.store.lock, 'manual')
    await app.clippings.createFromQuote({ sourceId, quote: 'pleasure' })
    await app.sources.importFiles([fixturePath(fixtureNames.anoraTxt)])

    const session = await NotebookSession.open(notebook())
    const { restored, before } = await session.restore(backup.name)
    expect(restored.name).toBe(backup.name)
    expect(before).toMatchObject({ reason: 'before-restore', sources: 2, clippings: 2 })
    expect(await session.commonplace.sources.list()).toHaveLength(1)
    expect(await session.commonplace.clippings.list()).toHaveLength(1)

    // And back again: the state before the restore was itself kept.
    await session.restore(before.name)
    expect(await session.commonplace.clippings.list()).toHaveLength(2)
  })

  it('finishes a restore a crash interrupted, when the notebook is next opened', async () => {
    const { app, sourceId } = await clippedNotebook()
    const backup = await createBackup(notebook(), app.store.lock, 'manual')
    await app.clippings.createFromQuote({ sourceId, quote: 'pleasure' })
    // The journal is written, and the crash comes before any file was put back.
    await writeFile(join(notebook(), 'restore.json'), JSON.stringify({ backup: backup.name }))
    const reopened = await openCommonplace(notebook())
    expect(await reopened.clippings.list()).toHaveLength(1)
    expect(await readdir(notebook())).not.toContain('restore.json')
  })

  it('refuses a name that is not a backup, and a plain copy of a damaged notebook', async () => {
    const { app } = await clippedNotebook()
    const lock = new NotebookLock(notebook())
    for (const name of ['nope', '../notebook', '2026-01-01T00-00-00Z']) {
      expect((await rejection(restoreBackup(notebook(), lock, name))).code).toBe('not-found')
    }
    await rm(join(notebook(), 'library.json'))
    const session = await NotebookSession.open(notebook())
    expect(session.status().state).toBe('refused')
    const { backup } = await session.repair()
    const copy = (await listBackups(notebook())).find((candidate) => candidate.name === backup)
    expect(copy).toMatchObject({ verified: false, reason: 'before-repair' })
    expect((await rejection(restoreBackup(notebook(), app.store.lock, backup))).message).toMatch(
      /plain copy of a damaged notebook/,
    )
  })
})
