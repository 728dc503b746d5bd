// An EPUB (2 or 3) -> one source version: the chapters' reader texts in spine order, joined like
// blocks, each chapter's display HTML in a <section> of its own, and the book's layout (chapters
// with their titles, printed pages where the book has a page list).
import type { ChapterSpan, PageSpan, SourceLayout } from '../../../../shared/layout'
import type { ExtractedArticle } from '../extraction'
import { DEFAULT_IMPORT_LIMITS } from '../limits'
import { BLOCK_SEPARATOR } from '../reader-text'
import { readingWindow } from '../reading-window'
import { DEFAULT_ARCHIVE_LIMITS, EpubUnreadable, openArchive, type ArchiveLimits } from './archive'
import { chapterText } from './chapter'
import { readNavigation, type NavigationPoint } from './navigation'
import {
  elementsNamed,
  readPackage,
  xmlDocument,
  type EpubPackage,
  type XmlParser,
} from './package'

export { EpubUnreadable } from './archive'

/**
 * Reads the book from its bytes. Throws EpubUnreadable (worded without the file's name) when it is
 * not a zip, is damaged, has no package, is protected by DRM or has no readable text. A chapter the
 * spine names but the archive lacks is left out, and the rest of the book is read.
 */
export function extractEpub(
  bytes: Uint8Array,
  maxNestingDepth = DEFAULT_IMPORT_LIMITS.maxNestingDepth,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): ExtractedArticle & { layout: SourceLayout } {
  const archive = openArchive(bytes, limits)
  const { parseXml } = readingWindow()
  const book = readPackage(archive, parseXml)
  refuseIfProtected(archive.text('META-INF/encryption.xml'), book, parseXml)
  const navigation = readNavigation(archive, book, parseXml)

  const texts: string[] = []
  const html: string[] = []
  const chapters: ChapterSpan[] = []
  const pageStarts: { label: string; start: number }[] = []
  let offset = 0
  for (const item of book.spine) {
    const xhtml = archive.text(item.path)
    if (xhtml === undefined || !/html|xml/.test(item.mediaType)) continue
    const pagesHere = navigation.pages.filter((page) => page.path === item.path)
    const chapter = chapterText(
      xhtml,
      pagesHere.map((page) => page.fragment).filter(Boolean),
      maxNestingDepth,
    )
    // A cover or a page of pictures has no text: nothing to read, cite or list in the contents.
    if (chapter.text === '') continue
    if (texts.length > 0) offset += BLOCK_SEPARATOR.length
    const number = chapters.length + 1
    const title = titleOf(navigation.toc, item.path) ?? chapter.heading ?? `Chapter ${number}`
    chapters.push({ start: offset, end: offset + chapter.text.length, title })
    for (const page of pagesHere) {
      const at = page.fragment === '' ? 0 : chapter.anchors.get(page.fragment)
      if (at !== undefined) pageStarts.push({ label: page.label, start: offset + at })
    }
    html.push(
      `<section data-chapter="${number}" id="chapter-${number}" aria-label="${escapeAttribute(title)}">`,
      shiftOffsets(chapter.html, offset),
      '</section>',
    )
    texts.push(chapter.text)
    offset += chapter.text.length
  }
  if (texts.length === 0) throw new EpubUnreadable('has no readable text in any of its chapters.')
  const text = texts.join(BLOCK_SEPARATOR)

  const layout: SourceLayout = { chapters }
  const pages = pageSpans(pageStarts, text.length)
  if (pages.length > 0) layout.pages = pages
  return { text, html: html.join(''), metadata: book.metadata, layout }
}

/** The first contents entry that points into this document (its start or a place in it). */
function titleOf(toc: NavigationPoint[], path: string): string | undefined {
  const entries = toc.filter((entry) => entry.path === path)
  return (entries.find((entry) => entry.fragment === '') ?? entries[0])?.label
}

/** Each printed page runs from its marker to the next one (the last to the end of the book). */
function pageSpans(starts: { label: string; start: number }[], textLength: number): PageSpan[] {
  const sorted = [...starts].sort((a, b) => a.start - b.start)
  const spans = sorted.map((page, index) => ({
    label: page.label,
    start: page.start,
    end: sorted[index + 1]?.start ?? textLength,
  }))
  // A blank printed page (two markers in one place) or a marker after the last words holds no text.
  return spans.filter((span) => span.end > span.start)
}

/**
 * The reader-text writer opens every block as `<tag data-start="N">` and escapes `<` in text, so
 * this pattern meets block openings only, never the book's words.
 */
function shiftOffsets(html: string, by: number): string {
  if (by === 0) return html
  return html.replace(
    /<(p|h[1-6]|pre|li|blockquote) data-start="(\d+)">/g,
    (_, tag: string, start: string) => `<${tag} data-start="${Number(start) + by}">`,
  )
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

/** Font obfuscation (IDPF, Adobe) hides fonts only; encrypting a chapter is DRM. */
const fontObfuscation = new Set([
  'http://www.idpf.org/2008/embedding',
  'http://ns.adobe.com/pdf/enc#RC',
])

function refuseIfProtected(
  encryptionXml: string | undefined,
  book: EpubPackage,
  parseXml: XmlParser,
): void {
  if (encryptionXml === undefined) return
  const document = xmlDocument(encryptionXml, 'META-INF/encryption.xml', parseXml)
  const chapterPaths = new Set(book.spine.map((item) => item.path))
  for (const encrypted of elementsNamed(document, 'EncryptedData')) {
    const algorithm = elementsNamed(encrypted, 'EncryptionMethod')[0]?.getAttribute('Algorithm')
    if (algorithm && fontObfuscation.has(algorithm.trim())) continue
    const uri = elementsNamed(encrypted, 'CipherReference')[0]?.getAttribute('URI') ?? ''
    // Its URIs are relative to the archive's root, not to the package file.
    let path = uri
    try {
      path = decodeURIComponent(uri.replace(/^\/+/, ''))
    } catch {
      // Kept as written.
    }
    if (chapterPaths.has(path)) {
      throw new EpubUnreadable('is protected by DRM; Commonplace cannot read it.')
    }
  }
}
