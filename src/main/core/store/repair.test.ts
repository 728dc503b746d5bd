import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { stateOf } from '../../../../test/essay-support'
import { fixtureNames, fixturePath, useTempDir } from '../../../../test/support'
import { openCommonplace } from '../commonplace'
import { NotebookSession } from '../notebook-session'
import { sha256 } from '../ids'

const tempDir = useTempDir()
const notebook = (): string => join(tempDir(), 'notebook')

describe('repair', () => {
  it('rebuilds a damaged index from the files, keeping the damaged one aside', async () => {
    const app = await openCommonplace(notebook())
    const report = await app.sources.importFiles([
      fixturePath(fixtureNames.bakerTxt),
      fixturePath(fixtureNames.anoraTxt),
    ])
    await app.sources.updateMetadata(report.imported[0]?.id ?? '', { title: 'Edited title' })
    const essay = await app.essays.create('Kept essay')
    await writeFile(join(notebook(), 'library.json'), '{"schemaVersion": 2, "sour')
    // Left by a write that was killed.
    await writeFile(join(notebook(), 'sources', 'x.json.4242.tmp'), '{')

    const session = await NotebookSession.open(notebook())
    expect(session.status()).toMatchObject({ state: 'refused' })
    const summary = await session.repair()
    expect(summary).toMatchObject({ adoptedSources: 2, adoptedEssays: 1, droppedEntries: 0 })
    expect(summary.keptAside).toBeNull() // opening had already set it aside
    const aside = (await readdir(notebook())).filter((name) => name.includes('.damaged-'))
    expect(aside).toHaveLength(1)
    expect(await readFile(join(notebook(), aside[0] ?? ''), 'utf8')).toBe(
      '{"schemaVersion": 2, "sour',
    )
    expect(session.status().state).toBe('open')
    const titles = (await session.commonplace.sources.list()).map((source) => source.title)
    expect(titles).toContain('Edited title')
    expect((await session.commonplace.essays.list()).map((summary) => summary.id)).toEqual([
      essay.id,
    ])
    expect(await readdir(join(notebook(), 'sources'))).not.toContain('x.json.4242.tmp')
  })

  it('drops entries whose file is gone and lists files that validate, reporting the rest', async () => {
    const app = await openCommonplace(notebook())
    const [baker, anora] = (
      await app.sources.importFiles([
        fixturePath(fixtureNames.bakerTxt),
        fixturePath(fixtureNames.anoraTxt),
      ])
    ).imported
    await rm(join(notebook(), 'sources', `${baker?.id}.json`))
    const damaged = join(notebook(), 'sources', 's-damaged01.json')
    await writeFile(damaged, '[]')
    const summary = await (await NotebookSession.open(notebook())).repair()
    expect(summary).toMatchObject({ droppedEntries: 1, damagedFiles: [damaged] })
    const reopened = await openCommonplace(notebook())
    expect((await reopened.sources.list()).map((source) => source.id)).toEqual([anora?.id])
    expect(await readFile(damaged, 'utf8')).toBe('[]')
  })
})

describe('a notebook from schema 1', () => {
  it('is upgraded on opening: texts moved out, every clipping and citation kept, a backup first', async () => {
    const text = 'An old notebook’s only source.\n\nIts second paragraph.'
    const hash = sha256(text)
    const at = '2025-01-01T10:00:00.000Z'
    const entry = {
      id: 's-old0000001',
      kind: 'txt',
      importedAt: at,
      currentVersionHash: hash,
      title: 'Old',
    }
    const clipping = {
      id: 'c-old0000001',
      sourceId: entry.id,
      versionHash: hash,
      createdAt: at,
      updatedAt: at,
      note: '',
      tags: [],
      target: [
        {
          type: 'TextQuoteSelector',
          exact: 'only source',
          prefix: 'An old notebook’s ',
          suffix: '.',
        },
        { type: 'TextPositionSelector', start: 18, end: 29 },
      ],
    }
    const essay = { id: 'e-old0000001', title: 'Old essay', createdAt: at, updatedAt: at }
    const cited = stateOf({
      type: 'citation-block',
      version: 1,
      clippingId: clipping.id,
      sourceId: entry.id,
      snapshot: { exact: 'only source', title: 'Old' },
      locator: '',
      comment: '',
    })
    await mkdir(join(notebook(), 'sources'), { recursive: true })
    await mkdir(join(notebook(), 'essays'), { recursive: true })
    const v1 = { schemaVersion: 1, sources: [entry], essays: [essay] }
    await writeFile(join(notebook(), 'library.json'), JSON.stringify(v1))
    await writeFile(
      join(notebook(), 'sources', `${entry.id}.json`),
      JSON.stringify({
        schemaVersion: 1,
        id: entry.id,
        versions: [{ hash, text, html: '<p>x</p>', importedAt: at, fileName: 'old.txt' }],
        clippings: [clipping],
      }),
    )
    await writeFile(
      join(notebook(), 'essays', `${essay.id}.json`),
      JSON.stringify({ schemaVersion: 1, id: essay.id, editorState: cited }),
    )

    const app = await openCommonplace(notebook())
    expect((await app.sources.list()).map((source) => source.title)).toEqual(['Old'])
    expect((await app.clippings.list()).map((view) => view.target[0].exact)).toEqual([
      'only source',
    ])
    expect((await app.sources.get(entry.id)).version.text).toBe(text)
    expect((await app.exports.verify()).map((check) => check.state)).toEqual(['verified'])
    const backups = await (await NotebookSession.open(notebook())).listBackups()
    expect(backups).toEqual([
      expect.objectContaining({ reason: 'before-upgrade', verified: false }),
    ])
    const upgraded = JSON.parse(
      await readFile(join(notebook(), 'sources', `${entry.id}.json`), 'utf8'),
    )
    expect(upgraded.schemaVersion).toBe(2)
    expect(upgraded.versions[0]).not.toHaveProperty('text')
  })
})
