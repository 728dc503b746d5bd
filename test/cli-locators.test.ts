// Clipping a PDF from the terminal: a quote copied with ligatures or line breaks finds the passage
// as pdf.js spelled it out, --page picks the occurrence on a page, and listings name the page.
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { openCommonplace } from '../src/main/core/commonplace'
import type { ClippingView, SourceSummary } from '../src/shared/domain'
import { ensureBuilt, runCli, type Run } from './cli-support'
import { citationBlock, stateOf } from './essay-support'
import { createLaidOutSource } from './laid-out-sources'
import { fixtureNames, fixturePath, useTempDir } from './support'

const tempDir = useTempDir()
const notebook = (): string => join(tempDir(), 'notebook')

async function cli(...args: string[]): Promise<Run> {
  return runCli(notebook(), ...args)
}

async function json<T>(...args: string[]): Promise<T> {
  const run = await cli(...args, '--json')
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  return JSON.parse(run.stdout) as T
}

/** A three-page report (pages printed 10–12) whose refrain is on its first and last pages. */
async function pagedReport(): Promise<SourceSummary> {
  const app = await openCommonplace(notebook())
  return createLaidOutSource(
    app.store,
    [
      { label: '10', text: 'The office staff kept the dredging logs. The silt always returns.' },
      { label: '11', text: 'Each efficient crew\nfinished its shift by noon.' },
      { label: '12', text: 'In the end, as the staff said, the silt always returns.' },
    ],
    { title: 'Harbour Report' },
  )
}

beforeAll(ensureBuilt)

describe('commonplace clip on a PDF', { timeout: 60_000 }, () => {
  it('finds the same passage whether the quote is typed with ligatures or without', async () => {
    const source = await pagedReport()
    const typed = await json<ClippingView>('clip', source.id, '--quote', 'The oﬃce staﬀ kept')
    expect(typed.target[0].exact).toBe('The office staff kept')
    expect(typed.locator?.pages).toEqual({ first: '10', last: '10', index: 1 })
    // The same words typed plainly are the same passage (already clipped: a second clipping).
    const plain = await json<ClippingView>('clip', source.id, '--quote', 'The office staff kept')
    expect(plain.target[1]).toEqual(typed.target[1])
    // A soft hyphen and a line break where the PDF had a space still find the words.
    const broken = await json<ClippingView>(
      'clip',
      source.id,
      '--quote',
      'Each eﬃ\u00ADcient crew finished',
    )
    expect(broken.target[0].exact).toBe('Each efficient crew\nfinished')
    expect(broken.locator?.pages?.first).toBe('11')
  })

  it('picks the occurrence on the page named, by printed label or by place', async () => {
    const source = await pagedReport()
    const ambiguous = await cli('clip', source.id, '--quote', 'silt always returns')
    expect(ambiguous.code).not.toBe(0)
    expect(ambiguous.stderr).toContain('occurs 2 times')
    // Each candidate says its page, so the writer can pick by --page.
    expect(ambiguous.stderr).toMatch(/^ {2}1: p\. 10 {2}…/m)
    expect(ambiguous.stderr).toMatch(/^ {2}2: p\. 12 {2}…/m)
    const onTwelve = await json<ClippingView>(
      'clip',
      source.id,
      '--quote',
      'silt always returns',
      '--page',
      '12',
    )
    expect(onTwelve.locator?.pages?.first).toBe('12')
    expect(onTwelve.target[0].prefix).toContain('as the staff said')
    // No page is printed "1": the first page in the file is meant.
    const first = await json<ClippingView>(
      'clip',
      source.id,
      '--quote',
      'silt always returns',
      '--page',
      '1',
    )
    expect(first.locator?.pages?.first).toBe('10')

    const notThere = await cli(
      'clip',
      source.id,
      '--quote',
      'the silt always returns',
      '--page',
      '11',
    )
    expect(notThere.code).not.toBe(0)
    expect(notThere.stderr).toContain('does not occur on page 11 of “Harbour Report”')
    expect(notThere.stderr).toContain('p. 12')
    const noSuchPage = await cli('clip', source.id, '--quote', 'silt', '--page', '40')
    expect(noSuchPage.stderr).toContain('has no page “40”')
  })

  it('refuses --page for an article, which has no pages', async () => {
    const {
      imported: [article],
    } = await json<{ imported: SourceSummary[] }>('import', fixturePath(fixtureNames.bakerTxt))
    if (!article) throw new Error('the interview did not import')
    const run = await cli(
      'clip',
      article.id,
      '--quote',
      'I hate the hypocrisy in our society',
      '--page',
      '2',
    )
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('has no pages')
    expect(run.stderr).toContain('leave out --page')
    expect((await json<ClippingView[]>('clippings')).length).toBe(0)
  })

  it('lists the page with each clipping, and its W3C page selector in JSON', async () => {
    const source = await pagedReport()
    await json<ClippingView>('clip', source.id, '--quote', 'finished its shift')
    const [listed] = await json<(ClippingView & { pageSelector?: unknown })[]>('clippings')
    expect(listed?.locator).toEqual({ pages: { first: '11', last: '11', index: 2 } })
    expect(listed?.pageSelector).toEqual({
      type: 'FragmentSelector',
      conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
      value: 'page=2',
    })
    const human = await cli('clippings')
    expect(human.stdout).toContain('from Harbour Report, p. 11 (')
  })

  it('verifies and exports a citation of a paged clipping as any other, page and all', async () => {
    const source = await pagedReport()
    const clipping = await json<ClippingView>('clip', source.id, '--quote', 'finished its shift')
    const app = await openCommonplace(notebook())
    const essay = await app.essays.create('On dredging')
    await app.essays.save(essay.id, stateOf(citationBlock(clipping, source, 'p. 11')))
    const [check] = await json<{ state: string }[]>('verify', essay.id)
    expect(check?.state).toBe('verified')
    const gfm = await cli('export', essay.id)
    expect(gfm.code).toBe(0)
    expect(gfm.stdout).toMatch(/\[\^1\]: .*Harbour Report.*, p\. 11/)
    const pandoc = await cli('export', essay.id, '--format', 'pandoc')
    // "p." escaped, as a line starting with it would be a list item; Pandoc reads it back as "p.".
    expect(pandoc.stdout).toMatch(/\[@\w+, p\\\. 11\]/)
  })
})
