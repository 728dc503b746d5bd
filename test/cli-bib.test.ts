// `commonplace import-bib`: a reference manager's export fills sources' details and keys.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { BibFileReport } from '../src/main/core/bibliography/bibliography-service'
import type { SourceSummary } from '../src/shared/domain'
import { openCommonplace } from '../src/main/core/commonplace'
import { ensureBuilt, runCli } from './cli-support'
import { fixtureNames, fixturePath, repoDir, useTempDir } from './support'

const tempDir = useTempDir()
const sample = (name: string): string => join(repoDir, 'test', 'bib', name)

beforeAll(ensureBuilt)

describe('commonplace import-bib', { timeout: 60_000 }, () => {
  it('names what it updated, matched, left unmatched and refused; bib then uses the keys', async () => {
    const notebook = join(tempDir(), 'notebook')
    const app = await openCommonplace(notebook)
    const { imported } = await app.sources.importFiles([
      fixturePath(fixtureNames.bakerHtml),
      fixturePath(fixtureNames.anoraHtml),
    ])
    const [baker, anora] = imported as [SourceSummary, SourceSummary]

    const run = await runCli(notebook, 'import-bib', sample('library.bib'))
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      'library.bib (BibTeX): 3 entries; 2 updated, 0 matched unchanged, 1 unmatched, 1 refused',
    )
    expect(run.stdout).toContain(
      `updated ${baker.id}  ${baker.title}  <- line 4 (@article{lindqvistSeanBakerWhy2021), by title: filled author, identifier; citation key lindqvistSeanBakerWhy2021`,
    )
    expect(run.stdout).toContain(`updated ${anora.id}`)
    expect(run.stdout).toContain('unmatched line 12 (@book{okafor_tangerine_2019)')
    expect(run.stderr).toContain(
      'refused: library.bib, line 21 (@misc{broken2020): is not valid BibTeX',
    )

    const again = await runCli(notebook, 'import-bib', sample('zotero.json'), '--json')
    expect(again.code).toBe(0)
    const report = JSON.parse(again.stdout) as BibFileReport
    expect(report.matched.map((match) => [match.source.id, match.by])).toEqual([
      [baker.id, 'url'],
      [anora.id, 'title'],
    ])
    expect(report.matched[1]?.differing).toEqual([
      { field: 'siteName', ours: 'AFP', theirs: 'Agence France-Presse' },
    ])

    const bib = await runCli(notebook, 'bib', '--format', 'bibtex')
    expect(bib.stdout).toContain('@online{lindqvistSeanBakerWhy2021,')
    expect(bib.stdout).toContain('@online{afpSexWorkersCheer2025,')
    // The app, open meanwhile, sees the filled author.
    await app.store.catchUp()
    expect((await app.sources.list())[0]?.author).toBe('Mara Lindqvist')
  })

  it('exits 1 when the file cannot be read or none of its entries can', async () => {
    const notebook = join(tempDir(), 'notebook')
    await openCommonplace(notebook)
    const missing = join(tempDir(), 'missing.ris')
    const gone = await runCli(notebook, 'import-bib', missing)
    expect(gone.code).toBe(1)
    expect(gone.stderr).toContain(`${missing}: file not found.`)

    const broken = join(tempDir(), 'broken.ris')
    await writeFile(broken, 'TY  - JOUR\nAU  - Nobody, Ann\nER  - \n')
    const none = await runCli(notebook, 'import-bib', broken)
    expect(none.code).toBe(1)
    expect(none.stderr).toContain(
      'broken.ris: no entry could be read (1 refused; line 1: it has no title).',
    )

    const help = await runCli(notebook, '--help')
    expect(help.stdout).toContain('import-bib')
  })
})
