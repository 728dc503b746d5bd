// One content document of the book -> reader text, through the same sanitizer and reader-text
// writer as an HTML article (no Readability: a chapter is all text, not a page around an article).
import { purifyConfig } from '../article-html'
import { droppedTags } from '../html-blocks'
import { domNestingDepth, nestsDeeperThan } from '../html-depth'
import { NestingTooDeep } from '../limits'
import { readerTextFrom, type ReaderText } from '../reader-text'
import { readingWindow } from '../reading-window'
import { narrowWideLists } from '../wide-lists'
import { descendants } from './package'

export interface ChapterText extends ReaderText {
  /** The chapter's first heading, for a book whose contents do not name it. */
  heading?: string
  /** Where each element id asked for begins in `text` (ids not found are left out). */
  anchors: Map<string, number>
}

/**
 * XHTML -> reader text. It is parsed with the HTML parser, which forgives what real books get
 * wrong (entities such as &nbsp; that XML does not know), after writing self-closed elements out
 * in full: `<span id="p12"/>` would otherwise open a span around the rest of the paragraph.
 *
 * `anchorIds` are the ids whose place is wanted (print page markers). The sanitizer removes ids,
 * so before it runs a private-use character (one the chapter does not contain) is put at the start
 * of the first text after each such element; the text is written once to find where the characters
 * landed, and once more without them.
 */
export function chapterText(
  xhtml: string,
  anchorIds: string[],
  maxNestingDepth: number,
): ChapterText {
  const html = xhtml.replace(
    /<([A-Za-z][\w:.-]*)(\s[^<>]*?)?\/>/g,
    (whole, tag: string, rest?: string) =>
      voidTags.has(tag.toLowerCase()) ? whole : `<${tag}${rest ?? ''}></${tag}>`,
  )
  if (nestsDeeperThan(html, maxNestingDepth)) throw new NestingTooDeep(maxNestingDepth)
  const { parse, purify } = readingWindow()
  const document = parse(html)
  if (domNestingDepth(document.documentElement, maxNestingDepth) > maxNestingDepth) {
    throw new NestingTooDeep(maxNestingDepth)
  }
  const container = document.createElement('div')
  if (document.body) {
    narrowWideLists(document.body)
    while (document.body.firstChild) container.appendChild(document.body.firstChild)
  }
  dropUnread(container)
  const { markers, atEnd } = markAnchors(container, anchorIds)
  purify.sanitize(container, { ...purifyConfig, IN_PLACE: true })
  const anchors = new Map<string, number>()
  if (markers.size === 0)
    return { ...readerTextFrom(container), heading: headingOf(container), anchors }

  const marked = readerTextFrom(container).text
  let removed = 0
  for (let index = 0; index < marked.length; index++) {
    const id = markers.get(marked[index] as string)
    if (id === undefined) continue
    anchors.set(id, index - removed)
    removed += 1
  }
  const sentinels = new RegExp(`[${[...markers.keys()].join('')}]`, 'g')
  const walker = document.createTreeWalker(container, 4 /* NodeFilter.SHOW_TEXT */)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue) node.nodeValue = node.nodeValue.replace(sentinels, '')
  }
  const reader = readerTextFrom(container)
  for (const id of atEnd) anchors.set(id, reader.text.length)
  return { ...reader, heading: headingOf(container), anchors }
}

/** Read once the markers are gone, so a page starting at the heading leaves no trace in it. */
function headingOf(container: Element): string | undefined {
  const heading = container.querySelector('h1, h2, h3')?.textContent?.replace(/\s+/g, ' ').trim()
  return heading || undefined
}

/**
 * What a reading system does not show as the book's words: `hidden` elements (EPUB 3 hides its
 * page list that way) and the page numbers some books write inside their page break markers,
 * which would otherwise run into the sentence around them. The markers themselves stay, emptied,
 * so their place is still found.
 */
function dropUnread(container: Element): void {
  for (const element of descendants(container)) {
    if (element.hasAttribute('hidden')) {
      element.remove()
      continue
    }
    const types = `${element.getAttribute('epub:type') ?? ''} ${element.getAttribute('role') ?? ''}`
    if (/(?:^|\s)(?:doc-)?pagebreak(?:\s|$)/.test(types)) element.textContent = ''
  }
}

const voidTags = new Set([
  'br',
  'hr',
  'img',
  'input',
  'meta',
  'link',
  'area',
  'base',
  'col',
  'embed',
  'source',
  'track',
  'wbr',
])

/**
 * Puts a marker character before the first words after each element with one of `ids`, after the
 * text node's leading spaces (so whitespace collapses as it would without it). Returns which
 * character stands for which id, and the ids after which no words come (the chapter's end).
 */
function markAnchors(
  container: Element,
  ids: string[],
): { markers: Map<string, string>; atEnd: string[] } {
  const markers = new Map<string, string>()
  if (ids.length === 0) return { markers, atEnd: [] }
  const wanted = new Set(ids)
  const present = container.textContent ?? ''
  let code = 0xe000
  const nextMarker = (): string | undefined => {
    while (code <= 0xf8ff && present.includes(String.fromCharCode(code))) code++
    return code <= 0xf8ff ? String.fromCharCode(code++) : undefined
  }
  const document = container.ownerDocument
  const walker = document.createTreeWalker(container, 1 | 4 /* SHOW_ELEMENT | SHOW_TEXT */)
  const waiting: string[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 1) {
      const id = (node as Element).getAttribute('id')
      if (id && wanted.has(id)) {
        wanted.delete(id)
        waiting.push(id)
      }
      continue
    }
    const value = node.nodeValue ?? ''
    if (waiting.length === 0 || value.trim() === '' || insideDropped(node, container)) continue
    const lead = /^[ \t\n\r\f]*/.exec(value)?.[0].length ?? 0
    let inserted = ''
    for (const id of waiting) {
      const marker = nextMarker()
      if (marker === undefined) break
      markers.set(marker, id)
      inserted += marker
    }
    waiting.length = 0
    node.nodeValue = value.slice(0, lead) + inserted + value.slice(lead)
  }
  return { markers, atEnd: waiting }
}

/** Text inside a script, style, picture… is never reader text, so a marker there would be lost. */
function insideDropped(node: Node, container: Element): boolean {
  for (
    let parent = node.parentElement;
    parent && parent !== container;
    parent = parent.parentElement
  ) {
    if (droppedTags.has(parent.tagName.toUpperCase())) return true
  }
  return false
}
