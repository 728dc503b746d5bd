// A clipping of a paged or chaptered source says where its passage is: the page(s) or chapter,
// in the newest version, wherever a clipping is shown (one, a list page, a source's reader).
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addLaidOutVersion, createLaidOutSource } from '../../../test/laid-out-sources'
import { fixtureNames, fixturePath, rejection, useTempDir } from '../../../test/support'
import { locatorLabel } from '../../shared/layout'
import { openCommonplace, type Commonplace } from './commonplace'

const tempDir = useTempDir()

const PAGES = [
  { text: 'The first page opens the report on harbour dredging.' },
  { text: 'The second page says the silt returned within a year.' },
  { text: 'The third page closes with the costs of the work.' },
]

async function open(): Promise<Commonplace> {
  return openCommonplace(join(tempDir(), 'notebook'))
}

describe('clipping locators', () => {
  it('names the page a passage is on, wherever a clipping is shown', async () => {
    const app = await open()
    const source = await createLaidOutSource(app.store, PAGES)
    const clipping = await app.clippings.createFromQuote({
      sourceId: source.id,
      quote: 'the silt returned',
    })
    expect(clipping.locator).toEqual({ pages: { first: '2', last: '2', index: 2 } })
    expect(locatorLabel((await app.clippings.get(clipping.id)).locator)).toBe('p. 2')
    const [listed] = (await app.clippings.page({ limit: 10 })).items
    expect(locatorLabel(listed?.locator)).toBe('p. 2')
    const [inReader] = (await app.sources.get(source.id)).clippings
    expect(locatorLabel(inReader?.locator)).toBe('p. 2')
    expect(locatorLabel((await app.clippings.lookup([clipping.id]))[clipping.id]?.locator)).toBe(
      'p. 2',
    )
  })

  it('names both pages of a passage that runs onto the next, by their printed labels', async () => {
    const app = await open()
    const source = await createLaidOutSource(
      app.store,
      PAGES.map((page, index) => ({ ...page, label: String(index + 4) })),
    )
    const detail = await app.sources.get(source.id)
    const start = detail.version.text.indexOf('within a year.')
    const end = detail.version.text.indexOf(' closes')
    const clipping = await app.clippings.create({ sourceId: source.id, start, end })
    expect(clipping.target[0].exact).toBe('within a year.\n\nThe third page')
    expect(clipping.locator?.pages).toEqual({ first: '5', last: '6', index: 2 })
    expect(locatorLabel(clipping.locator)).toBe('pp. 5–6')
  })

  it('names the chapter of a book without printed pages', async () => {
    const app = await open()
    const source = await createLaidOutSource(
      app.store,
      [
        { title: 'Arrival', text: 'We came to the island in spring.' },
        { title: 'The Wells', text: 'Every well on the island had gone brackish.' },
      ],
      { kind: 'epub', title: 'Island Notes' },
    )
    const clipping = await app.clippings.createFromQuote({
      sourceId: source.id,
      quote: 'had gone brackish',
    })
    expect(clipping.locator).toEqual({ chapter: { number: 2, title: 'The Wells' } })
    expect(locatorLabel(clipping.locator)).toBe('chap. 2')
  })

  it('names the page and the chapter of a book that prints its pages', async () => {
    const app = await open()
    const source = await createLaidOutSource(
      app.store,
      PAGES.map((page, index) => ({ ...page, label: String(index + 11) })),
      {
        kind: 'epub',
        chapters: [
          { start: 0, end: 55, title: 'Dredging' },
          { start: 55, end: 200, title: 'Silt' },
        ],
      },
    )
    const clipping = await app.clippings.createFromQuote({
      sourceId: source.id,
      quote: 'the silt returned',
    })
    expect(clipping.locator).toEqual({
      pages: { first: '12', last: '12', index: 2 },
      chapter: { number: 2, title: 'Silt' },
    })
    // A citation prefers the page, which finds the words faster than the chapter.
    expect(locatorLabel(clipping.locator)).toBe('p. 12')
  })

  it('follows the passage to its new page when a newer version moves it', async () => {
    const app = await open()
    const source = await createLaidOutSource(app.store, PAGES)
    const clipping = await app.clippings.createFromQuote({
      sourceId: source.id,
      quote: 'the silt returned within a year',
    })
    expect(locatorLabel(clipping.locator)).toBe('p. 2')
    await addLaidOutVersion(app.store, source.id, [
      { text: 'A new preface fills the first page now.' },
      PAGES[0] as { text: string },
      PAGES[1] as { text: string },
      PAGES[2] as { text: string },
    ])
    await app.clippings.refreshSource(source.id)
    const moved = await app.clippings.get(clipping.id)
    expect(moved.anchor.state).toBe('moved')
    expect(locatorLabel(moved.locator)).toBe('p. 3')
    const [listed] = (await app.clippings.page({ limit: 10 })).items
    expect(locatorLabel(listed?.locator)).toBe('p. 3')
    const [inReader] = (await app.sources.get(source.id)).clippings
    expect(locatorLabel(inReader?.locator)).toBe('p. 3')
  })

  it('keeps the page it was clipped on when the newest version lost the passage', async () => {
    const app = await open()
    const source = await createLaidOutSource(app.store, PAGES)
    const clipping = await app.clippings.createFromQuote({
      sourceId: source.id,
      quote: 'the costs of the work',
    })
    await addLaidOutVersion(app.store, source.id, [
      { text: 'Only a summary remains: dredging was tried and abandoned.' },
    ])
    await app.clippings.refreshSource(source.id)
    const lost = await app.clippings.get(clipping.id)
    expect(lost.anchor.state).toBe('missing')
    expect(locatorLabel(lost.locator)).toBe('p. 3')
  })

  it('clips the occurrence in the chapter named, and refuses a chapter the book lacks', async () => {
    const app = await open()
    const source = await createLaidOutSource(
      app.store,
      [
        { title: 'Arrival', text: 'The wells were sweet when we came.' },
        { title: 'Drought', text: 'By August the wells were sweet no longer.' },
      ],
      { kind: 'epub', title: 'Island Notes' },
    )
    const quote = 'the wells were sweet'
    const ambiguous = await rejection(
      app.clippings.createFromQuote({ sourceId: source.id, quote: 'wells were sweet' }),
    )
    expect(ambiguous.message).toContain('occurs 2 times')
    const second = await app.clippings.createFromQuote({
      sourceId: source.id,
      quote: 'wells were sweet',
      chapter: 2,
    })
    expect(second.locator?.chapter?.title).toBe('Drought')
    const missing = await rejection(
      app.clippings.createFromQuote({ sourceId: source.id, quote, chapter: 1 }),
    )
    expect(missing.message).toBe(
      'The quote does not occur in chapter 1 of “Island Notes”. It occurs at chap. 2.',
    )
    const beyond = await rejection(
      app.clippings.createFromQuote({ sourceId: source.id, quote: 'wells', chapter: 3 }),
    )
    expect(beyond.message).toBe('“Island Notes” has no chapter 3: it has 2.')
    const noPages = await rejection(
      app.clippings.createFromQuote({ sourceId: source.id, quote: 'wells', page: '1' }),
    )
    expect(noPages.message).toContain('“Island Notes” has no pages')
  })

  it('gives an article no locator', async () => {
    const app = await open()
    const [source] = (await app.sources.importFiles([fixturePath(fixtureNames.bakerTxt)])).imported
    if (!source) throw new Error('the interview did not import')
    const clipping = await app.clippings.createFromQuote({
      sourceId: source.id,
      quote: 'I hate the hypocrisy in our society',
    })
    expect(clipping).not.toHaveProperty('locator')
  })
})
