// A source's own citation key (from Zotero / Better BibTeX) in every export that names sources.
import { describe, expect, it } from 'vitest'
import { seedEssay, seedLibrary } from '../../../../test/essay-support'
import { useTempDir } from '../../../../test/support'
import { openCommonplace } from '../commonplace'
import { citationKeys, type ReferenceSource } from './references'

const tempDir = useTempDir()

const source = (id: string, extra: Partial<ReferenceSource> = {}): ReferenceSource => ({
  id,
  title: 'Harbour lights',
  author: 'Ann Jones',
  publishedAt: '2019-03-01',
  accessedAt: `2024-01-0${id.slice(-1)}`,
  ...extra,
})

/** The `[@key]`s an export uses, each once. */
function citedKeys(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(/\[@([^\s,\]]+)/g)].map((match) => match[1]!))].sort()
}

describe('citationKeys', () => {
  it('uses a source’s own key as it is, and generates the others as before', () => {
    const keys = citationKeys([
      source('s-1'),
      source('s-2', { citationKey: 'jonesHarbourLights2019' }),
      source('s-3', { title: 'Other' }),
    ])
    expect(keys.get('s-2')).toBe('jonesHarbourLights2019')
    expect(keys.get('s-1')).toBe('jones2019harbour')
    expect(keys.get('s-3')).toBe('jones2019other')
  })

  it('never gives a generated key that a source owns', () => {
    const keys = citationKeys([
      source('s-1'),
      source('s-2'),
      // Owns what s-1 would be called, and what s-2 then is.
      source('s-3', { title: 'Else', citationKey: 'jones2019harboura' }),
      source('s-4', { title: 'Else', citationKey: 'jones2019harbourb' }),
    ])
    expect(keys.get('s-3')).toBe('jones2019harboura')
    expect(keys.get('s-4')).toBe('jones2019harbourb')
    expect(keys.get('s-1')).toBe('jones2019harboura-2')
    expect(keys.get('s-2')).toBe('jones2019harbourb-2')
    expect(new Set(keys.values()).size).toBe(4)
  })

  it('gives an own key claimed twice to the source imported first', () => {
    const keys = citationKeys([
      source('s-2', { citationKey: 'shared' }),
      source('s-1', { citationKey: 'shared' }),
    ])
    expect(keys.get('s-1')).toBe('shared')
    expect(keys.get('s-2')).toBe('jones2019harbour')
  })
})

describe('exports with an own citation key', () => {
  it('Pandoc cites it, and the CSL-JSON and BibTeX bibliographies name it', async () => {
    const app = await openCommonplace(tempDir())
    const library = await seedLibrary(app)
    const essay = await seedEssay(app, library)
    // The AFP piece takes the key the interview would have been generated.
    await app.sources.updateMetadata(library.anora.id, {
      ...library.anora,
      citationKey: 'cinemablend2021sean',
    })
    await app.sources.updateMetadata(library.baker.id, {
      ...library.baker,
      citationKey: 'bakerWhySex2021',
    })

    const { markdown } = await app.exports.render(essay.id, 'pandoc')
    expect(citedKeys(markdown)).toEqual(['bakerWhySex2021', 'cinemablend2021sean'])
    expect(markdown).toContain('"id":"bakerWhySex2021"')

    const items = JSON.parse(await app.exports.bibliography('csl-json')) as { id: string }[]
    expect(items.map((item) => item.id).sort()).toEqual(['bakerWhySex2021', 'cinemablend2021sean'])
    const bibtex = await app.exports.bibliography('bibtex')
    expect(bibtex).toContain('@online{bakerWhySex2021,')
    expect(bibtex).toContain('@online{cinemablend2021sean,')

    // Without its own key the interview falls back to a generated one, clear of the AFP piece's.
    await app.sources.updateMetadata(library.baker.id, { ...library.baker, citationKey: '' })
    const again = await app.exports.render(essay.id, 'pandoc')
    expect(citedKeys(again.markdown)).toEqual(['cinemablend2021sean', 'cinemablend2021sean-2'])
  })

  it('refuses a key Pandoc could not read', async () => {
    const app = await openCommonplace(tempDir())
    const { baker } = await seedLibrary(app)
    await expect(
      app.sources.updateMetadata(baker.id, { ...baker, citationKey: 'two words' }),
    ).rejects.toThrow(/citation key/)
    await expect(
      app.sources.updateMetadata(baker.id, { ...baker, citationKey: 'ends-' }),
    ).rejects.toThrow(/citation key/)
  })
})
