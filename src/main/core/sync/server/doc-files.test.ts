import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { rejection, useTempDir } from '../../../../../test/support'
import { catalogDocName, essayDocName } from '../doc-names'
import { DocFiles } from './doc-files'

const tempDir = useTempDir()

describe('the server documents on disk', () => {
  it('reads back what it wrote, and lists it when opened again', async () => {
    const files = await DocFiles.open(tempDir())
    expect(await files.read(catalogDocName('desk'))).toBeNull()
    const doc = new Y.Doc()
    doc.getText('body').insert(0, 'kept')
    await files.write(essayDocName('desk', 'e-abcd'), Y.encodeStateAsUpdate(doc))

    const reopened = await DocFiles.open(tempDir())
    expect(reopened.stored()).toEqual([essayDocName('desk', 'e-abcd')])
    const copy = new Y.Doc()
    Y.applyUpdate(copy, (await reopened.read(essayDocName('desk', 'e-abcd')))!)
    expect(copy.getText('body').toString()).toBe('kept')
  })

  it('removes the temporary files a crash left, and ignores files that are not documents', async () => {
    const files = await DocFiles.open(tempDir())
    await writeFile(join(files.dir, 'ZGVzay9jYXRhbG9n.yjs.4242.tmp'), 'half')
    await writeFile(join(files.dir, 'notes.txt'), 'an operator was here')
    const reopened = await DocFiles.open(tempDir())
    expect(await readdir(reopened.dir)).toEqual(['notes.txt'])
    expect(reopened.stored()).toEqual([])
  })

  it('refuses a damaged document file, naming it, rather than loading half of it', async () => {
    const files = await DocFiles.open(tempDir())
    const name = catalogDocName('desk')
    await writeFile(files.pathOf(name), Buffer.from([0xff, 0xff, 0xff, 0xff, 0x01]))
    const error = await rejection(files.read(name))
    expect(error.message).toContain(files.pathOf(name))
  })
})
