// Lexical's saved JSON -> Markdown blocks. Citations are rendered by the caller, which numbers
// them and collects their references.
import {
  CITATION_BLOCK_TYPE,
  INLINE_CITATION_TYPE,
  type SerializedCitationBlockJson,
  type SerializedInlineCitationJson,
  type SerializedNodeJson,
} from '../../../shared/essay'
import {
  escapeLines,
  escapeText,
  indentLines,
  inlineCode,
  isSafeLinkUrl,
  linkDestination,
} from './markdown-text'

export type Flavor = 'gfm' | 'pandoc'

export interface CitationRenderer {
  block(node: SerializedCitationBlockJson): string
  inline(node: SerializedInlineCitationJson): string
}

// Lexical's text format bits (lexical/LexicalConstants).
const BOLD = 1
const ITALIC = 2
const STRIKETHROUGH = 4
const UNDERLINE = 8
const CODE = 16

interface Context {
  flavor: Flavor
  citations: CitationRenderer
}

export function renderBlocks(
  root: SerializedNodeJson,
  flavor: Flavor,
  citations: CitationRenderer,
): string {
  const context: Context = { flavor, citations }
  return (root.children ?? [])
    .map((node) => renderBlock(node, context))
    .filter((block) => block.trim() !== '')
    .join('\n\n')
}

function renderBlock(node: SerializedNodeJson, context: Context): string {
  switch (node.type) {
    case 'heading': {
      const level = Number(String(node.tag ?? 'h1').slice(1)) || 1
      // A heading's trailing "#"s would be read as its closing sequence.
      const text = escapeLines(renderInline(node.children, context)).replace(
        /(^|\s)(#+)$/,
        '$1\\$2',
      )
      return `${'#'.repeat(level)} ${text}`
    }
    case 'quote':
      return indentLines(escapeLines(renderInline(node.children, context)), '> ')
    case 'list':
      return renderList(node, context, 0)
    case CITATION_BLOCK_TYPE:
      return context.citations.block(node as SerializedCitationBlockJson)
    case 'code':
      return renderCodeBlock(node)
    case 'horizontalrule':
      return '---'
    default:
      // Paragraphs, and any block type this exporter does not know: keep its text.
      return escapeLines(renderInline(node.children, context))
  }
}

function renderList(list: SerializedNodeJson, context: Context, depth: number): string {
  const ordered = list.listType === 'number'
  let number = typeof list.start === 'number' ? list.start : 1
  const items: string[] = []
  for (const item of list.children ?? []) {
    const nested = (item.children ?? []).filter((child) => child.type === 'list')
    const inline = (item.children ?? []).filter((child) => child.type !== 'list')
    const marker = ordered ? `${number++}. ` : '- '
    const check = list.listType === 'check' ? (item.checked ? '[x] ' : '[ ] ') : ''
    const pad = ' '.repeat(marker.length)
    let text = indentLines(check + escapeLines(renderInline(inline, context)), marker, pad)
    if (inline.length === 0 && nested.length > 0) {
      // Lexical nests a list in an item of its own: it belongs to the item before it.
      const rendered = nested.map((child) => renderList(child, context, depth + 1)).join('\n')
      if (items.length > 0) {
        items[items.length - 1] += `\n${indentLines(rendered, pad)}`
        number--
        continue
      }
      text = indentLines(rendered, marker, pad)
    } else if (nested.length > 0) {
      text += `\n${indentLines(nested.map((child) => renderList(child, context, depth + 1)).join('\n'), pad)}`
    }
    items.push(text)
  }
  return items.join('\n')
}

function renderCodeBlock(node: SerializedNodeJson): string {
  const text = (node.children ?? [])
    .map((child) => (child.type === 'linebreak' ? '\n' : String(child.text ?? '')))
    .join('')
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${typeof node.language === 'string' ? node.language.replace(/[^\w+-]/g, '') : ''}\n${text}\n${fence}`
}

export function renderInline(nodes: SerializedNodeJson[] | undefined, context: Context): string {
  let out = ''
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'text':
        out += renderText(String(node.text ?? ''), Number(node.format ?? 0), context)
        break
      case 'linebreak':
        out += '\\\n'
        break
      case 'tab':
        out += '&#9;'
        break
      case 'link':
      case 'autolink': {
        const label = renderInline(node.children, context)
        const url = String(node.url ?? '')
        out += isSafeLinkUrl(url) && label !== '' ? `[${label}](${linkDestination(url)})` : label
        break
      }
      case INLINE_CITATION_TYPE:
        out += context.citations.inline(node as SerializedInlineCitationJson)
        break
      default:
        out += renderInline(node.children, context)
    }
  }
  return out
}

function renderText(text: string, format: number, context: Context): string {
  if (text === '') return ''
  if (format & CODE) return inlineCode(text)
  // Emphasis must hug its text: "** bold**" is not bold, so blanks go outside the markers.
  const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) as RegExpExecArray
  if (core === '') return text
  let body = escapeText(core)
  if (format & STRIKETHROUGH) body = `~~${body}~~`
  if (format & UNDERLINE)
    body = context.flavor === 'pandoc' ? `[${body}]{.underline}` : `<ins>${body}</ins>`
  if (format & ITALIC) body = `*${body}*`
  if (format & BOLD) body = `**${body}**`
  return `${lead}${body}${trail}`
}
