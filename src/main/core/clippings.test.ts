import { describe, expect, it } from 'vitest'
import { fixtureNames, fixturePath, rejection, useTempDir } from '../../../test/support'
import { CONTEXT_LENGTH, type SourceSummary } from '../../shared/domain'
import { openCommonplace, type Commonplace } from './commonplace'

const tempDir = useTempDir()

/** A clock that moves on a minute each time it is read, so "newest first" is well defined. */
function steppingClock(): () => Date {
  let minutes = 0
  return () => new Date(Date.UTC(2025, 2, 1, 9, minutes++))
}

interface Library {
  app: Commonplace
  baker: SourceSummary
  anora: SourceSummary
  bakerText: string
  anoraText: string
}

async function library(): Promise<Library> {
  const app = await openCommonplace(tempDir(), steppingClock())
  const report = await app.sources.importFiles([
    fixturePath(fixtureNames.bakerHtml),
    fixturePath(fixtureNames.anoraHtml),
  ])
  const [baker, anora] = report.imported as [SourceSummary, SourceSummary]
  return {
    app,
    baker,
    anora,
    bakerText: (await app.sources.get(baker.id)).version.text,
    anoraText: (await app.sources.get(anora.id)).version.text,
  }
}

const ids = (clippings: { id: string }[]): string[] => clippings.map((clipping) => clipping.id)

describe('clipping a selection by offsets', () => {
  it('takes the quote and 32 characters of context from main’s own copy of the text', async () => {
    const { app, baker, bakerText } = await library()
    const passage = 'Tackling sex work isn’t foreign to the writer/director'
    const at = bakerText.indexOf(passage)
    const clipping = await app.clippings.create({
      sourceId: baker.id,
      start: at,
      end: at + passage.length,
    })
    const [quote, position] = clipping.target
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: passage,
      prefix: bakerText.slice(at - CONTEXT_LENGTH, at),
      suffix: bakerText.slice(at + passage.length, at + passage.length + CONTEXT_LENGTH),
    })
    expect(quote.prefix).toHaveLength(32)
    expect(quote.suffix).toHaveLength(32)
    expect(quote.prefix.endsWith('small Texas hometown. ')).toBe(true)
    expect(position).toEqual({ type: 'TextPositionSelector', start: at, end: at + passage.length })
    expect(clipping.versionHash).toBe(baker.currentVersionHash)
    expect(clipping.sourceTitle).toBe(baker.title)
  })

  it('trims whitespace, paragraph breaks included, off both ends of the range', async () => {
    const { app, baker, bakerText } = await library()
    const passage = 'CinemaBlend recently sat down with Sean Baker'
    const at = bakerText.indexOf(passage)
    expect(bakerText.slice(at - 2, at)).toBe('\n\n')
    const clipping = await app.clippings.create({
      sourceId: baker.id,
      start: at - 3, // the full stop before the break is not whitespace: start just after it
      end: at + passage.length + 1,
    })
    expect(clipping.target[0].exact).toBe(`.\n\n${passage}`)
    const trimmed = await app.clippings.create({
      sourceId: baker.id,
      start: at - 2,
      end: at + passage.length + 1,
    })
    expect(trimmed.target[0].exact).toBe(passage)
    expect(trimmed.target[1]).toMatchObject({ start: at, end: at + passage.length })
  })

  it('keeps short context at the very start and end of the text', async () => {
    const { app, baker, bakerText } = await library()
    const first = await app.clippings.create({ sourceId: baker.id, start: 0, end: 11 })
    expect(first.target[0]).toMatchObject({ exact: 'Sean Baker’', prefix: '' })
    const last = await app.clippings.create({
      sourceId: baker.id,
      start: bakerText.length - 9,
      end: bakerText.length,
    })
    expect(last.target[0]).toMatchObject({ exact: 'king out.', suffix: '' })
  })

  it('refuses offsets outside the text or not whole numbers, and a selection of nothing but whitespace', async () => {
    const { app, baker, bakerText } = await library()
    const breakAt = bakerText.indexOf('\n\n')
    for (const [start, end] of [
      [-1, 10],
      [0, bakerText.length + 1],
      [20, 20],
      [30, 10],
      [breakAt, breakAt + 2],
      // Not offsets at all: such a clipping once went to disk with an empty quote, and its
      // source's file then read as damaged.
      [Number.NaN, Number.NaN],
      [10.5, 40],
    ] as [number, number][]) {
      const error = await rejection(app.clippings.create({ sourceId: baker.id, start, end }))
      expect(error.code).toBe('invalid-argument')
      expect(error.message).toMatch(/select the passage again/)
    }
    expect(await app.clippings.list()).toEqual([])
  })

  it('says when the source does not exist', async () => {
    const { app } = await library()
    const error = await rejection(app.clippings.create({ sourceId: 's-gone', start: 0, end: 4 }))
    expect(error.code).toBe('not-found')
  })
})

