// citeproc's HTML output -> Markdown: italics and bold kept, every other character literal text
// (titles come from the web and may hold Markdown), web addresses as autolinks.
import { escapeText, webAutolink } from '../markdown-text'

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

/** Trailing punctuation after an address is the sentence's, not the address's. */
const URL = /https?:\/\/[^\s<>"]+?(?=[.,;:)\]]*(?:\s|$))/g

/** Text between tags, escaped; an http(s) address in it becomes "<https://…>". */
function textToMarkdown(text: string): string {
  let out = ''
  let at = 0
  for (const match of text.matchAll(URL)) {
    const link = webAutolink(match[0])
    if (!link) continue
    out += escapeText(text.slice(at, match.index)) + link
    at = match.index + match[0].length
  }
  return out + escapeText(text.slice(at))
}

/**
 * One formatted citation or bibliography entry, from citeproc's 'html' format, as one line of
 * Markdown. Tags other than emphasis are dropped (their text stays); "font-style:normal" inside
 * italics (a title within a title) closes and reopens the emphasis.
 */
export function cslHtmlToMarkdown(html: string): string {
  let out = ''
  const open: string[] = []
  const italicDepth = (): number => open.filter((mark) => mark === '*').length
  for (const token of html.match(/<[^>]*>|[^<]+/g) ?? []) {
    if (!token.startsWith('<')) {
      out += textToMarkdown(decodeEntities(token).replace(/\s+/g, ' '))
      continue
    }
    const tag = /^<(\/?)([a-z]+)([^>]*)>$/i.exec(token)
    if (!tag) continue
    const [, closing, name = '', attributes = ''] = tag
    const lower = name.toLowerCase()
    let mark = ''
    if (lower === 'i' || lower === 'em') mark = '*'
    else if (lower === 'b' || lower === 'strong') mark = '**'
    else if (lower === 'span' && /font-style:\s*normal/i.test(attributes)) mark = 'normal'
    else if (
      lower === 'span' ||
      lower === 'sup' ||
      lower === 'sub' ||
      lower === 'a' ||
      lower === 'div'
    )
      mark = 'none'
    if (!mark) continue
    if (closing) {
      const last = open.pop()
      if (last === '*' || last === '**') out += last
      else if (last === 'normal' && italicDepth() > 0) out += '*'
    } else {
      open.push(mark)
      if (mark === '*' || mark === '**') out += mark
      else if (mark === 'normal' && italicDepth() > 0) out += '*'
    }
  }
  return out.trim()
}

/** What a reader sees of citeproc's HTML: the text without tags, entities decoded. */
export function cslHtmlToText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim()
}
