import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../test/support'
import { DurableJsonFile } from './durable-json-file'

const tempDir = useTempDir()

describe('DurableJsonFile', () => {
  it('reads a missing file as null', async () => {
    expect(await new DurableJsonFile(join(tempDir(), 'none.json')).read()).toBeNull()
  })

  it('writes JSON that reads back, leaving no temporary file behind', async () => {
    const file = new DurableJsonFile<{ words: string[] }>(join(tempDir(), 'data.json'))
    await file.write({ words: ['it’s', 'café', '—'] })
    expect(await file.read()).toEqual({ words: ['it’s', 'café', '—'] })
    expect(await readdir(tempDir())).toEqual(['data.json'])
  })

  it('lands writes in the order they were made, the newest last', async () => {
    const path = join(tempDir(), 'counter.json')
    const file = new DurableJsonFile<{ n: number }>(path)
    const data = { n: 0 }
    const writes: Promise<void>[] = []
    for (let n = 1; n <= 20; n++) {
      data.n = n
      writes.push(file.write(data))
    }
    await Promise.all(writes)
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ n: 20 })
    expect(await readdir(tempDir())).toEqual(['counter.json'])
  })

  it('names the file when it is not valid JSON', async () => {
    const path = join(tempDir(), 'broken.json')
    await writeFile(path, '{"schemaVersion": 1,')
    await expect(new DurableJsonFile(path).read()).rejects.toThrow(`${path} is not valid JSON`)
  })
})
