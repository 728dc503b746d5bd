import { writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rejection, useTempDir } from '../../../../test/support'
import { takeSyncLock } from './sync-lock'

const tempDir = useTempDir()

describe('the sync lock', () => {
  it('lets one process sync a folder, saying who holds it to the next', async () => {
    const release = await takeSyncLock(tempDir(), 'the Commonplace app')
    const refused = await rejection(takeSyncLock(tempDir(), 'commonplace sync'))
    expect(refused.message).toMatch(/already syncing in the Commonplace app \(process \d+/)
    await release()
    const again = await takeSyncLock(tempDir(), 'commonplace sync')
    await again()
  })

  it('takes over a lock whose process is gone', async () => {
    const dead = { pid: 2 ** 22 + 17, host: hostname(), who: 'a crashed app', since: '2026' }
    await writeFile(join(tempDir(), 'lock'), JSON.stringify(dead))
    const release = await takeSyncLock(tempDir(), 'commonplace sync')
    await release()
  })
})
