import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureNames, fixturePath, repoDir, useTempDir } from '../../../../test/support'
import { openCommonplace, type Commonplace } from '../commonplace'
import { parseHighlightsFile } from './detect-format'
import type { HighlightRecord, ParsedHighlights } from './highlight-record'

const tempDir = useTempDir()

async function sampleFile(
  name: string,
): Promise<ParsedHighlights & { format: 'hypothesis' | 'w3c' }> {
  const text = await readFile(join(repoDir, 'test', 'highlights', name), 'utf8')
  return parseHighlightsFile(text, undefined, name) as ParsedHighlights & {
    format: 'hypothesis' | 'w3c'
  }
}

const bakerUrl = 'https://example.org/cinemablend/sean-baker-red-rocket-sex-work'

function record(
  originId: string,
  quote: string,
  extra: Partial<HighlightRecord> = {},
): HighlightRecord {
  return {
    format: 'hypothesis',
    originId,
    document: { title: 'Sean Baker on Red Rocket', url: bakerUrl },
    quote,
    note: '',
    tags: [],
    ...extra,
  }
}

const parsedOf = (...records: HighlightRecord[]): ParsedHighlights & { format: 'hypothesis' } => ({
  records,
  refused: [],
  format: 'hypothesis',
})

async function withBaker(): Promise<{ app: Commonplace; sourceId: string; dir: string }> {
  const dir = join(tempDir(), 'notebook')
  const app = await openCommonplace(dir)
  const [source] = (await app.sources.importFiles([fixturePath(fixtureNames.bakerHtml)])).imported
  if (!source) throw new Error('the fixture did not import')
  return { app, sourceId: source.id, dir }
}

describe('importing highlights into a page already in the library', () => {
  it('finds the source by canonical URL and anchors each highlight: verified, changed, missing', async () => {
    const { app, sourceId } = await withBaker()
    const parsed = await sampleFile('hypothesis.json')
    parsed.records.push(
      record('changed-1', 'Equal parts bizarre, funny, dramatic, and difficult to watch.'),
      record('missing-1', 'Quantum chromodynamics governs how quarks bind inside protons.'),
    )
    const report = await app.highlights.importHighlights(parsed, {}, 'hypothesis.json')
    expect(report).toMatchObject({
      created: 4,
      updated: 0,
      unchanged: 0,
      sourcesCreated: [],
      anchored: { verified: 2, moved: 0, changed: 1, missing: 1 },
    })
    expect(report.refused.map((each) => each.where)).toEqual(['annotation 4'])
    expect(report.skipped).toHaveLength(1)

    const views = await app.clippings.list({ sourceId })
    const byOrigin = new Map(views.map((view) => [view.origin?.id, view]))
    const hypocrisy = byOrigin.get('hyp-baker-hypocrisy')
    expect(hypocrisy?.anchor.state).toBe('verified')
    expect(hypocrisy?.note).toBe('Why Baker keeps coming back to the subject.')
    expect(hypocrisy?.tags).toEqual(['stigma', 'sex work'])
    const detail = await app.sources.get(sourceId)
    const text = detail.version.text
    const at = hypocrisy?.target[1]
    expect(text.slice(at?.start, at?.end)).toBe('I hate the hypocrisy in our society')
    // A changed one is stored at the source's own words, with the file's words kept.
    const changed = byOrigin.get('changed-1')
    expect(changed?.anchor.state).toBe('changed')
    expect(changed?.target[0].exact).toBe(
      'Equal parts bizarre, funny, dramatic, and hard to watch.',
    )
    expect(changed?.origin?.quote).toBe(
      'Equal parts bizarre, funny, dramatic, and difficult to watch.',
    )
    // The writer can take the source's words for it; the file's own words verify nowhere.
    await expect(app.clippings.keepWording(changed?.id ?? '')).rejects.toThrow(
      /not in any version of its source/,
    )
    const accepted = await app.clippings.acceptChange(changed?.id ?? '')
    expect(accepted.anchor.state).toBe('verified')
    expect(accepted.target[0].exact).toBe(
      'Equal parts bizarre, funny, dramatic, and hard to watch.',
    )
    // A missing one keeps its words, and the reader lists it as not found rather than marking text.
    expect(byOrigin.get('missing-1')?.anchor.state).toBe('missing')
    expect(detail.notFound.map((view) => view.origin?.id)).toEqual(['missing-1'])
    expect(detail.clippings).toHaveLength(3)
  })

  it('puts highlights into the source given, whatever their URL', async () => {
    const { app, sourceId } = await withBaker()
    const elsewhere = record('given-1', 'it’s a pretty wild film.', {
      document: { title: 'A mirror', url: 'https://mirror.example.net/baker' },
    })
    const report = await app.highlights.importHighlights(
      parsedOf(elsewhere),
      { sourceId },
      'x.json',
    )
    expect(report.anchored.verified).toBe(1)
    expect((await app.clippings.list({ sourceId }))[0]?.origin?.id).toBe('given-1')
    await expect(
      app.highlights.importHighlights(
        parsedOf(elsewhere),
        { sourceId: 's-nosuchsource' },
        'x.json',
      ),
    ).rejects.toThrow(/does not exist/)
  })
})

