// The Pandoc export and the bibliography, as Pandoc itself reads them (`pandoc --citeproc`).
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { quotes, seedEssay, seedLibrary } from '../../../../test/essay-support'
import { noPandoc, pandocNodes, pandocText, runPandoc } from '../../../../test/pandoc'
import { useTempDir } from '../../../../test/support'
import { openCommonplace, type Commonplace } from '../commonplace'

const tempDir = useTempDir()

const UNRESOLVED = /Citeproc: citation .* not found/

/** The `[@key]`s an export uses, each once. */
function citedKeys(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(/\[@([^\s,\]]+)/g)].map((match) => match[1]!))].sort()
}

async function pandocEssay(app: Commonplace) {
  const library = await seedLibrary(app)
  const essay = await seedEssay(app, library)
  const { markdown, problems } = await app.exports.render(essay.id, 'pandoc')
  expect(problems).toEqual([])
  return { library, markdown }
}

/** A user whose title has every character BibTeX and LaTeX treat specially. */
const AWKWARD_TITLE = 'Braces {a} and } { \\ ~ ^ & % $ # _ *x* <b> --'

describe('Pandoc export', () => {
  it.skipIf(noPandoc)('renders with --citeproc, every citation resolved', async () => {
    const app = await openCommonplace(tempDir())
    const { library, markdown } = await pandocEssay(app)
    expect(citedKeys(markdown)).toEqual(['cinemablend2021sean', 'afp2025sex'].sort())

    const run = runPandoc(['--citeproc', '-f', 'markdown', '-t', 'plain', '--wrap=none'], markdown)
    expect(run.code).toBe(0)
    expect(run.stderr).not.toMatch(UNRESOLVED)
    expect(run.stderr).toBe('')
    // The citation style may title-case a title; its words are all there.
    const rendered = run.stdout.toLowerCase()
    for (const source of [library.baker, library.anora])
      expect(rendered).toContain(source.title.toLowerCase())
    // Quotes keep their characters: no smart quotes or dashes made from straight ones.
    for (const quote of [
      quotes.people,
      quotes.sean,
      quotes.straight,
      ...quotes.spanning.split('\n\n'),
    ])
      expect(run.stdout).toContain(quote)
    expect(run.stdout).toContain('Key claim -- see also the AFP piece')
  })

  it.skipIf(noPandoc)('keeps each quote exactly, as Pandoc parses it', async () => {
    const app = await openCommonplace(tempDir())
    const { markdown } = await pandocEssay(app)
    const run = runPandoc(['-f', 'markdown', '-t', 'json'], markdown)
    const nodes = pandocNodes(JSON.parse(run.stdout))
    const blockquotes = nodes.filter((node) => node.t === 'BlockQuote')
    expect(blockquotes.map((node) => pandocText(node.c).trimEnd())).toEqual([
      quotes.people,
      quotes.spanning,
      quotes.sean,
      quotes.straight,
    ])
    const cites = nodes.filter((node) => node.t === 'Cite')
    expect(cites).toHaveLength(6)
  })
})

describe('bibliography', () => {
  it('CSL-JSON: every source with id, title and URL; ids are the export’s keys', async () => {
    const app = await openCommonplace(tempDir())
    const { library, markdown } = await pandocEssay(app)
    const items = JSON.parse(await app.exports.bibliography('csl-json')) as Record<
      string,
      unknown
    >[]
    expect(items).toEqual([
      expect.objectContaining({
        id: 'cinemablend2021sean',
        type: 'webpage',
        title: library.baker.title,
        URL: library.baker.url,
        'container-title': 'CinemaBlend',
        issued: { 'date-parts': [[2021, 12, 10]] },
      }),
      expect.objectContaining({
        id: 'afp2025sex',
        title: library.anora.title,
        URL: library.anora.url,
        author: [{ literal: 'AFP' }],
      }),
    ])
    expect(items.map((item) => item.id).sort()).toEqual(citedKeys(markdown))
  })

  it('BibTeX: one entry per source, keyed as the export cites them', async () => {
    const app = await openCommonplace(tempDir())
    const { library, markdown } = await pandocEssay(app)
    const bibtex = await app.exports.bibliography('bibtex')
    const keys = [...bibtex.matchAll(/^@online\{([^,]+),$/gm)].map((match) => match[1])
    expect(keys.sort()).toEqual(citedKeys(markdown))
    expect(bibtex).toContain(`title = {${library.anora.title}}`)
    expect(bibtex).toContain('author = {{AFP}}')
    expect(bibtex).toContain(`url = {${library.baker.url}}`)
  })

  it.skipIf(noPandoc)('Pandoc resolves the export against either file alone', async () => {
    const app = await openCommonplace(tempDir())
    const { markdown } = await pandocEssay(app)
    // Without its front matter references, the export needs the sidecar bibliography.
    const bare = markdown.replace(/^references:\n(- .*\n)+/m, '')
    expect(bare).not.toContain('references:')
    const essayPath = join(tempDir(), 'essay.md')
    await writeFile(essayPath, bare)
    expect(runPandoc(['--citeproc', '-t', 'plain', essayPath]).stderr).toMatch(UNRESOLVED)

    for (const [format, name] of [
      // Not the notebook's own library.json: beside the notebook, not in it.
      ['csl-json', 'references.json'],
      ['bibtex', 'references.bib'],
    ] as const) {
      const path = join(tempDir(), name)
      await writeFile(path, await app.exports.bibliography(format))
      const run = runPandoc(['--citeproc', '--bibliography', path, '-t', 'plain', essayPath])
      expect(run.code).toBe(0)
      expect(run.stderr).toBe('')
      expect(run.stdout.toLowerCase()).toContain('sex workers cheer anora ahead of the oscars')
    }
  })

  it.skipIf(noPandoc)('BibTeX keeps LaTeX’s special characters as text', async () => {
    const app = await openCommonplace(tempDir())
    const { baker } = await seedLibrary(app)
    await app.sources.updateMetadata(baker.id, {
      title: AWKWARD_TITLE,
      author: 'Ann_Bee & Co',
      url: 'https://example.org/a{b}',
    })
    const path = join(tempDir(), 'library.bib')
    await writeFile(path, await app.exports.bibliography('bibtex'))
    const run = runPandoc(['-f', 'bibtex', '-t', 'csljson', path])
    expect(run.stderr).toBe('')
    const items = JSON.parse(run.stdout) as Record<string, unknown>[]
    const item = items.find((candidate) => String(candidate.title).startsWith('Braces'))
    // Pandoc drops LaTeX's spelled-out braces, which unmatched ones need; the rest is as written.
    expect(item?.title).toBe(AWKWARD_TITLE.replace('and } {', 'and  '))
    expect(item?.author).toEqual([{ literal: 'Ann_Bee & Co' }])
    expect(item?.URL).toBe('https://example.org/a%7Bb%7D')
  })
})
