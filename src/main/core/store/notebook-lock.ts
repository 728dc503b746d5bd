import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { readFile, stat, utimes } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { CommonplaceError } from '../errors'

/**
 * One writer at a time, across every process that opens the notebook (the app, any number of CLI
 * runs, later a sync process). The lock is a folder, `notebook.lock/`, because creating a folder
 * is atomic on every platform and file system; it holds `owner.json` saying who holds it.
 *
 * A holder that dies leaves the folder behind. It is taken over at once when its owner was a
 * process on this machine that no longer runs, else when the holder has not touched the folder for
 * `staleMs` (a process elsewhere, or one whose pid was reused). Taking over is itself guarded by a
 * second folder, so two processes that both find the lock stale cannot both take it.
 */
export interface LockOptions {
  /** How long to wait for another writer before giving up, changing nothing. */
  timeoutMs: number
  /** A lock untouched for this long is stale. */
  staleMs: number
  /** How often a holder touches the lock to show it is alive. */
  refreshMs: number
}

/** What renaming a folder onto one that is there says, or onto one a tidy removed. */
const TAKEN = ['ENOENT', 'EEXIST', 'ENOTEMPTY', 'EPERM', 'EACCES', 'EBUSY']

const defaults: LockOptions = { timeoutMs: 15_000, staleMs: 10_000, refreshMs: 2_000 }

interface Owner {
  pid: number
  host: string
  token: string
  since: string
}

export class NotebookLock {
  private readonly lockDir: string
  private readonly reclaimDir: string
  private readonly options: LockOptions
  /** Writers in this process queue here first, so they never compete for the folder. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly dataDir: string,
    options: Partial<LockOptions> = {},
  ) {
    this.lockDir = join(dataDir, 'notebook.lock')
    this.reclaimDir = join(dataDir, 'notebook.lock.reclaim')
    this.options = { ...defaults, ...options }
  }

  /** Runs `work` holding the lock; it is released however `work` ends. */
  run<T>(work: (held: HeldLock) => Promise<T>): Promise<T> {
    const result = this.queue.then(async () => {
      const held = await this.acquire()
      try {
        return await work(held)
      } finally {
        await held.release()
      }
    })
    this.queue = result.catch(() => undefined)
    return result
  }

  private async acquire(): Promise<HeldLock> {
    const deadline = Date.now() + this.options.timeoutMs
    let pause = 2
    for (;;) {
      const owner = newOwner()
      if (await this.take(this.lockDir, owner)) {
        return new HeldLock(this.lockDir, owner.token, this.options.refreshMs)
      }
      if (await this.isStale(this.lockDir)) {
        await this.reclaim()
        continue
      }
      if (Date.now() >= deadline) throw await this.busy()
      await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * pause))
      pause = Math.min(pause * 2, 50)
    }
  }

  /**
   * Puts the folder `dir` in place with its owner file already in it: made and filled under a
   * private name, then renamed, which fails while another holder's folder is there. A process
   * killed at any moment thus leaves no folder, or one that names its owner (whose death is seen
   * at once); a folder made first and filled after would, killed in between, name nobody and block
   * every process for `staleMs`. The SIGKILL test (test/sigkill.test.ts) found that often.
   *
   * Taking and releasing are synchronous: a folder, a file of a hundred bytes and two renames take
   * microseconds, while as asynchronous calls they were a dozen trips through libuv's thread pool
   * on every save (see writeDurably).
   */
  private async take(dir: string, owner: Owner): Promise<boolean> {
    // Named like every temporary file, `<name>.<pid>.tmp`, so that opening removes leftovers.
    const draft = `${dir}.${owner.token}.${process.pid}.tmp`
    try {
      mkdirSync(draft)
    } catch (error) {
      throw lockFailure(this.dataDir, error)
    }
    try {
      writeFileSync(join(draft, 'owner.json'), JSON.stringify(owner))
      renameSync(draft, dir)
      return true
    } catch (error) {
      rmSync(draft, { recursive: true, force: true })
      // Held by another process (Windows says EPERM); or the holder, opening the notebook,
      // removed this draft with the other leftover `.tmp` files (ENOENT): either way, try again.
      const code = (error as NodeJS.ErrnoException).code ?? ''
      if (TAKEN.includes(code) || (await exists(dir))) return false
      throw lockFailure(this.dataDir, error)
    }
  }

  private async readOwner(dir: string): Promise<Owner | null> {
    try {
      return JSON.parse(await readFile(join(dir, 'owner.json'), 'utf8')) as Owner
    } catch {
      return null
    }
  }

  private async isStale(dir: string): Promise<boolean> {
    let touched: number
    try {
      touched = (await stat(dir)).mtimeMs
    } catch {
      return false // released meanwhile: just try again
    }
    const owner = await this.readOwner(dir)
    if (owner && owner.host === hostname() && owner.pid !== process.pid && !isRunning(owner.pid)) {
      return true
    }
    return Date.now() - touched > this.options.staleMs
  }

  /**
   * Removes a stale lock, unless another process is doing so or it was taken again meanwhile. The
   * guard names its owner too, so a reclaimer killed while holding it does not stall the others.
   */
  private async reclaim(): Promise<void> {
    if (!(await this.take(this.reclaimDir, newOwner()))) {
      if (await this.isStale(this.reclaimDir)) await removeFolder(this.reclaimDir)
      await new Promise((resolve) => setTimeout(resolve, 5))
      return
    }
    try {
      if (await this.isStale(this.lockDir)) await removeFolder(this.lockDir)
    } finally {
      await removeFolder(this.reclaimDir)
    }
  }

  private async busy(): Promise<CommonplaceError> {
    const owner = await this.readOwner(this.lockDir)
    const who = owner
      ? `another Commonplace process (pid ${owner.pid} on ${owner.host}, since ${owner.since})`
      : 'another Commonplace process'
    return new CommonplaceError(
      'busy',
      `The notebook ${this.dataDir} is being written by ${who}; gave up after ${Math.round(this.options.timeoutMs / 1000)} s and changed nothing. Try again in a moment.`,
    )
  }
}

