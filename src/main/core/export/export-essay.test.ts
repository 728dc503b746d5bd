import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FootnoteDefinition, Heading, Link, List, Nodes } from 'mdast'
import { describe, expect, it } from 'vitest'
import {
  allNodes,
  citationBlock,
  inlineCitation,
  paragraph,
  parseMarkdown,
  quotes,
  seedEssay,
  seedLibrary,
  stateOf,
  text,
  visibleText,
} from '../../../../test/essay-support'
import { useTempDir } from '../../../../test/support'
import { openCommonplace } from '../commonplace'

const tempDir = useTempDir()

const ofType = <T extends Nodes['type']>(root: Nodes, type: T) =>
  allNodes(root).filter((node): node is Extract<Nodes, { type: T }> => node.type === type)

/** The directive's terms, decoded: "prefix-", "start", "end", "-suffix". */
function directiveTerms(url: string): string[] {
  const directive = url.split('#:~:text=')[1]
  expect(directive).toBeDefined()
  return directive!.split(',').map((term) => decodeURIComponent(term))
}

describe('GFM export', () => {
  it('quotes each clipping exactly, with footnotes that resolve and one reference per source', async () => {
    const app = await openCommonplace(tempDir())
    const library = await seedLibrary(app)
    const essay = await seedEssay(app, library)

    const { markdown, problems } = await app.exports.render(essay.id, 'gfm')
    expect(problems).toEqual([])
    const tree = parseMarkdown(markdown)

    const blockquotes = tree.children.filter((node) => node.type === 'blockquote')
    expect(blockquotes.map(visibleText)).toEqual([
      quotes.people,
      quotes.spanning,
      quotes.sean,
      quotes.straight,
    ])
    // The two-paragraph quote stays two paragraphs.
    expect(blockquotes[1]?.children.map((child) => child.type)).toEqual(['paragraph', 'paragraph'])
    for (const blockquote of blockquotes) {
      const last = allNodes(blockquote).at(-1)
      expect(last?.type).toBe('footnoteReference')
    }

    const references = ofType(tree, 'footnoteReference').map((node) => node.identifier)
    const definitions = ofType(tree, 'footnoteDefinition').map((node) => node.identifier)
    expect(references).toHaveLength(6)
    expect(new Set(references).size).toBe(6)
    expect(definitions.sort()).toEqual([...references].sort())

    // The paragraph that starts with an inline citation is still a paragraph, with both notes.
    const withInline = tree.children.find(
      (node) => node.type === 'paragraph' && visibleText(node).includes('began in'),
    )
    expect(withInline && visibleText(withInline)).toBe(' began in Starlet; see.')
    expect(withInline && ofType(withInline, 'footnoteReference')).toHaveLength(2)

    const headings = ofType(tree, 'heading') as Heading[]
    expect(headings.map((node) => [node.depth, visibleText(node)])).toEqual([
      [1, 'On Baker’s films'],
      [2, 'Why it matters'],
      [2, 'References'],
    ])
    const referenceList = tree.children[tree.children.indexOf(headings[2]!) + 1] as List
    expect(referenceList.type).toBe('list')
    expect(referenceList.children.map(visibleText)).toEqual([
      expect.stringContaining(library.baker.title),
      expect.stringContaining(library.anora.title),
    ])
    expect(ofType(referenceList, 'link').map((node) => node.url)).toEqual([
      library.baker.url,
      library.anora.url,
    ])

    const comments = ofType(tree, 'html').map((node) => node.value)
    for (const comment of comments) expect(comment).toMatch(/^<!-- commonplace:[a-z]+ \{/)
  })

  it('links each footnote to its passage with an encoded text fragment', async () => {
    const app = await openCommonplace(tempDir())
    const library = await seedLibrary(app)
    const essay = await seedEssay(app, library)
    const tree = parseMarkdown((await app.exports.render(essay.id, 'gfm')).markdown)

    const urls = ofType(tree, 'footnoteDefinition').map(
      (definition: FootnoteDefinition) => (ofType(definition, 'link')[0] as Link).url,
    )
    const [people, redRocket, washedUp, spanning, sean, straight] = urls as [
      string,
      string,
      string,
      string,
      string,
      string,
    ]
    for (const url of urls) expect(url.startsWith('https://example.org/')).toBe(true)
    expect(people).toBe(
      `${library.baker.url}#:~:text=${encodeURIComponent(quotes.people)}`.replace(/'/g, '%27'),
    )
    // "Red Rocket" occurs four times: words around it pick the second.
    expect(directiveTerms(redRocket)).toEqual([
      'central character of-',
      'Red Rocket',
      '-was first seen',
    ])
    // The spec reserves "-", "&" and ",": inside a term they are always percent-encoded.
    expect(washedUp).toContain('washed%2Dup')
    expect(directiveTerms(washedUp)).toEqual([quotes.washedUp])
    expect(sean).toContain('does%2C%E2%80%9D')
    expect(directiveTerms(sean)).toEqual([quotes.sean])
    // A quote across two paragraphs is matched by its first and last words.
    expect(directiveTerms(spanning)).toEqual(['Now he’s explained what', 'to discuss Red Rocket'])
    expect(directiveTerms(straight)).toEqual([quotes.straight])
    for (const url of urls) {
      const directive = url.split('#:~:text=')[1]
      for (const term of directive!.split(','))
        expect(term.replace(/^-|-$/g, '')).not.toMatch(/[-&,\s]/)
    }
  })

  it('gives the same bytes every time, after reopening the notebook too', async () => {
    const app = await openCommonplace(tempDir())
    const essay = await seedEssay(app, await seedLibrary(app))
    const first = await app.exports.render(essay.id, 'gfm')
    const pandoc = await app.exports.render(essay.id, 'pandoc')
    const reopened = await openCommonplace(tempDir())
    expect(await reopened.exports.render(essay.id, 'gfm')).toEqual(first)
    expect(await reopened.exports.render(essay.id, 'pandoc')).toEqual(pandoc)
  })
})

describe('quote-integrity gate', () => {
  it('reports a citation whose clipping was deleted as missing, and marks it in the file', async () => {
    const app = await openCommonplace(tempDir())
    const library = await seedLibrary(app)
    const essay = await seedEssay(app, library)
    await app.clippings.delete(library.sean.id)

    const { markdown, problems } = await app.exports.render(essay.id, 'gfm')
    expect(problems).toEqual([
      expect.objectContaining({
        clippingId: library.sean.id,
        state: 'missing',
        quote: quotes.sean,
      }),
    ])
    expect(problems[0]?.message).toMatch(/deleted/)
    const tree = parseMarkdown(markdown)
    // The quote is still there, word for word, and says it could not be checked.
    expect(tree.children.filter((node) => node.type === 'blockquote').map(visibleText)).toContain(
      quotes.sean,
    )
    expect(markdown).toContain('*Unverified quote (missing):')
    const notes = ofType(tree, 'footnoteDefinition').map(visibleText)
    expect(notes.filter((note) => note.startsWith('Unverified quote (missing).'))).toHaveLength(1)

    const pandoc = await app.exports.render(essay.id, 'pandoc')
    expect(pandoc.problems).toEqual(problems)
    expect(pandoc.markdown).toContain('*Unverified quote (missing):')
  })

  it('reports a quote that differs from its source as changed, even beside a good one', async () => {
    const app = await openCommonplace(tempDir())
    const library = await seedLibrary(app)
    const { people, baker } = library
    const essay = await app.essays.create('Tampered')
    const tampered = citationBlock(people, baker)
    ;(tampered.snapshot as { exact: string }).exact = quotes.people.replace('people', 'saints')
    await app.essays.save(
      essay.id,
      stateOf(
        citationBlock(people, baker),
        tampered,
        paragraph(text('And'), inlineCitation(people, baker)),
      ),
    )

    const { problems } = await app.exports.render(essay.id, 'gfm')
    expect(problems).toEqual([
      expect.objectContaining({
        clippingId: people.id,
        state: 'changed',
        quote: quotes.people.replace('people', 'saints'),
        current: quotes.people,
      }),
    ])
    const checks = await app.exports.verify(essay.id)
    expect(checks.map((check) => check.state)).toEqual(['verified', 'changed', 'verified'])
    expect(checks.every((check) => check.essayId === essay.id)).toBe(true)
  })

  it('marks a block it cannot read and stops at the gate for it, without breaking', async () => {
    const app = await openCommonplace(tempDir())
    const library = await seedLibrary(app)
    const essay = await app.essays.create('Partly damaged')
    await app.essays.save(
      essay.id,
      stateOf(paragraph(text('Readable.')), citationBlock(library.people, library.baker)),
    )
    // On disk, beside them: a block of a kind Commonplace lacks, a citation without its snapshot.
    const file = join(tempDir(), 'essays', `${essay.id}.json`)
    const saved = JSON.parse(await readFile(file, 'utf8'))
    const { snapshot: _snapshot, ...snapshotless } = citationBlock(library.sean, library.anora)
    saved.editorState.root.children.push({ type: 'table', version: 1, children: [] }, snapshotless)
    await writeFile(file, JSON.stringify(saved))
    const reopened = await openCommonplace(tempDir())

    const { markdown, problems } = await reopened.exports.render(essay.id, 'gfm')
    expect(problems.map(({ state, clippingId, quote }) => ({ state, clippingId, quote }))).toEqual([
      { state: 'unreadable', clippingId: '', quote: 'a “table” block' },
      // A citation block is a kind the exporter knows: the citation itself is reported.
      { state: 'unreadable', clippingId: library.sean.id, quote: '' },
    ])
    expect(problems[0]?.message).toMatch(
      /^Block 3 of the essay \(a “table” block\) could not be read/,
    )
    const paragraphs = parseMarkdown(markdown).children.map(visibleText)
    expect(paragraphs).toContain('Readable.')
    expect(paragraphs).toContain(quotes.people)
    expect(
      paragraphs.filter((text) => text.startsWith('[Unreadable block: Commonplace could not read')),
    ).toHaveLength(1)
    expect(paragraphs).toContain(
      'Unreadable citation. Citation 2 cannot be read: its quote is missing.',
    )

    expect(
      await reopened.exports.gate({ essayId: essay.id, format: 'pandoc', allowUnverified: false }),
    ).toMatchObject({
      status: 'blocked',
      problems: [{ state: 'unreadable' }, { state: 'unreadable' }],
    })
    const allowed = await reopened.exports.gate({
      essayId: essay.id,
      format: 'pandoc',
      allowUnverified: true,
    })
    expect(allowed).toMatchObject({
      status: 'ready',
      unverified: [{ state: 'unreadable' }, { state: 'unreadable' }],
    })
  })
})
