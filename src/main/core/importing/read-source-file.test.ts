import { mkdir, open, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureNames, fixturePath, useTempDir } from '../../../../test/support'
import { CommonplaceError } from '../errors'
import {
  MAX_ESSAY_BYTES,
  MAX_IMPORT_BYTES,
  readEssayFile,
  readSourceFile,
} from './read-source-file'

const tempDir = useTempDir()

async function refusal(
  path: string,
  read: (path: string) => Promise<unknown> = readSourceFile,
): Promise<CommonplaceError> {
  const error = await read(path).then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(error).toBeInstanceOf(CommonplaceError)
  expect((error as CommonplaceError).code).toBe('import-failed')
  return error as CommonplaceError
}

async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(tempDir(), name)
  await writeFile(path, content)
  return path
}

describe('readSourceFile', () => {
  it('reads a fixture with its kind and name', async () => {
    const file = await readSourceFile(fixturePath(fixtureNames.bakerHtml))
    expect(file.fileName).toBe(fixtureNames.bakerHtml)
    expect(file.kind).toBe('html')
    expect('content' in file && file.content).toContain('Sean Baker’s new film')
    expect((await readSourceFile(fixturePath(fixtureNames.bakerTxt))).kind).toBe('txt')
    expect((await readSourceFile(await fileWith('Notes.MD', '# hi'))).kind).toBe('md')
  })

  it('refuses an empty file, naming it', async () => {
    const error = await refusal(await fileWith('empty.txt', ''))
    expect(error.message).toContain('empty.txt')
    expect(error.message).toMatch(/empty/)
  })

  it('refuses a file of only whitespace, naming it', async () => {
    const error = await refusal(await fileWith('blank.md', ' \n\t\r\n  '))
    expect(error.message).toContain('blank.md')
    expect(error.message).toMatch(/empty/)
  })

  it('refuses a binary file, naming it', async () => {
    const bytes = Uint8Array.from([0x3c, 0x70, 0x3e, 0x00, 0x01, 0x02, 0x00, 0x41])
    const error = await refusal(await fileWith('photo.html', bytes))
    expect(error.message).toContain('photo.html')
    expect(error.message).toMatch(/binary/)
  })

  it('refuses text that is not UTF-8, naming it', async () => {
    // "café" in Latin-1: 0xE9 alone is not valid UTF-8.
    const latin1 = Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x0a])
    const error = await refusal(await fileWith('latin1.txt', latin1))
    expect(error.message).toContain('latin1.txt')
    expect(error.message).toMatch(/UTF-8/)
  })

  it('refuses a file over 20 MB before reading it, naming it', async () => {
    const path = join(tempDir(), 'huge.txt')
    const handle = await open(path, 'w')
    await handle.truncate(MAX_IMPORT_BYTES + 1) // sparse: quick to make, nothing to read
    await handle.close()
    const error = await refusal(path)
    expect(error.message).toContain('huge.txt')
    expect(error.message).toMatch(/20 MB/)
  })

  it('reads a file of exactly 20 MB', async () => {
    const path = await fileWith('big.txt', 'a'.repeat(MAX_IMPORT_BYTES))
    const file = await readSourceFile(path)
    expect('content' in file && file.content).toHaveLength(MAX_IMPORT_BYTES)
  })

  it('reads a book (.epub) as its bytes, undecoded', async () => {
    const path = await fileWith('Book.EPUB', 'PK\x03\x04 not text')
    const file = await readSourceFile(path)
    expect(file).toMatchObject({ fileName: 'Book.EPUB', kind: 'epub' })
    expect('bytes' in file && Array.from(file.bytes.subarray(0, 2))).toEqual([0x50, 0x4b])
  })

  it('refuses an unsupported extension, naming the file and what it takes', async () => {
    const error = await refusal(await fileWith('paper.docx', 'PK'))
    expect(error.message).toContain('paper.docx')
    expect(error.message).toMatch(/\.html.*\.md.*\.txt.*\.pdf/)
  })

  it('reads a PDF as bytes, not as text', async () => {
    const file = await readSourceFile(await fileWith('paper.PDF', '%PDF-1.7\n\u0000binary'))
    expect(file.kind).toBe('pdf')
    expect('bytes' in file && Buffer.from(file.bytes).toString('latin1')).toMatch(/^%PDF-1\.7/)
  })

  it('refuses a .pdf that is not a PDF, naming it', async () => {
    const error = await refusal(await fileWith('notes.pdf', 'just some words'))
    expect(error.message).toBe('notes.pdf: is not a PDF.')
  })

  it('refuses a missing file, naming it by its full path', async () => {
    const path = join(tempDir(), 'gone.txt')
    const error = await refusal(path)
    expect(error.message).toBe(`${path}: file not found.`)
  })

  it('refuses a folder named like a source, naming it', async () => {
    const path = join(tempDir(), 'chapter.txt')
    await mkdir(path)
    const error = await refusal(path)
    expect(error.message).toBe(`${path}: it is a folder, not a file.`)
  })
})

describe('readEssayFile', () => {
  it('reads a Markdown file, whichever case its extension is in', async () => {
    const file = await readEssayFile(await fileWith('Draft.MARKDOWN', '# Draft\n\nText.'))
    expect(file).toEqual({ fileName: 'Draft.MARKDOWN', content: '# Draft\n\nText.' })
  })

  it('refuses a file that is not Markdown, naming it and what it takes', async () => {
    for (const name of ['passwd', 'notes.txt', 'page.html']) {
      const error = await refusal(
        await fileWith(name, 'root:x:0:0:root:/root:/bin/bash\n'),
        readEssayFile,
      )
      expect(error.message).toBe(
        `${name}: Commonplace imports essays from Markdown files (.md or .markdown) only.`,
      )
    }
  })

  it('refuses a Markdown file over 5 MB before reading it, naming it and the limit', async () => {
    const path = join(tempDir(), 'huge.md')
    const handle = await open(path, 'w')
    await handle.truncate(30 * 1024 * 1024)
    await handle.close()
    const error = await refusal(path, readEssayFile)
    expect(error.message).toBe('huge.md: is 30 MB; the limit is 5 MB.')
    expect(MAX_ESSAY_BYTES).toBe(5 * 1024 * 1024)
  })

  it('refuses a binary file named .md', async () => {
    const error = await refusal(
      await fileWith('image.md', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d])),
      readEssayFile,
    )
    expect(error.message).toBe('image.md: is a binary file, not text.')
  })
})
