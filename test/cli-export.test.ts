// `commonplace essays | export | bib | verify | import-essay` as a user runs them: the built CLI in
// its own process, on a notebook seeded in-process with essays that cite both article fixtures.
import { existsSync } from 'node:fs'
import { open, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  citationsIn,
  type CitationCheck,
  type EssaySummary,
  type SerializedNodeJson,
} from '../src/shared/essay'
import { openCommonplace } from '../src/main/core/commonplace'
import { catalogDocName } from '../src/main/core/sync/doc-names'
import { PersistedDoc } from '../src/main/core/sync/persisted-doc'
import { syncDocsDir, writeSyncConfig } from '../src/main/core/sync/sync-config'
import { quoted } from '../src/shared/quoted'
import { ensureBuilt, runCli } from './cli-support'
import { editEssayFile, quotes, seedEssay, seedLibrary, type Library } from './essay-support'
import { useTempDir } from './support'

const tempDir = useTempDir()
const notebook = () => join(tempDir(), 'notebook')
const commonplace = (...args: string[]) => runCli(notebook(), ...args)

/** A notebook with the two articles, clippings and one essay citing them (see seedEssay). */
async function seeded(): Promise<{ essay: EssaySummary; library: Library }> {
  const app = await openCommonplace(notebook())
  const library = await seedLibrary(app)
  const essay = await seedEssay(app, library)
  return { essay, library }
}

/** The same export, rendered in-process on the notebook as it now is on disk. */
async function renderInProcess(essayId: string, format: 'gfm' | 'pandoc') {
  return (await openCommonplace(notebook())).exports.render(essayId, format)
}

beforeAll(ensureBuilt)

