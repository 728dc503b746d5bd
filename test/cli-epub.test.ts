// A book from the terminal: import an EPUB, list it, clip a passage of its second chapter by
// quoting it, list the clipping; a damaged or protected book is refused with its name.
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ClippingView, SourceSummary } from '../src/shared/domain'
import { ensureBuilt, runCli } from './cli-support'
import {
  bookChapters,
  bookEpub,
  bookMetadata,
  damagedEpub,
  drmEpub,
  notZipEpub,
} from './epub-fixtures'
import { useTempDir } from './support'

const tempDir = useTempDir()

beforeAll(ensureBuilt)

describe('commonplace with an EPUB book', { timeout: 120_000 }, () => {
  it('imports the book, lists it as an epub, clips a passage of chapter 2 and lists the clipping', async () => {
    const notebook = join(tempDir(), 'notebook')
    const imported = await runCli(notebook, 'import', await bookEpub())
    expect(imported.stderr).toBe('')
    expect(imported.code).toBe(0)
    expect(imported.stdout).toMatch(/^imported s/)
    expect(imported.stdout).toContain(bookMetadata.title)

    const listed = await runCli(notebook, 'sources', '--json')
    const [book] = JSON.parse(listed.stdout) as [SourceSummary]
    expect(book).toMatchObject({
      kind: 'epub',
      title: bookMetadata.title,
      author: 'Ada Reviewer and Ben Critic',
      publisher: bookMetadata.publisher,
      identifier: bookMetadata.isbn,
    })

    const quote = (await bookChapters())[1]!.blocks[2]!.text.split(' ').slice(0, 12).join(' ')
    const clip = await runCli(notebook, 'clip', book.id, '--quote', quote, '--json')
    expect(clip.stderr).toBe('')
    expect(clip.code).toBe(0)
    const clipping = JSON.parse(clip.stdout) as ClippingView
    expect(clipping.target[0].exact).toBe(quote)

    const list = JSON.parse(
      (await runCli(notebook, 'clippings', '--json')).stdout,
    ) as ClippingView[]
    expect(list.map((each) => each.target[0].exact)).toEqual([quote])
    expect(list[0]?.locator?.chapter?.number).toBe(2)
  })

  it('refuses a damaged book, a protected one and a file that is not a book, naming each', async () => {
    const notebook = join(tempDir(), 'notebook')
    const run = await runCli(
      notebook,
      'import',
      await damagedEpub(),
      await drmEpub(),
      await notZipEpub(),
      await bookEpub(),
    )
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /not imported: damaged\.epub: is damaged: its zip archive cannot be read/,
    )
    expect(run.stderr).toContain(
      'not imported: protected.epub: is protected by DRM; Commonplace cannot read it.',
    )
    // Refused as it is read or as it is unzipped, in either words.
    expect(run.stderr).toMatch(/not imported: not-a-book\.epub: is not an EPUB/)
    // The rest of the batch still imports.
    expect(run.stdout).toContain(bookMetadata.title)
  })
})
