import { mkdir, open, readFile, rm } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { CommonplaceError } from '../errors'

interface Holder {
  pid: number
  host: string
  who: string
  since: string
}

/**
 * `sync/lock`: one process at a time syncs a data folder (the app, or `commonplace sync --once`),
 * so two clients never write the same document logs. A lock whose process is gone (on this
 * machine) is taken over; one held by a live process is refused, saying who holds it.
 */
export async function takeSyncLock(syncDir: string, who: string): Promise<() => Promise<void>> {
  await mkdir(syncDir, { recursive: true })
  const path = join(syncDir, 'lock')
  const me: Holder = { pid: process.pid, host: hostname(), who, since: new Date().toISOString() }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const file = await open(path, 'wx')
      await file.writeFile(JSON.stringify(me))
      await file.close()
      return async () => {
        const holder = await readHolder(path)
        if (holder?.pid === me.pid && holder.since === me.since) await rm(path, { force: true })
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = await readHolder(path)
    if (holder && holder.host === hostname() && isAlive(holder.pid)) {
      throw new CommonplaceError(
        'busy',
        `This notebook is already syncing in ${holder.who} (process ${holder.pid}, since ${holder.since}); ${path} says so. Let it finish, or close it.`,
      )
    }
    if (holder && holder.host !== hostname()) {
      throw new CommonplaceError(
        'busy',
        `This notebook is syncing on ${holder.host} (${holder.who}); ${path} says so. Delete that file if nothing syncs there.`,
      )
    }
    // Its process is gone: the lock is stale.
    await rm(path, { force: true })
  }
  throw new CommonplaceError('busy', `${path}: another process took the sync lock meanwhile.`)
}

async function readHolder(path: string): Promise<Holder | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Holder
  } catch {
    return null
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
