import { spawn } from 'node:child_process'
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rejection, repoDir, useTempDir } from '../../../../test/support'
import { NotebookLock } from './notebook-lock'

const tempDir = useTempDir()

/** Runs a TypeScript script of test/processes in its own Node process; resolves on its exit. */
function runProcess(script: string, ...args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(repoDir, 'test', 'processes', script), ...args],
      { cwd: repoDir, stdio: 'inherit' },
    )
    child.on('error', reject)
    child.on('exit', (code) => resolve(code ?? -1))
  })
}

/** The pid of a process that has run and exited: one that certainly holds nothing now. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'])
  await new Promise((resolve) => child.on('exit', resolve))
  return child.pid ?? 999_999
}

describe('the notebook lock', () => {
  it('lets one process at a time write: no increment of three processes is lost', async () => {
    const dir = tempDir()
    await writeFile(join(dir, 'counter'), '0')
    const codes = await Promise.all(
      [1, 2, 3].map(() => runProcess('count-under-lock.ts', dir, '40')),
    )
    expect(codes).toEqual([0, 0, 0])
    expect(Number(await readFile(join(dir, 'counter'), 'utf8'))).toBe(120)
  }, 60_000)

  it('queues writers within one process', async () => {
    const lock = new NotebookLock(tempDir())
    const order: string[] = []
    const slow = lock.run(async () => {
      order.push('first in')
      await new Promise((resolve) => setTimeout(resolve, 20))
      order.push('first out')
    })
    const fast = lock.run(async () => void order.push('second'))
    await Promise.all([slow, fast])
    expect(order).toEqual(['first in', 'first out', 'second'])
  })

  it('takes over at once a lock whose holder on this machine has died', async () => {
    const dir = tempDir()
    await mkdir(join(dir, 'notebook.lock'))
    const owner = { pid: await deadPid(), host: hostname(), token: 'x', since: '2026-01-01' }
    await writeFile(join(dir, 'notebook.lock', 'owner.json'), JSON.stringify(owner))
    const lock = new NotebookLock(dir, { timeoutMs: 2_000, staleMs: 60_000 })
    await expect(lock.run(async () => 'written')).resolves.toBe('written')
  })

  it('takes over a lock from another machine only once it has gone untouched', async () => {
    const dir = tempDir()
    const held = join(dir, 'notebook.lock')
    await mkdir(held)
    const owner = { pid: process.pid, host: 'another-machine', token: 'x', since: '2026-01-01' }
    await writeFile(join(held, 'owner.json'), JSON.stringify(owner))
    const lock = new NotebookLock(dir, { timeoutMs: 300, staleMs: 60_000 })
    expect((await rejection(lock.run(async () => undefined))).code).toBe('busy')
    const longAgo = new Date(Date.now() - 120_000)
    await utimes(held, longAgo, longAgo)
    await expect(lock.run(async () => 'written')).resolves.toBe('written')
  })

  it('gives up on a live holder with a message naming it, having changed nothing', async () => {
    const dir = tempDir()
    const holder = new NotebookLock(dir)
    let release: () => void = () => undefined
    const holding = holder.run(() => new Promise<void>((resolve) => (release = resolve)))
    await expect
      .poll(() => readFile(join(dir, 'notebook.lock', 'owner.json'), 'utf8'))
      .toContain(String(process.pid))
    const waiting = new NotebookLock(dir, { timeoutMs: 300 })
    let ran = false
    const error = await rejection(waiting.run(async () => void (ran = true)))
    expect(error.code).toBe('busy')
    expect(error.message).toContain(`pid ${process.pid}`)
    expect(error.message).toContain('changed nothing')
    expect(ran).toBe(false)
    release()
    await holding
  })

  it('knows when it lost the lock while stalled, so its holder writes nothing', async () => {
    const dir = tempDir()
    const lock = new NotebookLock(dir)
    await lock.run(async (held) => {
      expect(await held.stillHeld()).toBe(true)
      // Another process judged this one stale and took the lock over.
      const thief = { pid: 1, host: hostname(), token: 'someone-else', since: '2026-01-01' }
      await writeFile(join(dir, 'notebook.lock', 'owner.json'), JSON.stringify(thief))
      expect(await held.stillHeld()).toBe(false)
    })
    // Releasing must not remove the other holder's lock.
    expect(await readFile(join(dir, 'notebook.lock', 'owner.json'), 'utf8')).toContain(
      'someone-else',
    )
  })
})
