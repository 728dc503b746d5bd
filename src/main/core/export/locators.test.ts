// Locators and comments are the writer's free text: whatever they hold, a Pandoc export keeps each
// "[@key, locator]" a citation of the right source whose locator is exactly that text, each
// comment a note of exactly its text, and an exported file reads back to the same bytes.
import type { Nodes } from 'mdast'
import { describe, expect, it } from 'vitest'
import {
  allNodes,
  citationBlock,
  inlineCitation,
  paragraph,
  parseMarkdown,
  seedLibrary,
  stateOf,
  text,
  visibleText,
  type Library,
} from '../../../../test/essay-support'
import {
  noPandoc,
  pandocInlineText,
  pandocNodes,
  pandocNoteText,
  runPandoc,
  type PandocNode,
} from '../../../../test/pandoc'
import { randomText, seededRandom } from '../../../../test/random-text'
import { useTempDir } from '../../../../test/support'
import { openCommonplace, type Commonplace } from '../commonplace'
import type { ExportFormat } from './export-essay'
import { importEssayMarkdown } from './import-markdown'

const tempDir = useTempDir()

/** How many random cases, and how many go in one essay (one Pandoc run each). */
const CASES = 330
const PER_ESSAY = 55

const BAKER_KEY = 'cinemablend2021sean'
const ANORA_KEY = 'afp2025sex'

interface Case {
  blockLocator: string
  comment: string
  inlineLocator: string
}

/** The rule both tests state: a line break is a space; the rest is the text as written. */
const shown = (text: string): string => text.replace(/\r\n?|\n/g, ' ')
const blank = (text: string): boolean => /^\s*$/.test(text)

function randomCases(seed: number): Case[] {
  const random = seededRandom(seed)
  return Array.from({ length: CASES }, () => ({
    blockLocator: randomText(random),
    comment: randomText(random),
    inlineLocator: randomText(random),
  }))
}

/** Each case as a block citing the Baker piece and a paragraph citing the AFP piece inline. */
async function essaysOf(app: Commonplace, library: Library, cases: Case[]) {
  const essays = []
  for (let first = 0; first < cases.length; first += PER_ESSAY) {
    const batch = cases.slice(first, first + PER_ESSAY)
    const essay = await app.essays.create(`Cases from ${first + 1}`)
    await app.essays.save(
      essay.id,
      stateOf(
        ...batch.flatMap((item, index) => [
          citationBlock(library.people, library.baker, item.blockLocator, item.comment),
          paragraph(
            text(`Case ${first + index + 1}`),
            inlineCitation(library.sean, library.anora, item.inlineLocator),
            text('.'),
          ),
        ]),
      ),
    )
    essays.push({ id: essay.id, batch })
  }
  return essays
}

async function reexported(app: Commonplace, markdown: string, format: ExportFormat) {
  const imported = importEssayMarkdown(markdown, 'fallback')
  const copy = await app.essays.create(imported.title)
  await app.essays.save(copy.id, imported.editorState)
  return (await app.exports.render(copy.id, format)).markdown
}

interface CiteSeen {
  key: string
  locator: string
}

function citesIn(nodes: PandocNode[]): CiteSeen[] {
  return nodes
    .filter((node) => node.t === 'Cite')
    .flatMap((node) => (node.c as [{ citationId: string; citationSuffix: unknown }[]])[0])
    .map((citation) => ({
      key: citation.citationId,
      locator: pandocInlineText(citation.citationSuffix),
    }))
}

/** What Pandoc must read: the suffix is ", " and the locator, or nothing when there is none. */
const citeOf = (key: string, locator: string): CiteSeen => ({
  key,
  locator: blank(locator) ? '' : `, ${shown(locator)}`,
})

describe('locators and comments, random', { timeout: 120_000 }, () => {
  it.skipIf(noPandoc)(`Pandoc reads ${CASES} random locators and comments exactly`, async () => {
    const app = await openCommonplace(tempDir())
    const library = await seedLibrary(app)
    const cases = randomCases(9)
    for (const { id, batch } of await essaysOf(app, library, cases)) {
      const { markdown, problems } = await app.exports.render(id, 'pandoc')
      expect(problems).toEqual([])
      const run = runPandoc(['-f', 'markdown', '-t', 'json'], markdown)
      expect(run.stderr).toBe('')
      const nodes = pandocNodes(JSON.parse(run.stdout))
      expect(citesIn(nodes)).toEqual(
        batch.flatMap((item) => [
          citeOf(BAKER_KEY, item.blockLocator),
          citeOf(ANORA_KEY, item.inlineLocator),
        ]),
      )
      // Citeproc finds each locator's label ("p.", "ch.") in it, as in a hand-written citation.
      const rendered = runPandoc(['--citeproc', '-f', 'markdown', '-t', 'plain'], markdown)
      expect([rendered.code, rendered.stderr]).toEqual([0, ''])
      const notes = nodes.filter((node) => node.t === 'Note').map(pandocNoteText)
      expect(notes).toEqual(
        batch.filter((item) => !blank(item.comment)).map((item) => shown(item.comment)),
      )
    }
  })

  it(`GFM footnotes show ${CASES} random locators and comments exactly`, async () => {
    const app = await openCommonplace(tempDir())
    const library = await seedLibrary(app)
    const cases = randomCases(10)
    for (const { id, batch } of await essaysOf(app, library, cases)) {
      const tree = parseMarkdown((await app.exports.render(id, 'gfm')).markdown)
      const notes = allNodes(tree)
        .filter(
          (node): node is Extract<Nodes, { type: 'footnoteDefinition' }> =>
            node.type === 'footnoteDefinition',
        )
        .map(visibleText)
      expect(notes).toHaveLength(batch.length * 2)
      batch.forEach((item, index) => {
        const [block, inline] = [notes[index * 2], notes[index * 2 + 1]]
        if (!blank(item.blockLocator)) expect(block).toContain(`, ${shown(item.blockLocator)}.`)
        if (!blank(item.comment)) expect(block?.endsWith(` ${shown(item.comment)}`)).toBe(true)
        if (!blank(item.inlineLocator)) expect(inline).toContain(`, ${shown(item.inlineLocator)}.`)
      })
    }
  })

  for (const format of ['gfm', 'pandoc'] as const) {
    it(`${format}: export, import, export gives the same bytes for ${CASES} random cases`, async () => {
      const app = await openCommonplace(tempDir())
      const library = await seedLibrary(app)
      for (const { id } of await essaysOf(app, library, randomCases(11))) {
        const first = (await app.exports.render(id, format)).markdown
        expect(await reexported(app, first, format)).toBe(first)
      }
    })
  }
})
