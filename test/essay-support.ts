// Essays for export tests: Lexical's saved JSON built by hand (the shapes the editor saves), a
// library of the two article fixtures with clippings to cite, and a real CommonMark/GFM parser.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Nodes, Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import type { ClippingView, SourceSummary } from '../src/shared/domain'
import type { SerializedEditorStateJson, SerializedNodeJson } from '../src/shared/essay'
import type { Commonplace } from '../src/main/core/commonplace'
import { fixtureNames, fixturePath } from './support'

// Lexical's text format bits.
export const BOLD = 1
export const ITALIC = 2
export const STRIKETHROUGH = 4
export const UNDERLINE = 8
export const CODE = 16

const blockFields = { direction: null, format: '', indent: 0 }

export const text = (value: string, format = 0): SerializedNodeJson => ({
  type: 'text',
  version: 1,
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
})

export const linebreak = (): SerializedNodeJson => ({ type: 'linebreak', version: 1 })

export const paragraph = (...children: SerializedNodeJson[]): SerializedNodeJson => ({
  type: 'paragraph',
  version: 1,
  children,
  ...blockFields,
  textFormat: 0,
  textStyle: '',
})

export const heading = (
  tag: 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6',
  ...children: SerializedNodeJson[]
): SerializedNodeJson => ({ type: 'heading', version: 1, tag, children, ...blockFields })

export const quote = (...children: SerializedNodeJson[]): SerializedNodeJson => ({
  type: 'quote',
  version: 1,
  children,
  ...blockFields,
})

export const link = (url: string, ...children: SerializedNodeJson[]): SerializedNodeJson => ({
  type: 'link',
  version: 1,
  url,
  rel: 'noreferrer',
  target: null,
  title: null,
  children,
  ...blockFields,
})

export const listItem = (value: number, ...children: SerializedNodeJson[]): SerializedNodeJson => ({
  type: 'listitem',
  version: 1,
  value,
  children,
  ...blockFields,
})

export const list = (
  listType: 'bullet' | 'number',
  ...items: SerializedNodeJson[]
): SerializedNodeJson => ({
  type: 'list',
  version: 1,
  listType,
  start: 1,
  tag: listType === 'number' ? 'ol' : 'ul',
  children: items,
  ...blockFields,
})

export const stateOf = (...children: SerializedNodeJson[]): SerializedEditorStateJson => ({
  root: { type: 'root', version: 1, children, ...blockFields },
})

export function snapshotOf(clipping: ClippingView, source: SourceSummary) {
  return {
    exact: clipping.target[0].exact,
    title: source.title,
    author: source.author,
    siteName: source.siteName,
    publishedAt: source.publishedAt,
    url: source.url,
  }
}

export function citationBlock(
  clipping: ClippingView,
  source: SourceSummary,
  locator = '',
  comment = '',
): SerializedNodeJson {
  return {
    type: 'citation-block',
    version: 1,
    clippingId: clipping.id,
    sourceId: source.id,
    snapshot: snapshotOf(clipping, source),
    locator,
    comment,
  }
}

export function inlineCitation(
  clipping: ClippingView,
  source: SourceSummary,
  locator = '',
): SerializedNodeJson {
  return {
    type: 'inline-citation',
    version: 1,
    clippingId: clipping.id,
    sourceId: source.id,
    snapshot: snapshotOf(clipping, source),
    locator,
  }
}

export const quotes = {
  people: 'Baker’s work does a great job at showing us that sex workers are just people',
  washedUp: 'a fascinating look at the life of a washed-up porn star',
  // Straight apostrophes, as the page has them here: Pandoc would make them curly.
  straight: "It's obviously a very special industry in many ways. And so there's maybe even",
  // Two paragraphs of the source.
  spanning:
    'Now he’s explained what led him down this storytelling path.\n\nCinemaBlend recently sat down with Sean Baker to discuss Red Rocket',
  sean: '“Sean gets sex work. He just does,”',
} as const

