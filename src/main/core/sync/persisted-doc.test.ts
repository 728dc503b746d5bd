import { mkdtemp, readFile, truncate, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { PersistedDoc } from './persisted-doc'

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'cp-ydoc-'))
}

describe('a Yjs document kept on disk', () => {
  it('comes back after a restart with every edit made offline', async () => {
    const dir = await tempDir()
    const first = await PersistedDoc.open(dir, 'notes/catalog')
    first.doc.getMap('clippings').set('c-1', 'first')
    first.doc.getText('draft').insert(0, 'offline words')
    await first.close()

    const again = await PersistedDoc.open(dir, 'notes/catalog')
    expect(again.doc.getMap('clippings').get('c-1')).toBe('first')
    expect(again.doc.getText('draft').toString()).toBe('offline words')
    await again.close()
  })

  it('drops a torn last record and keeps everything before it', async () => {
    const dir = await tempDir()
    const first = await PersistedDoc.open(dir, 'notes/catalog')
    first.doc.getText('draft').insert(0, 'kept')
    await first.flushed()
    first.doc.getText('draft').insert(4, ' and lost')
    await first.close()
    const { size } = await stat(first.path)
    await truncate(first.path, size - 2)

    const again = await PersistedDoc.open(dir, 'notes/catalog')
    expect(again.doc.getText('draft').toString()).toBe('kept')
    await again.close()
  })

  it('folds its log into one update that holds the same document', async () => {
    const dir = await tempDir()
    const first = await PersistedDoc.open(dir, 'notes/catalog', new Y.Doc(), {
      compactAfterBytes: 200,
    })
    for (let i = 0; i < 100; i++) first.doc.getText('draft').insert(0, `${i} `)
    await first.flushed()
    await first.compact()
    const expected = first.doc.getText('draft').toString()
    await first.close()
    const bytes = await readFile(first.path)
    expect(bytes.readUInt32BE(0) + 4).toBe(bytes.length)

    const again = await PersistedDoc.open(dir, 'notes/catalog')
    expect(again.doc.getText('draft').toString()).toBe(expected)
    await again.close()
  })
})