/** The lock while it is held: kept fresh in the background, and checked before writing. */
export class HeldLock {
  private readonly timer: NodeJS.Timeout

  constructor(
    private readonly lockDir: string,
    private readonly token: string,
    refreshMs: number,
  ) {
    this.timer = setInterval(() => {
      const now = new Date()
      utimes(this.lockDir, now, now).catch(() => undefined)
    }, refreshMs)
    this.timer.unref()
  }

  /**
   * True while this process still holds the lock. A holder stalled past the stale time may have
   * lost it to another process; it must then write nothing.
   */
  async stillHeld(): Promise<boolean> {
    try {
      // Synchronous: a file of a hundred bytes, read before every write (see fingerprintOf).
      const owner = JSON.parse(readFileSync(join(this.lockDir, 'owner.json'), 'utf8')) as Owner
      return owner.token === this.token
    } catch {
      return false
    }
  }

  async release(): Promise<void> {
    clearInterval(this.timer)
    if (await this.stillHeld()) await removeFolder(this.lockDir)
  }
}

function newOwner(): Owner {
  return {
    pid: process.pid,
    host: hostname(),
    token: randomBytes(8).toString('hex'),
    since: new Date().toISOString(),
  }
}

/**
 * Moves the folder aside, then deletes it. Deleted in place, it would stand empty for a moment:
 * a process killed then leaves an owner-less lock that blocks everyone for `staleMs`, and another
 * process's rename may land on the empty folder just before it goes. Moved aside, the lock is
 * gone at once; a `.tmp` folder a kill leaves behind is removed when the notebook is next opened.
 */
async function removeFolder(dir: string): Promise<void> {
  const aside = `${dir}.${randomBytes(8).toString('hex')}.${process.pid}.tmp`
  try {
    renameSync(dir, aside)
  } catch {
    return // gone already
  }
  rmSync(aside, { recursive: true, force: true })
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function lockFailure(dataDir: string, error: unknown): CommonplaceError {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new CommonplaceError(
      'unwritable',
      `The notebook folder ${dataDir} cannot be written (permission denied); nothing was changed.`,
    )
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new CommonplaceError('not-found', `The notebook folder ${dataDir} does not exist.`)
  }
  return new CommonplaceError(
    'internal',
    `The notebook ${dataDir} could not be locked for writing: ${(error as Error).message}`,
  )
}
