// Clippings exported for other annotation tools: W3C Web Annotation JSON-LD checked against a
// schema of the model, Hypothesis's annotation shape, and Readwise's CSV, read back by a parser.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { addLaidOutVersion, createLaidOutSource } from '../../../../test/laid-out-sources'
import { fixtureNames, fixturePath, repoDir, useTempDir } from '../../../../test/support'
import { openCommonplace, type Commonplace } from '../commonplace'
import { exportAnnotations } from './export-annotations'
import type { HypothesisExport } from './hypothesis-annotations'
import { READWISE_COLUMNS } from './readwise-csv'
import type { W3cCollection } from './w3c-annotations'

const tempDir = useTempDir()

const PAGES = [
  { text: 'The first page opens the report on harbour dredging.', label: 'i' },
  { text: 'The second page says the silt returned within a year.', label: '12' },
]

async function validator(): Promise<(data: unknown) => string[]> {
  const schema = JSON.parse(
    await readFile(join(repoDir, 'test', 'web-annotation.schema.json'), 'utf8'),
  ) as object
  const validate = new Ajv2020({ allErrors: true }).compile(schema)
  return (data) =>
    validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}

/** An article with a noted, tagged clipping, and a PDF report with a clipping on page "12". */
async function seeded(): Promise<{ app: Commonplace; articleId: string; reportId: string }> {
  const app = await openCommonplace(join(tempDir(), 'notebook'))
  const { imported } = await app.sources.importFiles([fixturePath(fixtureNames.bakerHtml)])
  const article = imported[0]
  if (!article) throw new Error('the fixture did not import')
  await app.clippings.createFromQuote({
    sourceId: article.id,
    quote: 'a fascinating look at the life of a washed-up porn star',
    note: 'Compare, with "Starlet",\nthe later films',
    tags: ['film', 'sex work'],
  })
  const report = await createLaidOutSource(app.store, PAGES, {
    title: 'Dredging, a report',
    author: 'Harbour Board',
  })
  await app.clippings.createFromQuote({ sourceId: report.id, quote: 'the silt returned' })
  return { app, articleId: article.id, reportId: report.id }
}

async function w3c(app: Commonplace, sourceId?: string): Promise<W3cCollection> {
  return JSON.parse(
    await exportAnnotations(app.store, { format: 'w3c', sourceId }),
  ) as W3cCollection
}

