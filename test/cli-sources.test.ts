// Deleting, restoring and purging a source from the terminal, and listing its versions.
import { access, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SourceVersionSummary } from '../src/shared/ipc'
import { openCommonplace } from '../src/main/core/commonplace'
import { ensureBuilt, runCli } from './cli-support'
import { citationBlock, stateOf } from './essay-support'
import { fixtureNames, fixturePath, useTempDir } from './support'

const tempDir = useTempDir()
const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  )

beforeAll(ensureBuilt)

describe('commonplace delete-source, restore-source, purge-sources', { timeout: 60_000 }, () => {
  it('deletes a cited source (verify fails), restores it (verify passes), then purges it', async () => {
    const notebook = join(tempDir(), 'notebook')
    const app = await openCommonplace(notebook)
    const [source] = (await app.sources.importFiles([fixturePath(fixtureNames.bakerTxt)])).imported
    if (!source) throw new Error('the interview did not import')
    const clipping = await app.clippings.createFromQuote({
      sourceId: source.id,
      quote: 'I hate the hypocrisy in our society',
    })
    const essay = await app.essays.create('Cites it')
    await app.essays.save(essay.id, stateOf(citationBlock(clipping, source)))

    const deleted = await runCli(notebook, 'delete-source', source.id)
    expect(deleted.code).toBe(0)
    expect(deleted.stdout).toContain(`undo: commonplace restore-source ${source.id}`)
    expect((await runCli(notebook, 'sources')).stdout).not.toContain(source.id)
    expect((await runCli(notebook, 'sources', '--deleted')).stdout).toContain(source.id)
    expect((await runCli(notebook, 'clippings')).stdout).toContain('No clippings.')
    const missing = await runCli(notebook, 'verify', essay.id)
    expect(missing.code).toBe(1)
    // The app, open meanwhile, learns it from the change feed.
    await app.store.catchUp()
    expect(await app.sources.list()).toEqual([])

    expect((await runCli(notebook, 'restore-source', source.id)).code).toBe(0)
    expect((await runCli(notebook, 'verify', essay.id)).code).toBe(0)
    expect((await runCli(notebook, 'clippings')).stdout).toContain(clipping.id)

    // Kept until purged; a recent deletion is not purged by default (30 days).
    expect((await runCli(notebook, 'delete-source', source.id)).code).toBe(0)
    expect((await runCli(notebook, 'purge-sources')).stdout).toContain('No deleted source')
    const purged = await runCli(notebook, 'purge-sources', '--older-than', '0')
    expect(purged.stdout).toContain(`purged 1 source(s): ${source.id}`)
    expect(await exists(join(notebook, 'sources', `${source.id}.json`))).toBe(false)
    expect(await exists(join(notebook, 'texts', `${source.currentVersionHash}.json`))).toBe(false)
    const gone = await runCli(notebook, 'restore-source', source.id)
    expect(gone.code).toBe(1)
    expect(gone.stderr).toContain(`The deleted source "${source.id}"`)
    expect((await runCli(notebook, 'verify', essay.id)).code).toBe(1)
  })

  it('lists a source’s versions with what changed', async () => {
    const notebook = join(tempDir(), 'notebook')
    const app = await openCommonplace(notebook)
    const [source] = (await app.sources.importFiles([fixturePath(fixtureNames.bakerTxt)])).imported
    if (!source) throw new Error('the interview did not import')
    const edited = join(tempDir(), 'baker-edited.txt')
    const original = await readFile(fixturePath(fixtureNames.bakerTxt), 'utf8')
    await writeFile(edited, `Zebras added.\n\n${original}`)
    await app.sources.reimport(source.id, edited)
    const run = await runCli(notebook, 'versions', source.id, '--json')
    expect(run.code).toBe(0)
    const versions = JSON.parse(run.stdout) as SourceVersionSummary[]
    expect(versions.map((version) => version.fileName)).toEqual([
      'baker-edited.txt',
      fixtureNames.bakerTxt,
    ])
    expect(versions[0]?.change).toMatchObject({ wordsAdded: 2, wordsRemoved: 0 })
    expect((await runCli(notebook, 'versions', source.id)).stdout).toContain('(newest)')
  })
})
