// Markdown that Commonplace exported -> an essay again, citation blocks linked to the same
// clippings. The ids travel in HTML comments, which Markdown renderers do not show.
import type { Html, List, Nodes, PhrasingContent, Root, RootContent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { z } from 'zod'
import { normalizeLineEndings } from '../../../shared/line-endings'
import {
  CITATION_BLOCK_TYPE,
  INLINE_CITATION_TYPE,
  MAX_COMMENT_LENGTH,
  MAX_LOCATOR_LENGTH,
  type SerializedEditorStateJson,
  type SerializedNodeJson,
} from '../../../shared/essay'
import { idSchema, keptWordingSchema, snapshotSchema } from '../../../shared/essay-state/nodes'
import {
  CITATION_MARK,
  INLINE_MARK,
  KEPT_MARK,
  OBSIDIAN_BLOCK_ID,
  REFERENCES_MARK,
  UNREADABLE_MARK,
  UNVERIFIED_MARK,
  type CarriedCitation,
} from './export-essay'
import {
  followsPandocReference,
  stripInTextMark,
  stripPandocReference,
  stripUnreadableNote,
} from './import-pandoc'
import { isAllowedLink } from '../../../shared/urls'

export interface ImportedEssay {
  title: string
  editorState: SerializedEditorStateJson
}

const BOLD = 1
const ITALIC = 2
const STRIKETHROUGH = 4
const UNDERLINE = 8
const CODE = 16

/**
 * A file is read, not trusted: a citation's carried data must have the shape the essay needs,
 * the saved-state schema's, or the essay could not be saved.
 */
const carriedSchema = z.object({
  clippingId: idSchema,
  sourceId: idSchema,
  snapshot: snapshotSchema,
  keptWording: keptWordingSchema.optional(),
  locator: z.string().max(MAX_LOCATOR_LENGTH).optional(),
  comment: z.string().max(MAX_COMMENT_LENGTH).optional(),
  cited: z.string().max(2000).optional(),
})

/** The citation fields an editor node carries, from what a file said. */
function citationFields(data: CarriedCitation): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    clippingId: data.clippingId,
    sourceId: data.sourceId,
    snapshot: data.snapshot,
  }
  if (data.keptWording) fields.keptWording = data.keptWording
  return fields
}

function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
}

export function importEssayMarkdown(markdown: string, fallbackTitle: string): ImportedEssay {
  const { body, title: frontTitle } = splitFrontMatter(normalizeLineEndings(markdown))
  const tree = parse(body)
  const nodes = tree.children.filter(
    (node) => node.type !== 'footnoteDefinition' && node.type !== 'definition',
  )
  let title = frontTitle
  if (!title && nodes[0]?.type === 'heading' && nodes[0].depth === 1) {
    title = plainText(nodes.shift() as Nodes)
  }
  const blocks: SerializedNodeJson[] = []
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as RootContent
    const marked = node.type === 'html' ? markOf(node) : null
    if (marked?.mark === REFERENCES_MARK) break
    if (marked?.mark === CITATION_MARK) {
      const data = carriedOf(marked.data)
      if (!data) continue
      blocks.push({
        type: CITATION_BLOCK_TYPE,
        version: 1,
        ...citationFields(data),
        locator: data.locator ?? '',
        comment: data.comment ?? '',
      })
      if (nodes[i + 1]?.type === 'blockquote') i++
      // An Obsidian export names the callout with a block id, on its own line after it.
      if (isObsidianBlockId(nodes[i + 1], body)) i++
      // The exporter's notes under a block (unverified, wording kept) are not the essay's text.
      for (let next = nodes[i + 1]; next?.type === 'html'; next = nodes[i + 1]) {
        const note = markOf(next)?.mark
        if (note !== UNVERIFIED_MARK && note !== KEPT_MARK) break
        i += 2
      }
      continue
    }
    if (marked?.mark === UNREADABLE_MARK) {
      // A citation the exporter could not read: its quote and note were written, not the essay's.
      if (nodes[i + 1]?.type === 'blockquote') i++
      if (nodes[i + 1]?.type === 'paragraph') i++
      continue
    }
    if (marked) continue
    const block = convertBlock(node, body)
    if (block) blocks.push(block)
  }
  if (blocks.length === 0) blocks.push(paragraph([]))
  return {
    title: title?.trim() || fallbackTitle,
    editorState: {
      root: { type: 'root', version: 1, children: blocks, direction: null, format: '', indent: 0 },
    },
  }
}

