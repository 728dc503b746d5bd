// `commonplace export-annotations` as a user runs it: the built CLI in its own process, on a
// notebook seeded in-process with an article clipping (noted, tagged) and a PDF page's clipping.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import Papa from 'papaparse'
import { beforeAll, describe, expect, it } from 'vitest'
import { openCommonplace } from '../src/main/core/commonplace'
import { ensureBuilt, runCli } from './cli-support'
import { createLaidOutSource } from './laid-out-sources'
import { fixtureNames, fixturePath, useTempDir } from './support'

const tempDir = useTempDir()
const notebook = () => join(tempDir(), 'notebook')
const commonplace = (...args: string[]) => runCli(notebook(), ...args)

async function seeded(): Promise<{ articleId: string; reportId: string }> {
  const app = await openCommonplace(notebook())
  const { imported } = await app.sources.importFiles([fixturePath(fixtureNames.bakerHtml)])
  const article = imported[0]
  if (!article) throw new Error('the fixture did not import')
  await app.clippings.createFromQuote({
    sourceId: article.id,
    quote: 'a fascinating look at the life of a washed-up porn star',
    note: 'A note, with a comma',
    tags: ['film'],
  })
  const report = await createLaidOutSource(app.store, [
    { text: 'The first page opens the report on harbour dredging.' },
    { text: 'The second page says the silt returned within a year.' },
  ])
  await app.clippings.createFromQuote({ sourceId: report.id, quote: 'the silt returned' })
  return { articleId: article.id, reportId: report.id }
}

beforeAll(ensureBuilt)

describe('commonplace export-annotations', { timeout: 60_000 }, () => {
  it('is documented in --help', async () => {
    expect((await commonplace('--help')).stdout).toMatch(/^\s+export-annotations\b/m)
    const help = await commonplace('export-annotations', '--help')
    for (const words of ['--source', '--format', 'w3c', 'hypothesis', 'csv', '--output'])
      expect(help.stdout).toContain(words)
  })

  it('writes W3C Web Annotation JSON-LD to stdout by default, with the PDF page', async () => {
    const { reportId } = await seeded()
    const run = await commonplace('export-annotations')
    expect(run.code).toBe(0)
    const collection = JSON.parse(run.stdout)
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: 2,
    })
    const paged = collection.first.items[1]
    expect(paged.target.source).toBe(`urn:commonplace:source:${reportId}`)
    expect(paged.target.selector).toContainEqual(
      expect.objectContaining({ type: 'FragmentSelector', value: 'page=2' }),
    )
  })

  it('writes Hypothesis JSON of one source with --source, to a file with -o', async () => {
    const { articleId } = await seeded()
    const file = join(tempDir(), 'hypothesis.json')
    const run = await commonplace(
      'export-annotations',
      '--format',
      'hypothesis',
      '--source',
      articleId,
      '-o',
      file,
    )
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`wrote ${file}`)
    const { annotations } = JSON.parse(await readFile(file, 'utf8'))
    expect(annotations).toHaveLength(1)
    expect(annotations[0]).toMatchObject({ text: 'A note, with a comma', tags: ['film'] })
  })

  it('writes Readwise CSV', async () => {
    await seeded()
    const run = await commonplace('export-annotations', '--format', 'csv')
    expect(run.code).toBe(0)
    const parsed = Papa.parse<Record<string, string>>(run.stdout, {
      header: true,
      skipEmptyLines: true,
    })
    expect(parsed.data.map((row) => [row.Highlight, row.Note, row['Location Type']])).toEqual([
      ['a fascinating look at the life of a washed-up porn star', 'A note, with a comma', 'order'],
      ['the silt returned', '', 'page'],
    ])
  })

  it('refuses an unknown source or format with a message', async () => {
    await seeded()
    const unknown = await commonplace('export-annotations', '--source', 's_nope')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('s_nope')
    const format = await commonplace('export-annotations', '--format', 'pdf')
    expect(format.code).not.toBe(0)
    expect(format.stderr).toMatch(/pdf/)
  })
})