export interface Library {
  baker: SourceSummary
  anora: SourceSummary
  people: ClippingView
  washedUp: ClippingView
  straight: ClippingView
  spanning: ClippingView
  sean: ClippingView
  /** The second of the four "Red Rocket"s in the Baker piece. */
  redRocket: ClippingView
}

/** Both article pages imported, and clippings of each kind of quote the tests need. */
export async function seedLibrary(app: Commonplace): Promise<Library> {
  const { imported, failed } = await app.sources.importFiles([
    fixturePath(fixtureNames.bakerHtml),
    fixturePath(fixtureNames.anoraHtml),
  ])
  if (failed.length > 0) throw new Error(failed[0]!.message)
  const [baker, anora] = imported as [SourceSummary, SourceSummary]
  const clip = (source: SourceSummary, quote: string, occurrence?: number) =>
    app.clippings.createFromQuote({ sourceId: source.id, quote, occurrence })
  return {
    baker,
    anora,
    people: await clip(baker, quotes.people),
    washedUp: await clip(baker, quotes.washedUp),
    straight: await clip(baker, quotes.straight),
    spanning: await clip(baker, quotes.spanning),
    sean: await clip(anora, quotes.sean),
    redRocket: await clip(baker, 'Red Rocket', 2),
  }
}

/**
 * An essay citing both sources: formatting, three citation blocks (one with a locator and a
 * comment), an inline citation with a locator at the start of a paragraph and one mid-sentence.
 */
export async function seedEssay(app: Commonplace, library: Library, title = 'On Baker’s films') {
  const { baker, anora } = library
  const essay = await app.essays.create(title)
  await app.essays.save(
    essay.id,
    stateOf(
      heading('h2', text('Why it matters')),
      paragraph(
        text('Sex work is '),
        text('work', BOLD),
        text(', says '),
        text('everyone', ITALIC),
      ),
      citationBlock(library.people, baker, 'para. 5', 'Key claim -- see also the AFP piece'),
      paragraph(
        inlineCitation(library.redRocket, baker, 'p. 2'),
        text(' began in '),
        text('Starlet', ITALIC),
        text('; see'),
        inlineCitation(library.washedUp, baker),
        text('.'),
      ),
      citationBlock(library.spanning, baker),
      list('bullet', listItem(1, text('one')), listItem(2, text('two'))),
      citationBlock(library.sean, anora),
      citationBlock(library.straight, baker, '', 'straight quotes kept'),
    ),
  )
  return essay
}

export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
}

/** Every node of the tree, depth first. */
export function allNodes(node: Nodes): Nodes[] {
  const children = 'children' in node ? (node.children as Nodes[]) : []
  return [node, ...children.flatMap(allNodes)]
}

/**
 * What a reader sees of a node: its text, a hard break as "\n", paragraphs of a quote joined by
 * a blank line; footnote references and HTML comments are left out.
 */
export function visibleText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value
    case 'break':
      return '\n'
    case 'footnoteReference':
    case 'html':
      return ''
    case 'blockquote':
    case 'root':
    case 'listItem':
      return node.children.map(visibleText).join('\n\n')
    default:
      return 'children' in node ? (node.children as Nodes[]).map(visibleText).join('') : ''
  }
}

/**
 * An essay's saved file changed the way a hand edit (or an older version of the app) could leave
 * it, bypassing the checks a save makes. Open the notebook again afterwards to read it.
 */
export async function editEssayFile(
  dataDir: string,
  essayId: string,
  edit: (state: SerializedEditorStateJson) => void,
): Promise<void> {
  const path = join(dataDir, 'essays', `${essayId}.json`)
  const file = JSON.parse(await readFile(path, 'utf8')) as {
    editorState: SerializedEditorStateJson
  }
  edit(file.editorState)
  await writeFile(path, JSON.stringify(file))
}
