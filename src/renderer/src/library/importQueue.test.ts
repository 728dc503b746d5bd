import { describe, expect, it } from 'vitest'
import { ImportQueue } from './importQueue'

/** A piece of work that ends when the test says so. */
function held(log: string[], name: string): { work: () => Promise<void>; end: () => void } {
  let end: () => void = () => undefined
  const done = new Promise<void>((resolve) => (end = resolve))
  return {
    work: async () => {
      log.push(`start ${name}`)
      await done
      log.push(`end ${name}`)
    },
    end: () => end(),
  }
}

describe('ImportQueue', () => {
  it('runs an import asked for during another once that one has ended, not alongside it', async () => {
    const log: string[] = []
    const queue = new ImportQueue<'dialog' | 'opened'>(() => undefined)
    const opened = held(log, 'opened')
    const dialog = held(log, 'dialog')
    const first = queue.run('opened', opened.work)
    const second = queue.run('dialog', dialog.work)
    await Promise.resolve()
    expect(log).toEqual(['start opened'])
    opened.end()
    await first
    await expect.poll(() => log).toEqual(['start opened', 'end opened', 'start dialog'])
    dialog.end()
    await second
    expect(log.at(-1)).toBe('end dialog')
  })

  it('asks once for a kind already waiting, but keeps every drop', async () => {
    const log: string[] = []
    const queue = new ImportQueue<'dialog'>(() => undefined)
    const running = held(log, 'drop 1')
    const runs = [
      queue.run(null, running.work),
      queue.run('dialog', async () => void log.push('dialog')),
      queue.run('dialog', async () => void log.push('dialog again')),
      queue.run(null, async () => void log.push('drop 2')),
    ]
    running.end()
    await Promise.all(runs)
    expect(log).toEqual(['start drop 1', 'end drop 1', 'dialog', 'drop 2'])
  })

  it('says busy from the first import to the end of the last, and goes on after a failure', async () => {
    const busy: boolean[] = []
    const queue = new ImportQueue<'dialog'>((running) => busy.push(running))
    const failing = queue.run(null, async () => {
      throw new Error('disk full')
    })
    const after = queue.run('dialog', async () => undefined)
    await expect(failing).rejects.toThrow('disk full')
    await after
    expect(busy).toEqual([true, false])
    await queue.run('dialog', async () => undefined)
    expect(busy).toEqual([true, false, true, false])
  })
})
