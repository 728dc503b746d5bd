// The `commonplace` command as a user runs it: the built CLI in its own process, on a temp notebook.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ClippingView, SourceSummary } from '../src/shared/domain'
import type { ImportReport } from '../src/shared/ipc'
import { ensureBuilt, runCli, type Run } from './cli-support'
import { fixtureNames, fixturePath, repoDir, useTempDir } from './support'

const tempDir = useTempDir()

/** Runs `commonplace --data-dir <notebook> ...args` and waits for it to exit. */
function commonplace(...args: string[]): Promise<Run> {
  return runCli(join(tempDir(), 'notebook'), ...args)
}

async function json<T>(...args: string[]): Promise<T> {
  const run = await commonplace(...args, '--json')
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  return JSON.parse(run.stdout) as T
}

/** A notebook with the two article pages imported: [Baker, Anora]. */
async function importBoth(): Promise<[SourceSummary, SourceSummary]> {
  const report = await json<ImportReport>(
    'import',
    fixturePath(fixtureNames.bakerHtml),
    fixturePath(fixtureNames.anoraHtml),
  )
  expect(report.failed).toEqual([])
  return report.imported as [SourceSummary, SourceSummary]
}

beforeAll(ensureBuilt)

// Each run starts Node and loads the import pipeline (jsdom): allow for a busy machine.
describe('commonplace CLI', { timeout: 60_000 }, () => {
  it('lists its commands in --help', async () => {
    const run = await commonplace('--help')
    expect(run.code).toBe(0)
    for (const command of ['import', 'sources', 'clip', 'clippings'])
      expect(run.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'))
  })

  it('fills an empty notebook with the sample, whose essay verifies, and only an empty one', async () => {
    const opened = await commonplace('sample')
    expect(opened.stderr).toBe('')
    expect(opened.code).toBe(0)
    expect(opened.stdout).toContain('A short history of the commonplace book')
    expect(opened.stdout).toContain('clipped 5 passages')
    const verified = await commonplace('verify')
    expect(verified.code).toBe(0)

    const again = await commonplace('sample')
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('opens only in an empty notebook')
    expect(await json<SourceSummary[]>('sources')).toHaveLength(1)
  })

  it('imports the good files, names the bad one and exits 1', async () => {
    const empty = join(tempDir(), 'empty.txt')
    await writeFile(empty, '')
    const run = await commonplace(
      'import',
      fixturePath(fixtureNames.bakerHtml),
      empty,
      fixturePath(fixtureNames.anoraHtml),
    )
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('empty.txt')
    expect(run.stderr).not.toContain(fixtureNames.bakerHtml)
    expect(run.stdout).toContain('Sean Baker on why sex work keeps returning in his films')

    const sources = await json<SourceSummary[]>('sources')
    expect(sources.map((source) => source.title)).toEqual([
      'Sean Baker on why sex work keeps returning in his films',
      'Sex workers cheer Anora ahead of the Oscars',
    ])
    expect(sources[1]).toMatchObject({ author: 'AFP', publishedAt: '2025-02-24T08:00:00Z' })
  })

  it('refuses a page nested 10,000 levels deep, naming it, and imports the rest', async () => {
    const deep = join(tempDir(), 'deep.html')
    await writeFile(deep, `<body>${'<div>'.repeat(10_000)}<p>Deep.</p>${'</div>'.repeat(10_000)}`)
    const run = await commonplace('import', deep, fixturePath(fixtureNames.anoraHtml))
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      'deep.html: its elements are nested more than 256 levels deep; ' +
        'Commonplace reads pages nested up to 256 levels.',
    )
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(run.stdout).toContain('Sex workers cheer Anora ahead of the Oscars')
  })

  it('clips an exact quote with typographic apostrophes and keeps it unchanged', async () => {
    const [baker] = await importBoth()
    const quote = 'Sean Baker’s new film Red Rocket is a fascinating look'
    const run = await commonplace('clip', baker.id, '--quote', quote, '--note', 'opening line')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`“${quote}”`)

    const clippings = await json<ClippingView[]>('clippings')
    expect(clippings).toHaveLength(1)
    expect(clippings[0]).toMatchObject({ sourceId: baker.id, note: 'opening line' })
    expect(clippings[0]?.target[0].exact).toBe(quote)
    expect(clippings[0]?.target[1]).toMatchObject({ start: 0, end: quote.length })
  })

  it('refuses a quote that is not in the source, saying it does not occur', async () => {
    const [baker] = await importBoth()
    const absent = await commonplace('clip', baker.id, '--quote', 'a line from another film')
    expect(absent.code).toBe(1)
    expect(absent.stderr).toMatch(/does not occur/)

    const straight = await commonplace('clip', baker.id, '--quote', "Now he's explained")
    expect(straight.code).toBe(1)
    expect(straight.stderr).toMatch(/does not occur/)
    expect(straight.stderr).toContain('Now he’s explained')
    expect(await json<ClippingView[]>('clippings')).toEqual([])
  })

  it('says plainly what is wrong with a quote or a file, and prints its version', async () => {
    const [baker, anora] = await importBoth()
    for (const empty of ['', '   ']) {
      const run = await commonplace('clip', baker.id, '--quote', empty)
      expect(run.code).toBe(1)
      expect(run.stderr).toContain('The quote is empty')
      expect(run.stderr).not.toMatch(/does not occur/)
    }

    // A quote with quote marks of its own is shown in them, not in doubled ones.
    const own = '“Sean gets sex work. He just does,”'
    const clipped = await commonplace('clip', anora.id, '--quote', own)
    expect(clipped.code).toBe(0)
    expect(clipped.stdout).toContain(`  ${own}\n`)
    expect(clipped.stdout).not.toContain('““')
    expect((await commonplace('clippings')).stdout).not.toMatch(/““|””/)

    const missing = join(tempDir(), 'inbox', 'gone.txt')
    const notThere = await commonplace('import', missing)
    expect(notThere.code).toBe(1)
    expect(notThere.stderr).toContain(`${missing}: file not found.`)
    expect(notThere.stderr).not.toMatch(/ENOENT/)
    const reimport = await commonplace('reimport', baker.id, missing)
    expect(reimport.stderr).toContain(`${missing}: file not found.`)

    const version = await commonplace('--version')
    expect(version.code).toBe(0)
    const pkg = JSON.parse(await readFile(join(repoDir, 'package.json'), 'utf8')) as {
      version: string
    }
    expect(version.stdout.trim()).toBe(pkg.version)
  })

  it('lists the occurrences of an ambiguous quote, and --occurrence picks one', async () => {
    const [baker] = await importBoth()
    const ambiguous = await commonplace('clip', baker.id, '--quote', 'Red Rocket')
    expect(ambiguous.code).toBe(1)
    expect(ambiguous.stderr).toMatch(/occurs 4 times/)
    expect(ambiguous.stderr).toMatch(/--occurrence/)
    for (const n of [1, 2, 3, 4]) expect(ambiguous.stderr).toMatch(new RegExp(`^\\s+${n}: …`, 'm'))
    expect(ambiguous.stderr).toMatch(/2: .*the central character of \[Red Rocket\] was first/)

    const picked = await commonplace('clip', baker.id, '--quote', 'Red Rocket', '--occurrence', '2')
    expect(picked.code).toBe(0)
    const [clipping] = await json<[ClippingView]>('clippings')
    expect(clipping.target[0].exact).toBe('Red Rocket')
    expect(clipping.target[0].prefix.endsWith('the central character of ')).toBe(true)
    expect(clipping.target[0].suffix.startsWith(' was first seen')).toBe(true)

    const tooFar = await commonplace('clip', baker.id, '--quote', 'Red Rocket', '--occurrence', '9')
    expect(tooFar.code).toBe(1)
    expect(tooFar.stderr).toMatch(/out of range/)
    const notANumber = await commonplace('clip', baker.id, '--quote', 'Red', '--occurrence', 'x')
    expect(notANumber.code).not.toBe(0)
    expect(notANumber.stderr).toMatch(/whole number/)
  })

  it('filters clippings by search and by source; data persists between runs', async () => {
    const [baker, anora] = await importBoth()
    const clip = async (sourceId: string, quote: string, ...more: string[]): Promise<string> => {
      const run = await commonplace('clip', sourceId, '--quote', quote, '--json', ...more)
      expect(run.code).toBe(0)
      return (JSON.parse(run.stdout) as ClippingView).id
    }
    const hypocrisy = await clip(baker.id, 'I hate the hypocrisy in our society', '--tag', 'stigma')
    const cliches = await clip(anora.id, 'the “hooker with a heart of gold” clichés')
    const madison = await clip(anora.id, 'Best Actress for Mikey Madison', '--note', 'the café')

    const ids = (clippings: ClippingView[]): string[] => clippings.map((clipping) => clipping.id)
    // Each list is a new process reading what the earlier ones wrote; reads may run side by side.
    const [all, byQuote, accentless, byTag, byNote, anoraOnly, none] = await Promise.all([
      json<ClippingView[]>('clippings'),
      json<ClippingView[]>('clippings', '--search', 'hypocrisy'),
      json<ClippingView[]>('clippings', '--search', 'cliches'),
      json<ClippingView[]>('clippings', '--search', 'stigma'),
      json<ClippingView[]>('clippings', '--search', 'cafe'),
      json<ClippingView[]>('clippings', '--source', anora.id),
      json<ClippingView[]>('clippings', '--source', baker.id, '--search', 'Madison'),
    ])
    expect(ids(all)).toEqual([madison, cliches, hypocrisy])
    expect(ids(byQuote)).toEqual([hypocrisy])
    expect(ids(accentless)).toEqual([cliches])
    expect(ids(byTag)).toEqual([hypocrisy])
    expect(ids(byNote)).toEqual([madison])
    expect(ids(anoraOnly).sort()).toEqual([cliches, madison].sort())
    expect(none).toEqual([])

    const text = await commonplace('clippings', '--search', 'hypocrisy')
    expect(text.stdout).toContain('“I hate the hypocrisy in our society”')
    expect(text.stdout).toContain('#stigma')
  })

  it('warns about a damaged source file, naming it, and leaves it as it was', async () => {
    const [baker] = await importBoth()
    await commonplace('clip', baker.id, '--quote', 'pretty wild film')
    const path = join(tempDir(), 'notebook', 'sources', `${baker.id}.json`)
    await writeFile(path, '{"schemaVersion": 1')

    const run = await commonplace('clippings')
    expect(run.code).toBe(0)
    expect(run.stderr).toContain(`warning: ${path}`)
    expect(await readFile(path, 'utf8')).toBe('{"schemaVersion": 1')
  })

  it('refuses to open a damaged library.json, naming it, keeping it aside, without a stack trace', async () => {
    await importBoth()
    const notebook = join(tempDir(), 'notebook')
    const path = join(notebook, 'library.json')
    const damaged = '{"schemaVersion": 2, "sources": [{}], "essays": []}'
    await writeFile(path, damaged)
    const run = await commonplace('sources')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(path)
    expect(run.stderr).toContain('sources[0]')
    expect(run.stderr).toContain('commonplace repair')
    expect(run.stderr).not.toMatch(/unexpected error|\n\s+at /)
    const aside = (await readdir(notebook)).filter((name) =>
      name.startsWith('library.json.damaged-'),
    )
    expect(aside).toHaveLength(1)
    expect(await readFile(join(notebook, aside[0] ?? ''), 'utf8')).toBe(damaged)

    // Never taken for an empty notebook: still refused, now as missing.
    const again = await commonplace('clippings')
    expect(again.code).toBe(1)
    expect(again.stderr).toContain(`${path} is missing`)
    expect(again.stderr).not.toMatch(/unexpected error|\n\s+at /)
  })
})
