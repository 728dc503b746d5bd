import { cp, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureNames, fixturePath, rejection, sampleDir, useTempDir } from '../../../test/support'
import { CITATION_BLOCK_TYPE } from '../../shared/essay'
import { openCommonplace } from './commonplace'
import { openSampleNotebook, SAMPLE_MANIFEST } from './sample-notebook'

const tempDir = useTempDir()

describe('the sample notebook', () => {
  it('is a short article of our own, its clippings and an essay whose citations all verify', async () => {
    const app = await openCommonplace(join(tempDir(), 'notebook'))
    const report = await openSampleNotebook(app, sampleDir)

    expect(report.source.title).toBe('A short history of the commonplace book')
    const detail = await app.sources.get(report.source.id)
    const words = detail.version.text.split(/\s+/).filter(Boolean).length
    expect(words).toBeGreaterThanOrEqual(400)
    expect(words).toBeLessThanOrEqual(800)

    const clippings = await app.clippings.list({ sourceId: report.source.id })
    expect(clippings).toHaveLength(report.clippings)
    expect(report.clippings).toBeGreaterThanOrEqual(3)
    expect(report.clippings).toBeLessThanOrEqual(5)
    // Each one is a selector on the text itself: its offsets hold exactly its words.
    for (const clipping of clippings) {
      const [quote, position] = clipping.target
      expect(detail.version.text.slice(position.start, position.end)).toBe(quote.exact)
    }

    const cited = report.essay.editorState.root.children?.filter(
      (node) => node.type === CITATION_BLOCK_TYPE,
    )
    expect(cited?.length).toBeGreaterThanOrEqual(3)
    const checks = await app.exports.verify(report.essay.id)
    expect(checks).toHaveLength(cited?.length ?? 0)
    expect(checks.map((check) => check.state)).toEqual(checks.map(() => 'verified'))
    // And so it exports without a single problem.
    const gate = await app.exports.gate({
      essayId: report.essay.id,
      format: 'gfm',
      allowUnverified: false,
    })
    expect(gate.status).toBe('ready')
  })

  it('refuses a notebook that holds anything, and changes nothing in it', async () => {
    const app = await openCommonplace(join(tempDir(), 'notebook'))
    await app.sources.importFiles([fixturePath(fixtureNames.bakerTxt)])
    const error = await rejection(openSampleNotebook(app, sampleDir))
    expect(error.message).toBe(
      'The sample notebook opens only in an empty notebook, and this one already has 1 source. ' +
        'Nothing was changed.',
    )
    expect(await app.sources.list()).toHaveLength(1)
    expect(await app.essays.list()).toEqual([])
  })

  it('opens once: a second time is refused, and nothing is added twice', async () => {
    const app = await openCommonplace(join(tempDir(), 'notebook'))
    await openSampleNotebook(app, sampleDir)
    const error = await rejection(openSampleNotebook(app, sampleDir))
    expect(error.message).toContain('already has 1 source and 1 essay')
    expect(await app.sources.list()).toHaveLength(1)
    expect(await app.essays.list()).toHaveLength(1)
  })

  it('says so when the sample is missing or its manifest is damaged', async () => {
    const app = await openCommonplace(join(tempDir(), 'notebook'))
    const missing = await rejection(openSampleNotebook(app, join(tempDir(), 'nowhere')))
    expect(missing.message).toMatch(/^The sample notebook is missing from this installation/)

    const damaged = join(tempDir(), 'sample')
    await cp(sampleDir, damaged, { recursive: true })
    const manifest = JSON.parse(await readFile(join(damaged, SAMPLE_MANIFEST), 'utf8'))
    manifest.article = '../../etc/passwd'
    await writeFile(join(damaged, SAMPLE_MANIFEST), JSON.stringify(manifest))
    const refused = await rejection(openSampleNotebook(app, damaged))
    expect(refused.message).toContain('is not valid: article')
    expect(await app.sources.list()).toEqual([])
  })
})
