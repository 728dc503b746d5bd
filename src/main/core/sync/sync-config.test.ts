import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rejection, useTempDir } from '../../../../test/support'
import {
  defaultNotebookName,
  readSyncConfig,
  syncConfigOf,
  syncConfigPath,
  writeSyncConfig,
} from './sync-config'

const tempDir = useTempDir()

describe('the sync settings', () => {
  it('name the notebook after its folder unless told otherwise', () => {
    expect(defaultNotebookName('/home/ann/My Notes')).toBe('my-notes')
    expect(defaultNotebookName('/data/Zoë’s  Commonplace!')).toBe('zoe-s-commonplace')
    expect(defaultNotebookName('/data/???')).toBe('notebook')
    expect(syncConfigOf('/x/Desk', { server: 'ws://h:1', token: 't' }).notebook).toBe('desk')
  })

  it('are saved, read back, and removed when sync is turned off', async () => {
    const dir = tempDir()
    expect(await readSyncConfig(dir)).toBeNull()
    const config = syncConfigOf(dir, {
      server: 'wss://sync.example.org',
      token: 't',
      notebook: 'n',
    })
    await writeSyncConfig(dir, config)
    expect(await readSyncConfig(dir)).toEqual(config)
    await writeSyncConfig(dir, null)
    expect(await readSyncConfig(dir)).toBeNull()
  })

  it('refuse what is not a server, naming the problem; a damaged file is named', async () => {
    const error = await rejection(
      Promise.resolve().then(() => syncConfigOf('/x/n', { server: 'http://h', token: 't' })),
    )
    expect(error.message).toMatch(/ws:\/\/ or wss:\/\//)
    const dir = tempDir()
    await mkdir(join(dir, 'sync'), { recursive: true })
    await writeFile(syncConfigPath(dir), '{"server": "ws://h:1", "notebook": "Bad Name"}')
    const damaged = await rejection(readSyncConfig(dir))
    expect(damaged.message).toContain(syncConfigPath(dir))
    expect(damaged.message).toMatch(/notebook/)
  })
})
