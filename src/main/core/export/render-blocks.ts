// Lexical's saved JSON -> Markdown blocks. Citations are rendered by the caller, which numbers
// them and collects their references.
import {
  CITATION_BLOCK_TYPE,
  INLINE_CITATION_TYPE,
  UNREADABLE_BLOCK_TYPE,
  type SerializedCitationBlockJson,
  type SerializedInlineCitationJson,
  type SerializedNodeJson,
  type SerializedUnreadableBlockJson,
} from '../../../shared/essay'
import {
  escapeClosingHashes,
  escapeLines,
  escapeText,
  indentLines,
  inlineCode,
  linkDestination,
  SEPARATOR,
  type Flavor,
} from './markdown-text'
import { isAllowedLink } from '../../../shared/urls'

export type { Flavor }

export interface CitationRenderer {
  block(node: SerializedCitationBlockJson): string
  inline(node: SerializedInlineCitationJson): string
  /** A block the essay could not read (the `index`th of the root): a marker, and a problem. */
  unreadable(node: SerializedUnreadableBlockJson, index: number): string
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
    .map((node, index) =>
      node.type === UNREADABLE_BLOCK_TYPE
        ? citations.unreadable(node as SerializedUnreadableBlockJson, index)
        : renderBlock(node, context),
    )
    .filter((block) => block.trim() !== '')
    .join('\n\n')
}

function renderBlock(node: SerializedNodeJson, context: Context): string {
  switch (node.type) {
    case 'heading': {
      const level = Number(String(node.tag ?? 'h1').slice(1)) || 1
      const text = escapeClosingHashes(
        escapeLines(renderInline(node.children, context), context.flavor),
      )
      return `${'#'.repeat(level)} ${text}`
    }
    case 'quote':
      return indentLines(escapeLines(renderInline(node.children, context), context.flavor), '> ')
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
      return escapeLines(renderInline(node.children, context), context.flavor)
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
    let text = indentLines(
      check + escapeLines(renderInline(inline, context), context.flavor),
      marker,
      pad,
    )
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

/** A piece of a line, and whether emphasis markers sit at its edges (see {@link joinPieces}). */
interface Piece {
  markdown: string
  opens?: boolean
  closes?: boolean
}

export function renderInline(nodes: SerializedNodeJson[] | undefined, context: Context): string {
  const pieces: Piece[] = []
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'text':
        pieces.push(renderText(String(node.text ?? ''), Number(node.format ?? 0), context))
        break
      case 'linebreak':
        pieces.push({ markdown: '\\\n' })
        break
      case 'tab':
        pieces.push({ markdown: '&#9;' })
        break
      case 'link':
      case 'autolink': {
        const label = renderInline(node.children, context)
        const url = String(node.url ?? '')
        pieces.push({
          markdown:
            isAllowedLink(url.trim()) && label !== ''
              ? `[${label}](${linkDestination(url)})`
              : label,
        })
        break
      }
      case INLINE_CITATION_TYPE:
        pieces.push({ markdown: context.citations.inline(node as SerializedInlineCitationJson) })
        break
      default:
        pieces.push({ markdown: renderInline(node.children, context) })
    }
  }
  return joinPieces(pieces)
}

const PUNCTUATION = /[\p{P}\p{S}]/u
const WHITESPACE = /\s/

/**
 * CommonMark opens emphasis only where "*" is left-flanking: "a*(b)*" stays literal, because the
 * "*" follows a letter and precedes punctuation (and likewise for closing); and "**a***b*" pairs
 * the wrong markers. Between such markers and their neighbours goes an empty comment, which is
 * punctuation to the parser and nothing to a reader.
 */
function joinPieces(pieces: Piece[]): string {
  let out = ''
  let previous: Piece | undefined
  for (const piece of pieces) {
    if (piece.markdown === '') continue
    const first = piece.markdown[0] as string
    const last = out[out.length - 1]
    const openerNeedsHelp =
      piece.opens &&
      last !== undefined &&
      !WHITESPACE.test(last) &&
      (previous?.closes || (!PUNCTUATION.test(last) && PUNCTUATION.test(afterRun(piece.markdown))))
    const closerNeedsHelp =
      previous?.closes &&
      PUNCTUATION.test(beforeRun(previous.markdown)) &&
      !WHITESPACE.test(first) &&
      !PUNCTUATION.test(first)
    if (openerNeedsHelp || closerNeedsHelp) out += SEPARATOR
    out += piece.markdown
    previous = piece
  }
  return out
}

/** The character after the leading run of "*" or "~". */
function afterRun(markdown: string): string {
  return markdown.slice((/^(\*+|~+)/.exec(markdown)?.[0] ?? '').length)[0] ?? ''
}

function beforeRun(markdown: string): string {
  const run = /(\*+|~+)$/.exec(markdown)?.[0] ?? ''
  return markdown[markdown.length - run.length - 1] ?? ''
}

function renderText(text: string, format: number, context: Context): Piece {
  if (text === '') return { markdown: '' }
  const marked = (format & (BOLD | ITALIC | STRIKETHROUGH)) !== 0
  // Emphasis must hug its text: "** bold**" is not bold, so blanks go outside the markers. Code
  // keeps its blanks inside, where they are part of it.
  const [, lead, core, trail] =
    format & CODE ? ['', '', text, ''] : (/^(\s*)([\s\S]*?)(\s*)$/.exec(text) as RegExpExecArray)
  const blanks = (run: string): string => run.replace(/\t/g, '&#9;')
  if (core === '') return { markdown: blanks(text) }
  let body = format & CODE ? inlineCode(core) : escapeText(core, context.flavor)
  if (format & STRIKETHROUGH) body = `~~${body}~~`
  if (format & UNDERLINE)
    body =
      context.flavor === 'pandoc' ? `<span class="underline">${body}</span>` : `<ins>${body}</ins>`
  if (format & ITALIC) body = `*${body}*`
  if (format & BOLD) body = `**${body}**`
  return {
    markdown: `${blanks(lead)}${body}${blanks(trail)}`,
    opens: marked && lead === '',
    closes: marked && trail === '',
  }
}