describe('commonplace essays and export', { timeout: 60_000 }, () => {
  it('documents the essay commands and the exit codes in --help', async () => {
    const run = await commonplace('--help')
    expect(run.code).toBe(0)
    for (const command of ['essays', 'restore-essay', 'export', 'bib', 'verify', 'import-essay'])
      expect(run.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'))
    expect(run.stdout).toMatch(/Exit codes:.*\n.*2 an export stopped/)
    const exportHelp = await commonplace('export', '--help')
    for (const option of ['--output', '--format', '--allow-unverified', 'pandoc'])
      expect(exportHelp.stdout).toContain(option)
  })

  it('lists essays with id, title and when they were last edited', async () => {
    const { essay } = await seeded()
    const run = await commonplace('essays', '--json')
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toEqual([
      {
        id: essay.id,
        title: 'On Baker’s films',
        createdAt: essay.createdAt,
        updatedAt: expect.any(String),
      },
    ])
    const text = await commonplace('essays')
    expect(text.stdout).toMatch(
      new RegExp(
        `^${essay.id}  On Baker’s films  \\(edited \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\)$`,
        'm',
      ),
    )
  })

  it('lists deleted essays and brings one back with its text, saying why when it cannot', async () => {
    const { essay } = await seeded()
    const app = await openCommonplace(notebook())
    const before = JSON.stringify((await app.essays.get(essay.id)).editorState)
    await app.essays.delete(essay.id)

    expect((await commonplace('essays')).stdout).toBe('No essays yet.\n')
    const listed = await commonplace('essays', '--deleted')
    expect(listed.stdout).toMatch(
      new RegExp(
        `^${essay.id}  On Baker’s films  \\(deleted \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\)$`,
        'm',
      ),
    )

    const restored = await commonplace('restore-essay', essay.id)
    expect(restored.code).toBe(0)
    expect(restored.stdout).toBe(`restored ${essay.id}  On Baker’s films\n`)
    expect((await commonplace('essays', '--deleted')).stdout).toBe('No deleted essays.\n')
    expect(
      JSON.stringify((await (await openCommonplace(notebook())).essays.get(essay.id)).editorState),
    ).toBe(before)

    const again = await commonplace('restore-essay', essay.id)
    expect(again.code).not.toBe(0)
    expect(again.stderr).toContain(
      `No deleted essay "${essay.id}" (see: commonplace essays --deleted).`,
    )
  })

  for (const format of ['gfm', 'pandoc'] as const) {
    it(`${format}: stdout, -o file and the app's own render are the same bytes`, async () => {
      const { essay } = await seeded()
      const path = join(tempDir(), `essay-${format}.md`)
      const [toStdout, toFile] = await Promise.all([
        commonplace('export', essay.id, '--format', format),
        commonplace('export', essay.id, '--format', format, '-o', path),
      ])
      expect([toStdout.code, toFile.code]).toEqual([0, 0])
      expect(toStdout.stderr + toFile.stderr).toBe('')
      expect(toFile.stdout).toBe(`wrote ${path}\n`)
      const written = await readFile(path, 'utf8')
      expect(toStdout.stdout).toBe(written)
      expect(written).toBe((await renderInProcess(essay.id, format)).markdown)
      expect(written).toContain(format === 'gfm' ? `> ${quotes.people}[^1]` : '[@afp2025sex]')
    })
  }

  it('stops an export whose quote cannot be verified (exit 2), unless --allow-unverified', async () => {
    const { essay, library } = await seeded()
    await (await openCommonplace(notebook())).clippings.delete(library.sean.id)
    const path = join(tempDir(), 'essay.md')

    for (const args of [['-o', path], []]) {
      const stopped = await commonplace('export', essay.id, ...args)
      expect(stopped.code).toBe(2)
      expect(stopped.stdout).toBe('')
      expect(stopped.stderr).toContain('not exported: 1 quote could not be verified')
      // The quote carries its own quote marks: shown in them, not in doubled ones.
      expect(stopped.stderr).toContain(`  missing: ${quotes.sean}\n`)
      expect(stopped.stderr).toContain('Its clipping was deleted; the quote cannot be checked.')
      expect(stopped.stderr).toContain('--allow-unverified')
      expect(existsSync(path)).toBe(false)
    }

    const allowed = await commonplace('export', essay.id, '-o', path, '--allow-unverified')
    expect(allowed.code).toBe(0)
    expect(allowed.stderr).toMatch(/^warning: 1 quote could not be verified/)
    const written = await readFile(path, 'utf8')
    expect(written).toBe((await renderInProcess(essay.id, 'gfm')).markdown)
    expect(written).toContain(`> ${quotes.sean}[^`)
    expect(written).toContain('*Unverified quote (missing): Its clipping was deleted')
  })

  it('exports the bibliography as CSL-JSON or BibTeX, to stdout or a file', async () => {
    await seeded()
    const csl = await commonplace('bib')
    expect(csl.code).toBe(0)
    const items = JSON.parse(csl.stdout) as { id: string; title: string; URL: string }[]
    expect(items.map((item) => item.id)).toEqual(['cinemablend2021sean', 'afp2025sex'])
    for (const item of items) expect(item.URL).toMatch(/^https:\/\/example\.org\//)

    const path = join(tempDir(), 'library.bib')
    const [bibtex, toFile] = await Promise.all([
      commonplace('bib', '--format', 'bibtex'),
      commonplace('bib', '--format', 'bibtex', '-o', path),
    ])
    expect(bibtex.stdout).toMatch(/^@online\{cinemablend2021sean,$/m)
    expect(bibtex.stdout).toMatch(/^@online\{afp2025sex,$/m)
    expect(toFile.code).toBe(0)
    expect(await readFile(path, 'utf8')).toBe(bibtex.stdout)

    const wrong = await commonplace('bib', '--format', 'ris')
    expect(wrong.code).not.toBe(0)
    expect(wrong.stderr).toMatch(/csl-json, bibtex|Allowed choices/)
  })

  it('verifies every citation, exiting 1 when one is not verified', async () => {
    const { essay, library } = await seeded()
    const good = await commonplace('verify', '--json')
    expect(good.code).toBe(0)
    const checks = JSON.parse(good.stdout) as CitationCheck[]
    expect(checks).toHaveLength(6)
    expect(checks.every((check) => check.state === 'verified' && check.essayId === essay.id)).toBe(
      true,
    )
    expect((await commonplace('verify')).stdout).toContain('6 of 6 citations verified.')

    await (await openCommonplace(notebook())).clippings.delete(library.people.id)
    const bad = await commonplace('verify', '--json')
    expect(bad.code).toBe(1)
    const states = (JSON.parse(bad.stdout) as CitationCheck[]).map((check) => check.state)
    expect(states).toEqual(['missing', 'verified', 'verified', 'verified', 'verified', 'verified'])
    const text = await commonplace('verify', essay.id)
    expect(text.code).toBe(1)
    expect(text.stdout).toContain(`missing   “${quotes.people}”`)
    expect(text.stdout).toContain('5 of 6 citations verified (1 missing).')
  })

  it('verify reports a citation that cannot be read, and goes on with every other', async () => {
    const { essay, library } = await seeded()
    const second = await seedEssay(await openCommonplace(notebook()), library, 'Second essay')
    // Saved by an older version, or edited by hand: the fourth citation has no snapshot.
    await editEssayFile(notebook(), essay.id, (state) => {
      delete (citationsIn(state)[3] as SerializedNodeJson).snapshot
    })
    const problem = 'Citation 4 in “On Baker’s films” cannot be read: its quote is missing.'

    const json = await commonplace('verify', '--json')
    expect([json.code, json.stderr]).toEqual([1, ''])
    const checks = JSON.parse(json.stdout) as CitationCheck[]
    const statesOf = (id: string) =>
      checks.filter((check) => check.essayId === id).map((check) => check.state)
    expect(statesOf(essay.id)).toEqual([
      ...Array(3).fill('verified'),
      'unreadable',
      ...Array(2).fill('verified'),
    ])
    expect(statesOf(second.id)).toEqual(Array(6).fill('verified'))
    expect(checks.find((check) => check.state === 'unreadable')).toMatchObject({
      essayId: essay.id,
      position: 4,
      message: problem,
    })

    const text = await commonplace('verify')
    expect(text.code).toBe(1)
    expect(text.stderr).toBe('')
    expect(text.stdout).toContain(
      `  unreadable  (no quote)  (${library.spanning.id})\n            ${problem}\n`,
    )
    expect(text.stdout).toContain('11 of 12 citations verified (1 unreadable).')

    const stopped = await commonplace('export', essay.id)
    expect([stopped.code, stopped.stdout]).toEqual([2, ''])
    expect(stopped.stderr).toContain(`  unreadable: (no quote)\n    ${problem}\n`)
    const allowed = await commonplace('export', essay.id, '--allow-unverified')
    expect(allowed.code).toBe(0)
    expect(allowed.stdout).toContain(
      '*Unreadable citation. Citation 4 cannot be read: its quote is missing.*',
    )
    expect(allowed.stdout).toContain(`> ${quotes.sean}[^`)
    expect((await commonplace('export', second.id)).code).toBe(0)
    for (const run of [json, text, stopped, allowed])
      expect(run.stderr).not.toMatch(/went wrong|Cannot read properties|\n\s+at /)
  })

  for (const format of ['gfm', 'pandoc', 'obsidian'] as const) {
    it(`${format}: import-essay of an export, exported again, gives the same bytes`, async () => {
      const { essay } = await seeded()
      const path = join(tempDir(), 'exported.md')
      expect((await commonplace('export', essay.id, '--format', format, '-o', path)).code).toBe(0)

      const imported = await commonplace('import-essay', path)
      expect(imported.code).toBe(0)
      const id = imported.stdout.trim()
      expect(id).toMatch(/^e-/)
      expect(id).not.toBe(essay.id)
      const again = await commonplace('export', id, '--format', format)
      expect(again.code).toBe(0)
      expect(again.stdout).toBe(await readFile(path, 'utf8'))

      const essays = JSON.parse((await commonplace('essays', '--json')).stdout) as EssaySummary[]
      expect(essays.map((summary) => summary.title)).toEqual([
        'On Baker’s films',
        'On Baker’s films',
      ])
    })
  }

  it('imports an essay only from a Markdown file of at most 5 MB, saying why not', async () => {
    const passwd = await commonplace('import-essay', '/etc/passwd')
    expect(passwd.code).toBe(1)
    expect(passwd.stderr).toContain(
      'passwd: Commonplace imports essays from Markdown files (.md or .markdown) only.',
    )
    const huge = join(tempDir(), 'huge.md')
    await writeFile(huge, '# Huge\n')
    const handle = await open(huge, 'r+')
    await handle.truncate(30 * 1024 * 1024)
    await handle.close()
    const tooBig = await commonplace('import-essay', huge)
    expect(tooBig.code).toBe(1)
    expect(tooBig.stderr).toContain('huge.md: is 30 MB; the limit is 5 MB.')
    for (const run of [passwd, tooBig]) expect(run.stderr).not.toMatch(/unexpected error|\n\s+at /)
    expect(JSON.parse((await commonplace('essays', '--json')).stdout)).toEqual([])
  })

  it('says plainly what is wrong: an unknown essay, a folder that does not exist', async () => {
    const { essay } = await seeded()
    const unknown = await commonplace('export', 'e-nope')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('The essay "e-nope" does not exist')
    const nowhere = join(tempDir(), 'no', 'such', 'dir', 'essay.md')
    const unwritable = await commonplace('export', essay.id, '-o', nowhere)
    expect(unwritable.code).toBe(1)
    expect(unwritable.stderr).toContain(
      `${nowhere} could not be written: its folder does not exist.`,
    )
    const missing = await commonplace('import-essay', join(tempDir(), 'absent.md'))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain(`${join(tempDir(), 'absent.md')}: file not found.`)
    for (const run of [unknown, unwritable, missing])
      expect(run.stderr).not.toMatch(/unexpected error|\n\s+at /)
  })
})

describe('commonplace verify in a synced notebook', { timeout: 60_000 }, () => {
  it('calls a citation whose clipping sync has not brought here yet waiting, not missing', async () => {
    const { essay, library } = await seeded()
    // The essay cites a clipping made on another device, which this store has never had…
    const elsewhere = 'c-fromlaptop1'
    await editEssayFile(notebook(), essay.id, (state) => {
      const citation = citationsIn(state).find((node) => node.clippingId === library.sean.id)
      if (citation) citation.clippingId = elsewhere
    })
    const missing = await commonplace('verify', essay.id)
    expect(missing.stdout).toContain(`missing   ${quoted(quotes.sean)}`)

    // …and the notebook syncs, its catalog on disk holding that clipping, on its way here.
    await writeSyncConfig(notebook(), {
      server: 'ws://127.0.0.1:9',
      notebook: 'shared',
      token: 't',
    })
    const catalog = await PersistedDoc.open(syncDocsDir(notebook()), catalogDocName('shared'))
    const record = new Y.Map<unknown>()
    record.set('sourceId', library.sean.sourceId)
    catalog.doc.getMap('clippings').set(elsewhere, record)
    await catalog.close()

    const text = await commonplace('verify', essay.id)
    expect(text.code).toBe(1)
    expect(text.stdout).toContain(`waiting   ${quoted(quotes.sean)}`)
    expect(text.stdout).toContain('sync has not brought it here yet')
    expect(text.stdout).toContain('5 of 6 citations verified (1 waiting).')
    const stopped = await commonplace('export', essay.id)
    expect(stopped.code).toBe(2)
    expect(stopped.stderr).toContain(`  waiting: ${quoted(quotes.sean)}\n`)
    const allowed = await commonplace('export', essay.id, '--allow-unverified')
    expect(allowed.stdout).toContain('*Unverified quote (waiting)')
  })
})