describe('re-importing', () => {
  it('twice changes nothing, and writes nothing', async () => {
    const { app, sourceId, dir } = await withBaker()
    const parsed = await sampleFile('hypothesis.json')
    await app.highlights.importHighlights(parsed, {}, 'hypothesis.json')
    const file = join(dir, 'sources', `${sourceId}.json`)
    const before = (await stat(file)).mtimeMs
    const again = await app.highlights.importHighlights(parsed, {}, 'hypothesis.json')
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, conflicts: [] })
    expect((await stat(file)).mtimeMs).toBe(before)
    expect(await app.clippings.list({ sourceId })).toHaveLength(2)
  })

  it('takes a note changed there; keeps a note edited here and there, reporting the conflict', async () => {
    const { app, sourceId } = await withBaker()
    const first = record('n-1', 'I hate the hypocrisy in our society', { note: 'first' })
    const second = record('n-2', 'it’s a pretty wild film.', { note: 'second', tags: ['film'] })
    await app.highlights.importHighlights(parsedOf(first, second), {}, 'a.json')
    const [edited] = (await app.clippings.list({ sourceId })).filter(
      (view) => view.origin?.id === 'n-1',
    )
    await app.clippings.update({ id: edited?.id ?? '', note: 'my own note' })

    const report = await app.highlights.importHighlights(
      parsedOf(
        { ...first, note: 'first, revised there' },
        { ...second, note: 'second, revised there', tags: ['film', 'wild'] },
      ),
      {},
      'a.json',
    )
    expect(report).toMatchObject({ created: 0, updated: 2, unchanged: 0 })
    expect(report.conflicts).toEqual([
      { clippingId: edited?.id, field: 'note', here: 'my own note', there: 'first, revised there' },
    ])
    const views = new Map(
      (await app.clippings.list({ sourceId })).map((view) => [view.origin?.id, view]),
    )
    expect(views.get('n-1')?.note).toBe('my own note')
    expect(views.get('n-1')?.origin?.note).toBe('first, revised there')
    expect(views.get('n-2')?.note).toBe('second, revised there')
    expect(views.get('n-2')?.tags).toEqual(['film', 'wild'])
    // Both notes are kept, so the same file again reports nothing new.
    const third = await app.highlights.importHighlights(
      parsedOf({ ...first, note: 'first, revised there' }),
      {},
      'a.json',
    )
    expect(third).toMatchObject({ updated: 0, unchanged: 1, conflicts: [] })
  })
})

describe('a record without words', () => {
  it('is refused, and the others of its file still import', async () => {
    const { app } = await withBaker()
    const report = await app.highlights.importHighlights(
      parsedOf(record('empty-1', '  '), record('ok-1', 'I hate the hypocrisy in our society')),
      {},
      'x.json',
    )
    expect(report.created).toBe(1)
    expect(report.refused).toEqual([{ where: 'empty-1', message: 'no highlighted words' }])
  })
})

describe('a highlight deleted here', () => {
  it('stays deleted when its file is imported again', async () => {
    const { app, sourceId } = await withBaker()
    const parsed = await sampleFile('hypothesis.json')
    await app.highlights.importHighlights(parsed, {}, 'hypothesis.json')
    const [first] = await app.clippings.list({ sourceId })
    await app.clippings.delete(first?.id ?? '')
    const again = await app.highlights.importHighlights(parsed, {}, 'hypothesis.json')
    expect(again).toMatchObject({ created: 0, unchanged: 2 })
    expect(await app.clippings.list({ sourceId })).toHaveLength(1)
  })
})

