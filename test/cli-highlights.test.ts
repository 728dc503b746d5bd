// Highlights from the terminal: a Hypothesis export into the page it was made on, found by its
// URL (format detected); a W3C collection into a source given with --source; a file that is no
// highlights export, and one that is not there, are refused by name.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ClippingView, SourceSummary } from '../src/shared/domain'
import type { HighlightsImportReport } from '../src/shared/highlights'
import { ensureBuilt, runCli } from './cli-support'
import { fixtureNames, fixturePath, repoDir, useTempDir } from './support'

const tempDir = useTempDir()
const sample = (name: string): string => join(repoDir, 'test', 'highlights', name)

async function json<T>(...args: string[]): Promise<T> {
  const run = await runCli(join(tempDir(), 'notebook'), ...args, '--json')
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  return JSON.parse(run.stdout) as T
}

beforeAll(ensureBuilt)

describe('commonplace import-highlights', { timeout: 90_000 }, () => {
  it('detects a Hypothesis export, anchors it in its page, and a second run changes nothing', async () => {
    const notebook = join(tempDir(), 'notebook')
    const {
      imported: [page],
    } = await json<{ imported: SourceSummary[] }>('import', fixturePath(fixtureNames.bakerHtml))
    const first = await runCli(notebook, 'import-highlights', sample('hypothesis.json'))
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('hypothesis.json: 2 highlights imported: 2 verified')
    expect(first.stderr).toContain('skipped: hypothesis.json, annotation 3: a page note')
    expect(first.stderr).toMatch(/not imported: hypothesis\.json, annotation 4: uri: missing/)

    const again = await runCli(notebook, 'import-highlights', sample('hypothesis.json'), '--json')
    const report = JSON.parse(again.stdout) as HighlightsImportReport
    expect(report).toMatchObject({ format: 'hypothesis', created: 0, unchanged: 2 })
    const clippings = await json<ClippingView[]>('clippings', '--source', page?.id ?? '')
    expect(clippings.map((clipping) => clipping.anchor.state)).toEqual(['verified', 'verified'])
  })

  it('puts a W3C collection into the source given with --source', async () => {
    const {
      imported: [anora],
    } = await json<{ imported: SourceSummary[] }>('import', fixturePath(fixtureNames.anoraTxt))
    const report = await json<HighlightsImportReport>(
      'import-highlights',
      sample('w3c.jsonld'),
      '--format',
      'w3c',
      '--source',
      anora?.id ?? '',
    )
    expect(report).toMatchObject({ format: 'w3c', created: 2, sourcesCreated: [] })
    expect(report.anchored.verified).toBe(2)
    expect(report.refused.map((refused) => refused.where)).toEqual(['annotation 3'])
  })

  it('reads Kindle My Clippings and a Readwise CSV, one source per book, and a second run changes nothing', async () => {
    const notebook = join(tempDir(), 'notebook')
    for (const name of ['my-clippings.txt', 'readwise.csv']) {
      const first = await runCli(notebook, 'import-highlights', sample(name), '--json')
      expect(first.code).toBe(0)
      const report = JSON.parse(first.stdout) as HighlightsImportReport
      expect(report.format).toBe(name.endsWith('.csv') ? 'readwise' : 'kindle')
      expect(report.created).toBeGreaterThan(2)
      expect(report.sourcesCreated.length).toBeGreaterThan(0)
      // The broken entry of each hand-written file is named, and the rest imported.
      expect(report.refused.length).toBeGreaterThan(0)

      const again = await runCli(notebook, 'import-highlights', sample(name), '--json')
      const second = JSON.parse(again.stdout) as HighlightsImportReport
      expect(second).toMatchObject({ created: 0, unchanged: report.created })
    }
    const clippings = await json<ClippingView[]>('clippings')
    expect(clippings.every((clipping) => clipping.anchor.state === 'verified')).toBe(true)
  })

  it('is documented in --help', async () => {
    const notebook = join(tempDir(), 'notebook')
    expect((await runCli(notebook, '--help')).stdout).toMatch(/^\s+import-highlights\b/m)
    const help = (await runCli(notebook, 'import-highlights', '--help')).stdout
    expect(help).toContain('--format <format>')
    expect(help).toContain('hypothesis|w3c|kindle|readwise')
    expect(help).toContain('--source <sourceId>')
  })

  it('refuses a file that is no highlights export, or is not there, naming it', async () => {
    const notebook = join(tempDir(), 'notebook')
    const notes = join(tempDir(), 'notes.txt')
    await writeFile(notes, 'Some notes of mine, not an export.\n')
    const unknown = await runCli(notebook, 'import-highlights', notes)
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/notes\.txt: not a highlights file/)
    const absent = await runCli(notebook, 'import-highlights', join(tempDir(), 'gone.json'))
    expect(absent.code).toBe(1)
    expect(absent.stderr).toContain('gone.json: cannot be read: no such file.')
    const badFormat = await runCli(notebook, 'import-highlights', notes, '--format', 'evernote')
    expect(badFormat.code).toBe(1)
    expect(badFormat.stderr).toMatch(/expected one of: hypothesis, w3c, kindle, readwise/)
  })
})
