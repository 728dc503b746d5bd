import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureNames, fixturePath, rejection, useTempDir } from '../../../test/support'
import { openCommonplace } from './commonplace'

const tempDir = useTempDir()

/** The notebook lives in <temp>/notebook; files to import are written to <temp>/inbox. */
const dataDir = (): string => join(tempDir(), 'notebook')

async function inboxFile(name: string, content: string): Promise<string> {
  await mkdir(join(tempDir(), 'inbox'), { recursive: true })
  const path = join(tempDir(), 'inbox', name)
  await writeFile(path, content)
  return path
}

describe('importing sources', () => {
  it('imports the good files of a batch and names the bad one', async () => {
    const app = await openCommonplace(dataDir())
    const report = await app.sources.importFiles([
      fixturePath(fixtureNames.bakerHtml),
      await inboxFile('empty-notes.txt', ''),
      fixturePath(fixtureNames.anoraHtml),
    ])
    expect(report.imported.map((source) => source.title)).toEqual([
      'Sean Baker on why sex work keeps returning in his films',
      'Sex workers cheer Anora ahead of the Oscars',
    ])
    expect(report.failed).toHaveLength(1)
    expect(report.failed[0]?.fileName).toBe('empty-notes.txt')
    expect(report.failed[0]?.message).toContain('empty-notes.txt')
    expect((await app.sources.list()).map((source) => source.id)).toEqual(
      report.imported.map((source) => source.id),
    )
  })

  it('keeps the page’s metadata and the text the reader shows', async () => {
    const app = await openCommonplace(dataDir())
    const anora = (await app.sources.importFiles([fixturePath(fixtureNames.anoraHtml)]))
      .imported[0]!
    expect(anora).toMatchObject({
      kind: 'html',
      author: 'AFP',
      siteName: 'AFP',
      publishedAt: '2025-02-24T08:00:00Z',
      url: 'https://example.org/afp/anora-sex-workers-oscars',
    })
    const detail = await app.sources.get(anora.id)
    expect(detail.version.text).toContain('gets it right—and actually cares')
    expect(detail.version.html).toContain('data-start="0"')
    expect(detail.version.hash).toBe(anora.currentVersionHash)
    expect(detail.clippings).toEqual([])
  })

  it('titles a plain-text source after its file name', async () => {
    const app = await openCommonplace(dataDir())
    const anora = (await app.sources.importFiles([fixturePath(fixtureNames.anoraTxt)])).imported[0]!
    expect(anora.title).toBe('Anora sex work oscars')
    expect(anora.kind).toBe('txt')
  })

  it('refuses to import the same text twice, naming the source it already is', async () => {
    const app = await openCommonplace(dataDir())
    await app.sources.importFiles([fixturePath(fixtureNames.bakerHtml)])
    // The plain-text file holds exactly the page's article text: the same source.
    const again = await app.sources.importFiles([
      fixturePath(fixtureNames.bakerHtml),
      fixturePath(fixtureNames.bakerTxt),
    ])
    expect(again.imported).toEqual([])
    expect(again.failed.map((failure) => failure.fileName)).toEqual([
      fixtureNames.bakerHtml,
      fixtureNames.bakerTxt,
    ])
    for (const failure of again.failed) {
      expect(failure.message).toContain('already in the library')
      expect(failure.message).toContain('Sean Baker on why sex work keeps returning in his films')
    }
    expect(await app.sources.list()).toHaveLength(1)
  })

  it('reports a file without readable text', async () => {
    const app = await openCommonplace(dataDir())
    const report = await app.sources.importFiles([
      await inboxFile('chrome.html', '<html><body><script>1</script><nav> </nav></body></html>'),
    ])
    expect(report.failed[0]?.message).toContain('chrome.html')
  })
})

describe('editing a source’s details', () => {
  it('saves valid details, clearing the ones left empty', async () => {
    const app = await openCommonplace(dataDir())
    const baker = (await app.sources.importFiles([fixturePath(fixtureNames.bakerHtml)]))
      .imported[0]!
    const updated = await app.sources.updateMetadata(baker.id, {
      title: '  Red Rocket interview  ',
      author: 'CinemaBlend staff',
      siteName: '',
      url: 'https://example.org/red-rocket',
    })
    expect(updated).toMatchObject({
      id: baker.id,
      title: 'Red Rocket interview',
      author: 'CinemaBlend staff',
      url: 'https://example.org/red-rocket',
    })
    expect(updated.siteName).toBeUndefined()
    expect(updated.publishedAt).toBeUndefined()

    const reopened = await openCommonplace(dataDir())
    expect(await reopened.sources.list()).toEqual([updated])
  })

  it('refuses an empty title or a URL that is not a web link, changing nothing', async () => {
    const app = await openCommonplace(dataDir())
    const baker = (await app.sources.importFiles([fixturePath(fixtureNames.bakerHtml)]))
      .imported[0]!

    const noTitle = await rejection(app.sources.updateMetadata(baker.id, { title: '   ' }))
    expect(noTitle.code).toBe('invalid-argument')
    expect(noTitle.message).toMatch(/title is required/)

    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'example.org']) {
      const badUrl = await rejection(app.sources.updateMetadata(baker.id, { title: 'T', url }))
      expect(badUrl.code).toBe('invalid-argument')
      expect(badUrl.message).toMatch(/http:\/\/ or https:\/\//)
    }
    expect(await app.sources.list()).toEqual([baker])
    expect(await (await openCommonplace(dataDir())).sources.list()).toEqual([baker])
  })

  it('says which source does not exist', async () => {
    const app = await openCommonplace(dataDir())
    const error = await rejection(app.sources.updateMetadata('s-nope', { title: 'T' }))
    expect(error.code).toBe('not-found')
    expect(error.message).toContain('s-nope')
    expect((await rejection(app.sources.get('s-nope'))).code).toBe('not-found')
  })
})
