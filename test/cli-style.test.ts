// `commonplace export --style`: the built CLI, in its own process, finds the shipped styles from
// out/main and formats the GFM export in them; a style Pandoc should apply is refused.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { openCommonplace } from '../src/main/core/commonplace'
import { ensureBuilt, runCli } from './cli-support'
import { citationBlock, stateOf } from './essay-support'
import { createLaidOutSource } from './laid-out-sources'
import { repoDir, useTempDir } from './support'

const tempDir = useTempDir()
const notebook = () => join(tempDir(), 'notebook')
const commonplace = (...args: string[]) => runCli(notebook(), ...args)

/** An essay citing a report twice at p. 12: Chicago's full note, then its short one. */
async function seeded(): Promise<string> {
  const app = await openCommonplace(notebook())
  const report = await createLaidOutSource(
    app.store,
    [{ label: '12', text: 'The silt returned within a year.' }],
    {
      title: 'Harbour Dredging Review',
      author: 'Ada Marsh',
      publisher: 'Port Authority',
      publishedAt: '2019-03-01',
    },
  )
  const silt = await app.clippings.createFromQuote({
    sourceId: report.id,
    quote: 'The silt returned within a year.',
  })
  const essay = await app.essays.create('Silt')
  const cite = citationBlock(silt, report, 'p. 12')
  await app.essays.save(essay.id, stateOf(cite, cite))
  return essay.id
}

beforeAll(ensureBuilt)

describe('commonplace export --style', { timeout: 60_000 }, () => {
  it('documents --style in export --help', async () => {
    const run = await commonplace('export', '--help')
    expect(run.stdout).toContain('--style <style>')
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('chicago-notes-bibliography, apa, mla')
  })

  it('formats footnotes and References in Chicago, by name or by a .csl path', async () => {
    const essayId = await seeded()
    const run = await commonplace('export', essayId, '--style', 'chicago-note-bibliography')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      '[^1]: Ada Marsh, *Harbour Dredging Review* (Port Authority, 2019), 12.\n' +
        '[^2]: Marsh, *Harbour Dredging Review*, 12.',
    )
    expect(run.stdout).toContain(
      '## References\n\n- Marsh, Ada. *Harbour Dredging Review*. Port Authority, 2019.\n',
    )
    const apa = join(repoDir, 'resources', 'csl', 'apa.csl')
    const byPath = await commonplace('export', essayId, '--style', apa)
    expect(byPath.code).toBe(0)
    expect(byPath.stdout).toContain('> The silt returned within a year. (Marsh, 2019, p. 12)')
  })

  it('refuses --style with --format pandoc, and a file that is not a style, naming it', async () => {
    const essayId = await seeded()
    const pandoc = await commonplace('export', essayId, '--format', 'pandoc', '--style', 'apa')
    expect(pandoc.code).not.toBe(0)
    expect(pandoc.stdout).toBe('')
    expect(pandoc.stderr).toContain('--style applies to --format gfm only')
    const bad = join(tempDir(), 'style.csl')
    await writeFile(bad, '<html><body>not a style</body></html>')
    const run = await commonplace('export', essayId, '--style', bad)
    expect(run.code).not.toBe(0)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(
      `${bad} is not a CSL style: its root element is <html>, not <style>.`,
    )
  })
})