/** "^cite-3" as the exporter writes it, not the same words escaped in the writer's text. */
function isObsidianBlockId(node: RootContent | undefined, source: string): boolean {
  if (node?.type !== 'paragraph') return false
  const written = source.slice(node.position?.start.offset, node.position?.end.offset)
  return new RegExp(`^\\^${OBSIDIAN_BLOCK_ID}\\d+$`).test(written.trim())
}

function markOf(node: Html): { mark: string; data: unknown } | null {
  const match = /^<!-- (commonplace:[a-z]+) ([\s\S]*) -->$/.exec(node.value.trim())
  if (!match) return null
  try {
    return { mark: match[1] as string, data: JSON.parse(match[2] as string) }
  } catch {
    return null
  }
}

function carriedOf(data: unknown): CarriedCitation | null {
  const parsed = carriedSchema.safeParse(data)
  return parsed.success ? parsed.data : null
}

function splitFrontMatter(markdown: string): { body: string; title?: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown)
  if (!match) return { body: markdown }
  const titleLine = /^title:\s*(.*)$/m.exec(match[1] as string)?.[1]
  let title: string | undefined
  if (titleLine) {
    try {
      title = String(JSON.parse(titleLine))
    } catch {
      title = titleLine.replace(/^["']|["']$/g, '')
    }
    // Pandoc reads metadata as Markdown, so the exporter escaped it.
    title = plainText(parse(title))
  }
  return { body: markdown.slice(match[0].length), title }
}

function paragraph(children: SerializedNodeJson[]): SerializedNodeJson {
  return {
    type: 'paragraph',
    version: 1,
    children,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
  }
}

/** `source` is the Markdown the nodes were parsed from. */
function convertBlock(node: RootContent, source: string): SerializedNodeJson | null {
  switch (node.type) {
    case 'heading':
      return {
        type: 'heading',
        version: 1,
        tag: `h${node.depth}`,
        children: inline(node.children, source),
        direction: null,
        format: '',
        indent: 0,
      }
    case 'paragraph':
      return paragraph(inline(node.children, source))
    case 'blockquote': {
      const children: SerializedNodeJson[] = []
      node.children.forEach((child, index) => {
        if (index > 0) children.push({ type: 'linebreak', version: 1 })
        if (child.type === 'paragraph') children.push(...inline(child.children, source))
      })
      return {
        type: 'quote',
        version: 1,
        children: mergeText(children),
        direction: null,
        format: '',
        indent: 0,
      }
    }
    case 'list':
      return convertList(node, source)
    case 'code':
      return paragraph(
        node.value
          .split('\n')
          .flatMap((line, index) => [
            ...(index > 0 ? [{ type: 'linebreak', version: 1 }] : []),
            ...(line ? [textNode(line, CODE)] : []),
          ]),
      )
    default:
      return null
  }
}

function convertList(list: List, source: string): SerializedNodeJson {
  const listType = list.ordered
    ? 'number'
    : list.children.some((item) => typeof item.checked === 'boolean')
      ? 'check'
      : 'bullet'
  const start = list.start ?? 1
  const items: SerializedNodeJson[] = []
  let value = start
  for (const item of list.children) {
    const inlineChildren: SerializedNodeJson[] = []
    const nested: SerializedNodeJson[] = []
    for (const child of item.children) {
      if (child.type === 'paragraph') inlineChildren.push(...inline(child.children, source))
      else if (child.type === 'list') nested.push(convertList(child, source))
    }
    const base = {
      type: 'listitem',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      value: value++,
    }
    const checked = listType === 'check' ? { checked: Boolean(item.checked) } : {}
    items.push({ ...base, ...checked, children: mergeText(inlineChildren) })
    // Lexical keeps a nested list in an item of its own, right after its parent item.
    for (const child of nested) items.push({ ...base, value: value - 1, children: [child] })
  }
  return {
    type: 'list',
    version: 1,
    listType,
    start,
    tag: list.ordered ? 'ol' : 'ul',
    children: items,
    direction: null,
    format: '',
    indent: 0,
  }
}

function textNode(text: string, format: number): SerializedNodeJson {
  return { type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' }
}

/** Lexical merges neighbouring text of the same format; so must we, for the same export. */
function mergeText(nodes: SerializedNodeJson[]): SerializedNodeJson[] {
  const merged: SerializedNodeJson[] = []
  for (const node of nodes) {
    const last = merged[merged.length - 1]
    if (node.type === 'text' && node.text === '') continue
    if (last?.type === 'text' && node.type === 'text' && last.format === node.format) {
      merged[merged.length - 1] = { ...last, text: String(last.text) + String(node.text) }
    } else merged.push(node)
  }
  return merged
}

function inline(children: PhrasingContent[], source: string): SerializedNodeJson[] {
  const out: SerializedNodeJson[] = []
  let underline = false
  const walk = (nodes: PhrasingContent[], format: number, sink: SerializedNodeJson[]): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          sink.push(textNode(node.value, format | (underline ? UNDERLINE : 0)))
          break
        case 'strong':
          walk(node.children, format | BOLD, sink)
          break
        case 'emphasis':
          walk(node.children, format | ITALIC, sink)
          break
        case 'delete':
          walk(node.children, format | STRIKETHROUGH, sink)
          break
        case 'inlineCode':
          sink.push(textNode(node.value, format | CODE | (underline ? UNDERLINE : 0)))
          break
        case 'break':
          sink.push({ type: 'linebreak', version: 1 })
          break
        case 'link': {
          // A bare URL that GFM made a link is text the exporter wrote (Pandoc's Markdown does
          // not link bare URLs): only "[label](url)" and "<url>" are links.
          const written = source.slice(node.position?.start.offset, node.position?.end.offset)
          if (!isAllowedLink(node.url.trim()) || !/^[[<]/.test(written)) {
            walk(node.children, format, sink)
            break
          }
          const children: SerializedNodeJson[] = []
          walk(node.children, format, children)
          sink.push({
            type: 'link',
            version: 1,
            url: node.url,
            rel: 'noreferrer',
            target: null,
            title: null,
            children: mergeText(children),
            direction: null,
            format: '',
            indent: 0,
          })
          break
        }
        case 'footnoteReference':
          // Only citations make footnotes (text that looks like one is escaped); each citation's
          // comment, after its reference, carries it.
          break
        case 'html': {
          const value = node.value.trim()
          if (UNDERLINE_OPEN.test(value)) underline = true
          else if (UNDERLINE_CLOSE.test(value)) underline = false
          else {
            const marked = markOf(node as unknown as Html)
            const data = marked?.mark === INLINE_MARK ? carriedOf(marked.data) : null
            // What the exporter wrote before its comment may have been parsed in pieces.
            if (marked) sink.splice(0, sink.length, ...mergeText(sink))
            if (marked?.mark === UNREADABLE_MARK) stripUnreadableNote(sink)
            if (data) {
              if (followsPandocReference(source, node.position?.start.offset ?? 0))
                stripPandocReference(sink, data.locator ?? '')
              if (data.cited) stripInTextMark(sink, data.cited)
              sink.push({
                type: INLINE_CITATION_TYPE,
                version: 1,
                ...citationFields(data),
                locator: data.locator ?? '',
              })
            }
          }
          break
        }
        default:
          if ('children' in node) walk(node.children as PhrasingContent[], format, sink)
          else if ('value' in node) sink.push(textNode(String(node.value), format))
      }
    }
  }
  walk(children, 0, out)
  return mergeText(out)
}

/** How the exporter writes underline: <ins> for GFM, a span Pandoc reads as underline. */
const UNDERLINE_OPEN = /^<(ins|u|span class="underline")>$/
const UNDERLINE_CLOSE = /^<\/(ins|u|span)>$/

/** A title's text: what a reader sees, so without HTML (the exporter's separators are comments). */
function plainText(node: Nodes): string {
  if (node.type === 'html') return ''
  if (node.type === 'break') return ' '
  if ('value' in node && typeof node.value === 'string') return node.value
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('')
  return ''
}