describe('highlights of a page not in the library', () => {
  it('makes a "highlights only" source of their quotes; importing the page later anchors them in it', async () => {
    const dir = join(tempDir(), 'notebook')
    const app = await openCommonplace(dir)
    const parsed = await sampleFile('hypothesis.json')
    const report = await app.highlights.importHighlights(parsed, {}, 'hypothesis.json')
    expect(report.sourcesCreated).toHaveLength(1)
    const created = report.sourcesCreated[0]
    expect(created).toMatchObject({
      highlightsOnly: true,
      kind: 'txt',
      title: 'Sean Baker on why sex work keeps returning in his films',
      url: 'https://example.org/cinemablend/sean-baker-red-rocket-sex-work',
    })
    expect(report.anchored.verified).toBe(2)
    const sourceId = created?.id ?? ''
    const before = await app.sources.get(sourceId)
    expect(before.version.text).toBe(
      'I hate the hypocrisy in our society\n\nit’s a pretty wild film.',
    )

    // New highlights of the same page join its text; the earlier ones stay verified.
    const more = record('later-1', 'Now he’s explained what led him down this storytelling path.')
    const added = await app.highlights.importHighlights(parsedOf(more), {}, 'more.json')
    expect(added).toMatchObject({ created: 1, sourcesCreated: [] })
    expect((await app.clippings.list({ sourceId })).map((view) => view.anchor.state)).toEqual([
      'verified',
      'verified',
      'verified',
    ])

    const imported = await app.sources.importFiles([fixturePath(fixtureNames.bakerHtml)])
    expect(imported.imported.map((source) => source.id)).toEqual([sourceId])
    expect((await app.sources.list()).map((source) => source.id)).toEqual([sourceId])
    const page = await app.sources.get(sourceId)
    expect(page.source.highlightsOnly).toBeUndefined()
    expect(page.source.kind).toBe('html')
    const views = await app.clippings.list({ sourceId })
    expect(views.map((view) => view.anchor.state)).toEqual(['verified', 'verified', 'verified'])
    expect(views.map((view) => view.versionHash)).toEqual(views.map(() => page.newestVersionHash))
    expect(
      page.clippings.map((view) =>
        page.version.text.slice(view.target[1].start, view.target[1].end),
      ),
    ).toEqual([
      'Now he’s explained what led him down this storytelling path.',
      'I hate the hypocrisy in our society',
      'it’s a pretty wild film.',
    ])
  })
})

describe('highlights of a book', () => {
  it('match the book by title and author (in either name order), and keep its page as the locator', async () => {
    const app = await openCommonplace(join(tempDir(), 'notebook'))
    const book = { title: 'A Field Guide to Clouds', author: 'Ann Example' }
    const first = record('k-1', 'Cumulus clouds grow on warm afternoons.', {
      format: 'kindle',
      document: book,
      page: '12',
      location: '140-141',
    })
    const report = await app.highlights.importHighlights(
      { ...parsedOf(first), format: 'kindle' },
      {},
      'My Clippings.txt',
    )
    const sourceId = report.sourcesCreated[0]?.id ?? ''
    const second = record('k-2', 'Cirrus are made of ice.', {
      format: 'kindle',
      // Kindle names the author surname first; the book is the same.
      document: { title: 'a field guide to clouds', author: 'Example, Ann' },
      page: '30-31',
    })
    const again = await app.highlights.importHighlights(
      { ...parsedOf(second), format: 'kindle' },
      {},
      'My Clippings.txt',
    )
    expect(again.sourcesCreated).toEqual([])
    const views = await app.clippings.list({ sourceId })
    expect(views.map((view) => [view.origin?.id, view.locator?.pages, view.anchor.state])).toEqual([
      ['k-2', { first: '30', last: '31', index: 30 }, 'verified'],
      ['k-1', { first: '12', last: '12', index: 12 }, 'verified'],
    ])
    expect(views[1]?.origin?.location).toBe('140-141')
  })
})

describe('W3C annotations', () => {
  it('anchor in the article they were made on, found by its URL', async () => {
    const app = await openCommonplace(join(tempDir(), 'notebook'))
    const [anora] = (await app.sources.importFiles([fixturePath(fixtureNames.anoraHtml)])).imported
    const collection = await app.highlights.importHighlights(
      await sampleFile('w3c.jsonld'),
      {},
      'w3c.jsonld',
    )
    const single = await app.highlights.importHighlights(
      await sampleFile('w3c-single.jsonld'),
      {},
      'w3c-single.jsonld',
    )
    expect(collection).toMatchObject({ created: 2, sourcesCreated: [] })
    expect(single).toMatchObject({ created: 1, sourcesCreated: [] })
    const views = await app.clippings.list({ sourceId: anora?.id })
    expect(views.map((view) => view.anchor.state)).toEqual(['verified', 'verified', 'verified'])
    expect(views.find((view) => view.origin?.id.endsWith('/1'))?.tags).toEqual(['representation'])
  })
})
