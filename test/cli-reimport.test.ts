// Updating a source from the terminal: a reworded passage comes back as whole words, and every
// listing says where each clipping's passage stands in the newest version.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ClippingView, SourceSummary } from '../src/shared/domain'
import type { ReimportReport } from '../src/main/core/sources'
import { openCommonplace } from '../src/main/core/commonplace'
import { ensureBuilt, runCli } from './cli-support'
import { citationBlock, stateOf } from './essay-support'
import { fixtureNames, fixturePath, useTempDir } from './support'

const tempDir = useTempDir()

async function json<T>(...args: string[]): Promise<T> {
  const run = await runCli(join(tempDir(), 'notebook'), ...args, '--json')
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  return JSON.parse(run.stdout) as T
}

beforeAll(ensureBuilt)

describe('commonplace reimport', { timeout: 60_000 }, () => {
  it('proposes a reworded passage as whole words, and clippings --json carries each state', async () => {
    const {
      imported: [source],
    } = await json<{ imported: SourceSummary[] }>('import', fixturePath(fixtureNames.bakerTxt))
    if (!source) throw new Error('the interview did not import')
    const reworded = await json<ClippingView>(
      'clip',
      source.id,
      '--quote',
      'I hate the hypocrisy in our society',
    )
    const kept = await json<ClippingView>('clip', source.id, '--quote', 'it’s a pretty wild film')
    const cut = await json<ClippingView>(
      'clip',
      source.id,
      '--quote',
      'Red Rocket is a fascinating look',
    )

    const original = await readFile(fixturePath(fixtureNames.bakerTxt), 'utf8')
    const edited = join(tempDir(), 'baker-edited.txt')
    await writeFile(
      edited,
      `A correction was added at the top.\n\n${original}`
        .replace(
          'I hate the hypocrisy in our society',
          'I really hate the hypocrisy in this society',
        )
        .replace(/Sean Baker’s new film Red Rocket is a fascinating look[^.]*\./, 'Cut.'),
    )

    const report = await json<ReimportReport>('reimport', source.id, edited)
    const anchorOf = (id: string): ReimportReport['anchors'][number] | undefined =>
      report.anchors.find((anchor) => anchor.clippingId === id)
    expect(anchorOf(reworded.id)).toMatchObject({
      state: 'changed',
      exact: 'I really hate the hypocrisy in this society',
    })
    expect(anchorOf(kept.id)).toMatchObject({ state: 'moved', exact: 'it’s a pretty wild film' })
    expect(anchorOf(cut.id)).toMatchObject({ state: 'missing' })
    expect(report.counts).toEqual({ verified: 0, moved: 1, changed: 1, missing: 1 })

    // A later listing, in a new process, says the same without re-importing.
    const listed = await json<ClippingView[]>('clippings')
    const stateOf = (id: string): ClippingView['anchor'] | undefined =>
      listed.find((clipping) => clipping.id === id)?.anchor
    expect(stateOf(reworded.id)).toMatchObject({
      state: 'changed',
      exact: 'I really hate the hypocrisy in this society',
    })
    expect(stateOf(kept.id)?.state).toBe('moved')
    expect(stateOf(cut.id)?.state).toBe('missing')

    const text = await runCli(join(tempDir(), 'notebook'), 'clippings')
    expect(text.stdout).toContain(
      'changed in the updated source, which now reads “I really hate the hypocrisy in this society”',
    )
    expect(text.stdout).toContain('missing from the updated source')
  })
})

describe('commonplace export of a kept wording', { timeout: 60_000 }, () => {
  it('writes the file with a note, lists the quote on stderr, and verify does not fail', async () => {
    const notebook = join(tempDir(), 'notebook')
    const app = await openCommonplace(notebook)
    const [source] = (await app.sources.importFiles([fixturePath(fixtureNames.bakerTxt)])).imported
    if (!source) throw new Error('the interview did not import')
    const clipping = await app.clippings.createFromQuote({
      sourceId: source.id,
      quote: 'I hate the hypocrisy in our society',
    })
    const original = await readFile(fixturePath(fixtureNames.bakerTxt), 'utf8')
    const edited = join(tempDir(), 'baker-edited.txt')
    await writeFile(edited, original.replace('in our society', 'in this society'))
    const { versionHash } = await app.sources.reimport(source.id, edited)
    const essay = await app.essays.create('Kept')
    const block = citationBlock(clipping, source)
    await app.essays.save(
      essay.id,
      stateOf({ ...block, keptWording: { versionHash, keptAt: '2026-12-02T10:00:00.000Z' } }),
    )

    const out = join(tempDir(), 'kept.md')
    const run = await runCli(notebook, 'export', essay.id, '-o', out)
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('note: 1 quote keeps the wording clipped, as the writer chose')
    expect(run.stderr).toContain('the source there reads: “I hate the hypocrisy in this society”')
    expect(await readFile(out, 'utf8')).toContain('Wording kept from an earlier version')

    const verify = await runCli(notebook, 'verify', essay.id)
    expect(verify.code).toBe(0)
    expect(verify.stdout).toContain('0 of 1 citation verified (1 kept).')
  })
})
