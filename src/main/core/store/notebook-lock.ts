import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
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
      const owner: Owner = {
        pid: process.pid,
        host: hostname(),
        token: randomBytes(8).toString('hex'),
        since: new Date().toISOString(),
      }
      try {
        await mkdir(this.lockDir)
        await writeFile(join(this.lockDir, 'owner.json'), JSON.stringify(owner))
        return new HeldLock(this.lockDir, owner.token, this.options.refreshMs)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
          throw lockFailure(this.dataDir, error)
      }
      if (await this.isStale()) {
        await this.reclaim()
        continue
      }
      if (Date.now() >= deadline) throw await this.busy()
      await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * pause))
      pause = Math.min(pause * 2, 50)
    }
  }

  private async readOwner(dir = this.lockDir): Promise<Owner | null> {
    try {
      return JSON.parse(await readFile(join(dir, 'owner.json'), 'utf8')) as Owner
    } catch {
      return null
    }
  }

  private async isStale(): Promise<boolean> {
    let touched: number
    try {
      touched = (await stat(this.lockDir)).mtimeMs
    } catch {
      return false // released meanwhile: just try again
    }
    const owner = await this.readOwner()
    if (owner && owner.host === hostname() && owner.pid !== process.pid && !isRunning(owner.pid)) {
      return true
    }
    return Date.now() - touched > this.options.staleMs
  }

  /** Removes a stale lock, unless another process is doing so or it was taken again meanwhile. */
  private async reclaim(): Promise<void> {
    try {
      await mkdir(this.reclaimDir)
    } catch {
      // Someone else is reclaiming; a reclaimer that died leaves this folder, cleared when old.
      const age = await stat(this.reclaimDir).then(
        (info) => Date.now() - info.mtimeMs,
        () => 0,
      )
      if (age > this.options.staleMs) await rm(this.reclaimDir, { recursive: true, force: true })
      await new Promise((resolve) => setTimeout(resolve, 5))
      return
    }
    try {
      if (await this.isStale()) await rm(this.lockDir, { recursive: true, force: true })
    } finally {
      await rm(this.reclaimDir, { recursive: true, force: true })
    }
  }

  private async busy(): Promise<CommonplaceError> {
    const owner = await this.readOwner()
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
      const owner = JSON.parse(await readFile(join(this.lockDir, 'owner.json'), 'utf8')) as Owner
      return owner.token === this.token
    } catch {
      return false
    }
  }

  async release(): Promise<void> {
    clearInterval(this.timer)
    if (await this.stillHeld()) await rm(this.lockDir, { recursive: true, force: true })
  }
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