describe('clipping by quote', () => {
  it('clips the one place the quote occurs, typographic characters and all', async () => {
    const { app, anora, anoraText } = await library()
    const quote = '“He’s the only mainstream filmmaker who gets it right—and actually cares'
    const clipping = await app.clippings.createFromQuote({
      sourceId: anora.id,
      quote: ` ${quote} `,
    })
    expect(clipping.target[0].exact).toBe(quote)
    expect(clipping.target[1].start).toBe(anoraText.indexOf(quote))
  })

  it('says a quote does not occur, and when only quote marks differ, which passage does', async () => {
    const { app, baker } = await library()
    const absent = await rejection(
      app.clippings.createFromQuote({ sourceId: baker.id, quote: 'a quote from another film' }),
    )
    expect(absent.code).toBe('not-found')
    expect(absent.message).toMatch(/does not occur/)
    expect(absent.message).not.toMatch(/quote marks/)

    const straight = await rejection(
      app.clippings.createFromQuote({ sourceId: baker.id, quote: "Now he's explained" }),
    )
    expect(straight.code).toBe('not-found')
    expect(straight.message).toMatch(/does not occur/)
    expect(straight.message).toMatch(/quote marks/)
    expect(straight.message).toContain('Now he’s explained')
    expect(await app.clippings.list()).toEqual([])
  })

  it('lists the occurrences of an ambiguous quote, and clips the one picked', async () => {
    const { app, baker, bakerText } = await library()
    const ambiguous = await rejection(
      app.clippings.createFromQuote({ sourceId: baker.id, quote: 'Red Rocket' }),
    )
    expect(ambiguous.code).toBe('invalid-argument')
    expect(ambiguous.message).toMatch(/occurs 4 times/)
    expect(ambiguous.message).toMatch(/--occurrence/)
    const listed = ambiguous.message.split('\n').slice(1)
    expect(listed.map((line) => line.trim().slice(0, 2))).toEqual(['1:', '2:', '3:', '4:'])
    expect(listed[0]).toContain('new film [Red Rocket] is')
    expect(listed[3]).toContain('As for [Red Rocket] ,')

    const second = await app.clippings.createFromQuote({
      sourceId: baker.id,
      quote: 'Red Rocket',
      occurrence: 2,
    })
    const firstAt = bakerText.indexOf('Red Rocket')
    expect(second.target[1].start).toBe(bakerText.indexOf('Red Rocket', firstAt + 1))
    expect(second.target[0].prefix.endsWith('the central character of ')).toBe(true)

    const outOfRange = await rejection(
      app.clippings.createFromQuote({ sourceId: baker.id, quote: 'Red Rocket', occurrence: 5 }),
    )
    expect(outOfRange.message).toMatch(/--occurrence 5 is out of range/)
  })
})

describe('editing, deleting and restoring clippings', () => {
  it('updates the note and normalizes tags', async () => {
    const { app, baker } = await library()
    const clipping = await app.clippings.createFromQuote({
      sourceId: baker.id,
      quote: 'I hate the hypocrisy in our society',
      note: '  first thought ',
      tags: ['#stigma'],
    })
    expect(clipping.note).toBe('first thought')
    expect(clipping.tags).toEqual(['stigma'])

    const updated = await app.clippings.update({
      id: clipping.id,
      note: 'Baker on hypocrisy',
      tags: ['  industry ', '#stigma', 'stigma', '##industry', '   ', '#'],
    })
    expect(updated.note).toBe('Baker on hypocrisy')
    expect(updated.tags).toEqual(['industry', 'stigma'])
    expect(updated.updatedAt > clipping.updatedAt).toBe(true)
    expect(updated.target).toEqual(clipping.target)

    const onlyNote = await app.clippings.update({ id: clipping.id, note: '' })
    expect(onlyNote.tags).toEqual(['industry', 'stigma'])
    expect(await app.clippings.get(clipping.id)).toMatchObject({ note: '', tags: onlyNote.tags })
  })

  it('hides a deleted clipping everywhere, and restores the very same one', async () => {
    const { app, baker } = await library()
    const clipping = await app.clippings.createFromQuote({
      sourceId: baker.id,
      quote: 'pretty wild film',
      tags: ['verdict'],
    })
    await app.clippings.delete(clipping.id)
    expect(await app.clippings.list()).toEqual([])
    expect(await app.clippings.list({ search: 'verdict' })).toEqual([])
    expect((await app.sources.get(baker.id)).clippings).toEqual([])
    expect((await rejection(app.clippings.get(clipping.id))).code).toBe('not-found')
    expect((await rejection(app.clippings.update({ id: clipping.id, note: 'x' }))).code).toBe(
      'not-found',
    )

    const restored = await app.clippings.restore(clipping.id)
    expect(restored).toEqual(clipping)
    expect(ids(await app.clippings.list())).toEqual([clipping.id])
    expect(ids(await app.clippings.list({ search: 'verdict' }))).toEqual([clipping.id])
  })

  it('says which clipping does not exist', async () => {
    const { app } = await library()
    const error = await rejection(app.clippings.delete('c-missing'))
    expect(error.code).toBe('not-found')
    expect(error.message).toContain('c-missing')
  })
})

