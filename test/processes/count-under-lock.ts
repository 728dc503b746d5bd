// A separate process that adds to a counter file under the notebook lock, slowly enough that
// writers without the lock would lose increments: `count-under-lock.ts <dir> <times>`.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { NotebookLock } from '../../src/main/core/store/notebook-lock'

async function main(): Promise<void> {
  const [dir, times] = process.argv.slice(2)
  if (!dir || !times) throw new Error('usage: count-under-lock <dir> <times>')
  const lock = new NotebookLock(dir)
  const counter = join(dir, 'counter')
  for (let i = 0; i < Number(times); i++) {
    await lock.run(async () => {
      const value = Number(await readFile(counter, 'utf8'))
      // Yield between read and write, as a real read-modify-write does.
      await new Promise((resolve) => setImmediate(resolve))
      await writeFile(counter, String(value + 1))
    })
  }
}

void main()