describe('export-annotations: W3C Web Annotation', () => {
  it('writes a collection the Web Annotation schema accepts, PDF page selector and all', async () => {
    const { app, articleId, reportId } = await seeded()
    const collection = await w3c(app)
    expect(await validator().then((check) => check(collection))).toEqual([])
    expect(collection.total).toBe(2)

    const [noted, paged] = collection.first.items
    expect(noted).toMatchObject({
      type: 'Annotation',
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', purpose: 'commenting', format: 'text/plain' },
        { type: 'TextualBody', purpose: 'tagging', value: 'film' },
        { type: 'TextualBody', purpose: 'tagging', value: 'sex work' },
      ],
    })
    const article = (await app.sources.list()).find((source) => source.id === articleId)
    expect(noted?.target.source).toBe(article?.url)
    expect(noted?.target.selector.map((selector) => selector.type)).toEqual([
      'TextQuoteSelector',
      'TextPositionSelector',
    ])

    expect(paged?.motivation).toBe('highlighting')
    expect(paged?.body).toBeUndefined()
    expect(paged?.target.source).toBe(`urn:commonplace:source:${reportId}`)
    expect(paged?.target.selector).toEqual([
      expect.objectContaining({ type: 'TextQuoteSelector', exact: 'the silt returned' }),
      expect.objectContaining({ type: 'TextPositionSelector' }),
      {
        type: 'FragmentSelector',
        conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
        value: 'page=2',
      },
    ])
  })

  it('is refused by the schema when a field the model requires is dropped', async () => {
    const { app } = await seeded()
    const check = await validator()
    const collection = await w3c(app)
    const drop = (mutate: (copy: W3cCollection) => void): string[] => {
      const copy = structuredClone(collection)
      mutate(copy)
      return check(copy)
    }
    expect(drop((c) => delete (c as Partial<W3cCollection>)['@context'])).not.toEqual([])
    expect(drop((c) => delete (c.first.items[0] as { target?: unknown }).target)).not.toEqual([])
    expect(drop((c) => delete (c.first.items[0] as { type?: unknown }).type)).not.toEqual([])
    expect(
      drop((c) => delete (c.first.items[1]?.target.selector[0] as { exact?: string }).exact),
    ).not.toEqual([])
    expect(
      drop((c) => delete (c.first.items[1]?.target.selector[2] as { value?: string }).value),
    ).not.toEqual([])
    expect(
      drop((c) => delete (c.first.items[0]?.body?.[0] as { value?: string }).value),
    ).not.toEqual([])
  })

  it('places each passage in the newest version of its source', async () => {
    const { app, reportId } = await seeded()
    await addLaidOutVersion(app.store, reportId, [
      { text: 'A new preface fills the first page now.' },
      ...PAGES,
    ])
    await app.clippings.refreshSource(reportId)
    const [moved] = (await w3c(app, reportId)).first.items
    const { text } = await app.store.text((await app.store.entry(reportId)).currentVersionHash)
    const [quote, position, page] = moved?.target.selector ?? []
    expect(position).toMatchObject({ type: 'TextPositionSelector' })
    const { start, end } = position as { start: number; end: number }
    expect(text.slice(start, end)).toBe('the silt returned')
    expect(quote).toMatchObject({
      prefix: text.slice(start - 32, start),
      suffix: text.slice(end, end + 32),
    })
    expect(page).toMatchObject({ value: 'page=3' })
  })

  it('keeps a passage missing from the newest version by its quote alone, valid all the same', async () => {
    const { app, reportId } = await seeded()
    await addLaidOutVersion(app.store, reportId, [{ text: 'Only a summary remains.' }])
    await app.clippings.refreshSource(reportId)
    const collection = await w3c(app, reportId)
    expect((await validator())(collection)).toEqual([])
    const types = collection.first.items[0]?.target.selector.map((selector) => selector.type)
    // No offsets: those of the old version would point at other words in the new one.
    expect(types).toEqual(['TextQuoteSelector', 'FragmentSelector'])
  })

  it('limits to one source with --source, and leaves out deleted sources', async () => {
    const { app, articleId, reportId } = await seeded()
    const only = await w3c(app, reportId)
    expect(only.total).toBe(1)
    expect(only.first.items[0]?.target.source).toBe(`urn:commonplace:source:${reportId}`)
    await app.sources.delete(articleId)
    const rest = await w3c(app)
    expect(rest.first.items.map((item) => item.target.source)).toEqual([
      `urn:commonplace:source:${reportId}`,
    ])
  })
})

describe('export-annotations: Hypothesis', () => {
  it('writes annotations in the shape Hypothesis gives them', async () => {
    const { app, reportId } = await seeded()
    const file = JSON.parse(
      await exportAnnotations(app.store, {
        format: 'hypothesis',
        now: new Date('2026-01-02T03:04:05Z'),
      }),
    ) as HypothesisExport
    expect(file.export_date).toBe('2026-01-02T03:04:05.000Z')
    const [noted, paged] = file.annotations
    expect(noted).toMatchObject({
      text: 'Compare, with "Starlet",\nthe later films',
      tags: ['film', 'sex work'],
      document: { title: [expect.stringContaining('Baker')] },
    })
    expect(noted?.target[0]?.source).toBe(noted?.uri)
    expect(paged).toMatchObject({
      uri: `urn:commonplace:source:${reportId}`,
      text: '',
      tags: [],
      document: { title: ['Dredging, a report'] },
    })
    expect(paged?.target[0]?.selector).toContainEqual({
      type: 'PageSelector',
      index: 1,
      label: '12',
    })
    for (const annotation of file.annotations) {
      expect(Object.keys(annotation).sort()).toEqual(
        ['created', 'document', 'id', 'tags', 'target', 'text', 'updated', 'uri'].sort(),
      )
    }
  })
})

describe('export-annotations: Readwise CSV', () => {
  it('writes Readwise columns whose commas, quotes and line breaks read back intact', async () => {
    const { app } = await seeded()
    const csv = await exportAnnotations(app.store, { format: 'csv' })
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    expect(parsed.meta.fields).toEqual([...READWISE_COLUMNS])
    const [noted, paged] = parsed.data
    expect(noted).toMatchObject({
      Highlight: 'a fascinating look at the life of a washed-up porn star',
      Note: 'Compare, with "Starlet",\nthe later films',
      Tags: 'film, sex work',
      'Location Type': 'order',
      Location: '1',
    })
    expect(noted?.['Highlighted at']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\+00:00$/)
    expect(paged).toMatchObject({
      Highlight: 'the silt returned',
      'Book Title': 'Dredging, a report',
      'Book Author': 'Harbour Board',
      'Location Type': 'page',
      Location: '12',
    })
  })
})