describe('finding clippings', () => {
  async function clipped() {
    const lib = await library()
    const { app, baker, anora } = lib
    const hypocrisy = await app.clippings.createFromQuote({
      sourceId: baker.id,
      quote: 'I hate the hypocrisy in our society',
      note: 'the café conversation',
      tags: ['stigma'],
    })
    const cliches = await app.clippings.createFromQuote({
      sourceId: anora.id,
      quote: 'he intentionally avoided the “hooker with a heart of gold” clichés',
      tags: ['tropes'],
    })
    const sundance = await app.clippings.createFromQuote({
      sourceId: anora.id,
      quote: 'Sex workers don’t usually expect Hollywood to portray their lives authentically.',
    })
    return { ...lib, hypocrisy, cliches, sundance }
  }

  it('lists newest first, or only one source’s clippings in text order', async () => {
    const { app, anora, hypocrisy, cliches, sundance } = await clipped()
    expect(ids(await app.clippings.list())).toEqual([sundance.id, cliches.id, hypocrisy.id])
    expect(ids(await app.clippings.list({ sourceId: anora.id }))).toEqual([sundance.id, cliches.id])
    expect(ids((await app.sources.get(anora.id)).clippings)).toEqual([sundance.id, cliches.id])
  })

  it('finds by a word of the quote, the note, a tag or the source title', async () => {
    const { app, hypocrisy, cliches, sundance } = await clipped()
    expect(ids(await app.clippings.list({ search: 'hypocrisy' }))).toEqual([hypocrisy.id])
    expect(ids(await app.clippings.list({ search: 'conversation' }))).toEqual([hypocrisy.id])
    expect(ids(await app.clippings.list({ search: 'tropes' }))).toEqual([cliches.id])
    expect(ids(await app.clippings.list({ search: 'Oscars' })).sort()).toEqual(
      [cliches.id, sundance.id].sort(),
    )
    expect(await app.clippings.list({ search: 'zeppelin' })).toEqual([])
  })

  it('ignores case and accents', async () => {
    const { app, hypocrisy, cliches } = await clipped()
    expect(ids(await app.clippings.list({ search: 'CLICHES' }))).toEqual([cliches.id])
    expect(ids(await app.clippings.list({ search: 'cafe' }))).toEqual([hypocrisy.id])
    expect(ids(await app.clippings.list({ search: 'Café' }))).toEqual([hypocrisy.id])
  })

  it('combines a search with a source', async () => {
    const { app, baker, anora, sundance } = await clipped()
    expect(ids(await app.clippings.list({ sourceId: anora.id, search: 'Hollywood' }))).toEqual([
      sundance.id,
    ])
    expect(await app.clippings.list({ sourceId: baker.id, search: 'Hollywood' })).toEqual([])
  })

  it('follows a source’s new title', async () => {
    const { app, baker, hypocrisy } = await clipped()
    await app.sources.updateMetadata(baker.id, { title: 'Interview with a filmmaker' })
    await app.clippings.refreshSource(baker.id)
    const found = await app.clippings.list({ search: 'filmmaker interview' })
    expect(ids(found)).toEqual([hypocrisy.id])
    expect(found[0]?.sourceTitle).toBe('Interview with a filmmaker')
    expect(await app.clippings.list({ search: 'CinemaBlend returning' })).toEqual([])
  })
})

describe('reopening the notebook', () => {
  it('brings back every clipping, note, tag, deletion and title as they were', async () => {
    const { app, baker, anora } = await library()
    const kept = await app.clippings.createFromQuote({
      sourceId: anora.id,
      quote: 'It would feel like this industry I love is finally being recognized',
      note: 'Calvert, hopeful',
      tags: ['recognition'],
    })
    const deleted = await app.clippings.createFromQuote({
      sourceId: baker.id,
      quote: 'it’s a pretty wild film',
    })
    await app.clippings.delete(deleted.id)
    await app.sources.updateMetadata(anora.id, { title: 'Anora and the Valley', author: 'AFP' })

    const reopened = await openCommonplace(tempDir())
    expect(reopened.store.problems).toEqual([])
    expect((await reopened.sources.list()).map((source) => source.title)).toEqual([
      baker.title,
      'Anora and the Valley',
    ])
    const [again] = await reopened.clippings.list()
    expect(again).toEqual({
      ...kept,
      sourceTitle: 'Anora and the Valley',
      source: expect.objectContaining({ title: 'Anora and the Valley', author: 'AFP' }),
      citedBy: 0,
    })
    expect(ids(await reopened.clippings.list({ search: 'valley hopeful' }))).toEqual([kept.id])
    expect(await reopened.clippings.list({ search: 'wild' })).toEqual([])

    const restored = await reopened.clippings.restore(deleted.id)
    expect(restored.target).toEqual(deleted.target)
    const afterRestore = await openCommonplace(tempDir())
    expect(ids(await afterRestore.clippings.list({ sourceId: baker.id }))).toEqual([deleted.id])
  })
})
