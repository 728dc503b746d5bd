// "Keep old wording": the writer's decision is stored with the citation, outlasts a reopening,
// lets the export through with a note, survives export and import, and holds for one version only.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  citationBlock,
  inlineCitation,
  paragraph,
  stateOf,
  text,
} from '../../../test/essay-support'
import { fixtureNames, fixturePath, useTempDir } from '../../../test/support'
import { citationsIn, type KeptWording, type SerializedEditorStateJson } from '../../shared/essay'
import { openCommonplace, type Commonplace } from './commonplace'
import { KEPT_INLINE_NOTE } from './export/export-essay'

const tempDir = useTempDir()

const hypocrisy = 'I hate the hypocrisy in our society'
const reworded = 'I really hate the hypocrisy in this society'
const wildFilm = 'it’s a pretty wild film'

/** The interview, two clippings cited in one essay, then an update that rewords one of them. */
async function rewordedLibrary() {
  const app = await openCommonplace(join(tempDir(), 'notebook'))
  const [source] = (await app.sources.importFiles([fixturePath(fixtureNames.bakerTxt)])).imported
  if (!source) throw new Error('the interview did not import')
  const changed = await app.clippings.createFromQuote({ sourceId: source.id, quote: hypocrisy })
  const moved = await app.clippings.createFromQuote({ sourceId: source.id, quote: wildFilm })
  const essay = await app.essays.create('Hypocrisy')
  await app.essays.save(
    essay.id,
    stateOf(
      citationBlock(changed, source),
      paragraph(text('He says so'), inlineCitation(changed, source), text('.')),
      citationBlock(moved, source),
    ),
  )
  const original = await readFile(fixturePath(fixtureNames.bakerTxt), 'utf8')
  const newer = join(tempDir(), 'baker-v2.txt')
  await writeFile(newer, `A correction.\n\n${original.replace(hypocrisy, reworded)}`)
  const { versionHash } = await app.sources.reimport(source.id, newer)
  return { app, source, essay, changed, versionHash, original }
}

/** The writer keeps the old wording of `clippingId` in the essay (what the editor saves). */
async function keep(app: Commonplace, essayId: string, clippingId: string, versionHash: string) {
  const state = structuredClone((await app.essays.get(essayId)).editorState)
  const decision: KeptWording = { versionHash, keptAt: '2026-12-02T10:00:00.000Z' }
  for (const citation of citationsIn(state)) {
    if (citation.clippingId === clippingId) citation.keptWording = decision
  }
  await app.essays.save(essayId, state)
}

function keptOf(state: SerializedEditorStateJson): (KeptWording | undefined)[] {
  return citationsIn(state).map((citation) => citation.keptWording)
}

describe('keeping the old wording of a changed passage', () => {
  it('is stored, read back after reopening, and lets the export through with a note', async () => {
    const { app, essay, changed, versionHash } = await rewordedLibrary()
    const blocked = await app.exports.gate({
      essayId: essay.id,
      format: 'gfm',
      allowUnverified: false,
    })
    expect(blocked.status).toBe('blocked')

    await keep(app, essay.id, changed.id, versionHash)
    const reopened = await openCommonplace(join(tempDir(), 'notebook'))
    const checks = await reopened.exports.verify(essay.id)
    expect(checks.map((check) => check.state)).toEqual(['kept', 'kept', 'moved'])
    expect(checks[0]).toMatchObject({ quote: hypocrisy, current: reworded, versionHash })

    const gate = await reopened.exports.gate({
      essayId: essay.id,
      format: 'gfm',
      allowUnverified: false,
    })
    if (gate.status !== 'ready') throw new Error('the gate stopped a kept wording')
    expect(gate.unverified).toEqual([])
    expect(gate.kept.map((check) => check.quote)).toEqual([hypocrisy, hypocrisy])
    expect(gate.markdown).toContain(`> ${hypocrisy}[^1]`)
    expect(gate.markdown).toContain(
      `*Wording kept from an earlier version of the source, by the writer’s choice. The updated source reads: “${reworded}”*`,
    )
    expect(gate.markdown).toContain(KEPT_INLINE_NOTE)
    expect(gate.markdown).not.toContain('Unverified')
  })

  it('survives export and import, in GFM and in Pandoc, byte for byte', async () => {
    const { app, essay, changed, versionHash } = await rewordedLibrary()
    await keep(app, essay.id, changed.id, versionHash)
    for (const format of ['gfm', 'pandoc'] as const) {
      const first = await app.exports.render(essay.id, format)
      const file = join(tempDir(), `kept-${format}.md`)
      await writeFile(file, first.markdown)
      const imported = await app.exports.importMarkdownFile(file)
      expect(keptOf(imported.editorState)).toEqual(
        keptOf((await app.essays.get(essay.id)).editorState),
      )
      expect((await app.exports.render(imported.id, format)).markdown).toBe(first.markdown)
    }
  })

  it('holds for that version only: a later update asks again; accepting clears it', async () => {
    const { app, source, essay, changed, versionHash, original } = await rewordedLibrary()
    await keep(app, essay.id, changed.id, versionHash)
    const third = join(tempDir(), 'baker-v3.txt')
    await writeFile(
      third,
      `A correction.\n\n${original.replace(hypocrisy, 'I truly hate the hypocrisy in this society')}`,
    )
    await app.sources.reimport(source.id, third)
    const states = (await app.exports.verify(essay.id)).map((check) => check.state)
    expect(states).toEqual(['changed', 'changed', 'moved'])

    await app.clippings.acceptChange(changed.id)
    const accepted = (await app.essays.get(essay.id)).editorState
    expect(keptOf(accepted)).toEqual([undefined, undefined, undefined])
    expect(citationsIn(accepted)[0]?.snapshot.exact).toBe(
      'I truly hate the hypocrisy in this society',
    )
    expect((await app.exports.verify(essay.id)).map((check) => check.state)).toEqual([
      'verified',
      'verified',
      'moved',
    ])
  })

  it('from the clipping card: the clipping and every citation of it keep the old wording', async () => {
    const { app, essay, changed, versionHash } = await rewordedLibrary()
    const kept = await app.clippings.keepWording(changed.id)
    expect(kept.keptWording?.versionHash).toBe(versionHash)
    expect(kept.target[0].exact).toBe(hypocrisy)
    expect(kept.anchor).toMatchObject({ state: 'changed', exact: reworded })
    expect((await app.exports.verify(essay.id)).map((check) => check.state)).toEqual([
      'kept',
      'kept',
      'moved',
    ])
    // Accepting afterwards clears the decision on the clipping too.
    const accepted = await app.clippings.acceptChange(changed.id)
    expect(accepted.keptWording).toBeUndefined()
    expect(accepted.target[0].exact).toBe(reworded)
  })
})
