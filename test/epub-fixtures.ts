// EPUBs made at test time from the shared articles, never committed: the articles' lines become
// chapters of XHTML, zipped with fflate the way the EPUB container asks (an uncompressed
// `mimetype` first). An EPUB 3 book with nav.xhtml (contents and a page list of print page
// markers), an EPUB 2 book with toc.ncx, a DRM-protected one, a truncated one and a file that is
// not a zip. Written to the OS temp folder, named by content, for unit, CLI and e2e tests alike.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, zipSync, type Zippable } from 'fflate'
import { fixtureNames, readFixture } from './fixtures'

const CACHE = join(tmpdir(), 'commonplace-test-epubs')

export interface FixtureBlock {
  kind: 'h1' | 'h2' | 'p'
  text: string
}

export interface FixtureChapter {
  /** Its path under OEBPS/. */
  file: string
  title: string
  blocks: FixtureBlock[]
}

/** A print page marker: the page `label` begins with `firstWords`. */
export interface FixturePage {
  label: string
  file: string
  id: string
  firstWords: string
  /** The block it is in, and whether it stands before the block or after its fifth word. */
  block: number
  inside: boolean
}

export interface BookOptions {
  version?: 2 | 3
  chapters?: FixtureChapter[]
  /** Raw XHTML body of an extra chapter, after the others (hostile markup for sanitizing tests). */
  extraChapterBody?: string
  /** Paths (from the archive root) that META-INF/encryption.xml lists, with their algorithm. */
  encrypted?: { path: string; algorithm: string }[]
  /** A spine item whose file is left out of the archive. */
  missingChapter?: boolean
  withPageList?: boolean
}

export const bookMetadata = {
  title: 'Two Films by Sean Baker',
  creators: ['Ada Reviewer', 'Ben Critic'],
  illustrator: 'Ivy Illustrator',
  publisher: 'Fixture Press',
  date: '2025-03-01',
  isbn: '9780306406157',
  uuid: 'urn:uuid:0b5e7c1e-4c9d-4f7a-9a53-2f6a2c1d0e11',
}

/** The articles as three chapters: the Baker interview, then the Anora piece split at a heading. */
export async function bookChapters(): Promise<FixtureChapter[]> {
  const lines = async (name: string): Promise<string[]> =>
    (await readFixture(name))
      .split(/\r?\n/)
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter((line) => line !== '')
  const asBlocks = (texts: string[]): FixtureBlock[] =>
    // The articles' short lines without a full stop are their section headings.
    texts.map((text) => ({ kind: text.length < 60 && !/[.?!”]$/.test(text) ? 'h2' : 'p', text }))
  const baker = await lines(fixtureNames.bakerTxt)
  const anora = await lines(fixtureNames.anoraTxt)
  const split = Math.max(
    2,
    anora.findIndex((line, index) => index > 1 && line.length < 60),
  )
  return [
    {
      file: 'text/ch1.xhtml',
      title: 'Red Rocket',
      blocks: [{ kind: 'h1', text: 'An Interview on Red Rocket' }, ...asBlocks(baker)],
    },
    {
      file: 'text/ch2.xhtml',
      title: 'Anora at the Oscars',
      blocks: [{ kind: 'h1', text: 'Anora at the Oscars' }, ...asBlocks(anora.slice(0, split))],
    },
    {
      file: 'text/ch%203.xhtml',
      title: 'A Film That Gets It Right',
      blocks: asBlocks(anora.slice(split)),
    },
  ]
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/**
 * Where the print pages begin: page 7 (the book's first printed number) at the start of the first
 * chapter, then one inside every second paragraph, after its fifth word.
 */
export function fixturePages(chapters: FixtureChapter[]): FixturePage[] {
  const pages: FixturePage[] = []
  let paragraphs = 0
  const add = (file: string, block: number, inside: boolean, firstWords: string): void => {
    const label = String(7 + pages.length)
    pages.push({ label, file, id: `pg${label}`, firstWords, block, inside })
  }
  for (const chapter of chapters) {
    chapter.blocks.forEach((block, index) => {
      if (pages.length === 0) return add(chapter.file, index, false, block.text)
      const words = block.text.split(' ')
      if (block.kind !== 'p' || paragraphs++ % 2 !== 1 || words.length < 8) return
      add(chapter.file, index, true, words.slice(5, 8).join(' '))
    })
  }
  return pages
}

function chapterXhtml(chapter: FixtureChapter, pages: FixturePage[]): string {
  const body = chapter.blocks.map((block, index) => {
    const page = pages.find((each) => each.file === chapter.file && each.block === index)
    const marker = page ? `<span epub:type="pagebreak" id="${page.id}" title="${page.label}"/>` : ''
    const words = block.text.split(' ')
    const text = page?.inside
      ? `${escapeXml(words.slice(0, 5).join(' '))} ${marker}${escapeXml(words.slice(5).join(' '))}`
      : escapeXml(block.text)
    return `${page && !page.inside ? marker : ''}<${block.kind}>${text}</${block.kind}>`
  })
  return xhtmlPage(chapter.title, body.join('\n'))
}

function xhtmlPage(title: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en">
<head><title>${escapeXml(title)}</title><link rel="stylesheet" href="../style.css"/></head>
<body>
${body}
</body>
</html>`
}

/** The book's files, mimetype first and stored, as the EPUB container asks. */
export async function bookBytes(options: BookOptions = {}): Promise<Uint8Array> {
  const version = options.version ?? 3
  const chapters = options.chapters ?? (await bookChapters())
  const pages = options.withPageList === false ? [] : fixturePages(chapters)
  const spine = chapters.map((chapter, index) => ({ id: `ch${index + 1}`, ...chapter }))
  if (options.extraChapterBody !== undefined) {
    spine.push({ id: 'extra', file: 'text/extra.xhtml', title: 'Extra', blocks: [] })
  }
  const files: Zippable = {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(`<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`),
    'OEBPS/content.opf': strToU8(packageXml(version, spine)),
    'OEBPS/style.css': strToU8('body { margin: 0 }'),
    'OEBPS/images/cover.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    'OEBPS/text/cover.xhtml': strToU8(
      xhtmlPage('Cover', '<img src="../images/cover.png" alt=""/>'),
    ),
  }
  for (const chapter of chapters) {
    if (options.missingChapter && chapter === chapters[1]) continue
    files[`OEBPS/${decodeURIComponent(chapter.file)}`] = strToU8(chapterXhtml(chapter, pages))
  }
  if (options.extraChapterBody !== undefined) {
    files['OEBPS/text/extra.xhtml'] = strToU8(xhtmlPage('Extra', options.extraChapterBody))
  }
  if (version === 3) files['OEBPS/nav.xhtml'] = strToU8(navXhtml(chapters, pages))
  else files['OEBPS/toc.ncx'] = strToU8(ncxXml(chapters, pages))
  if (options.encrypted)
    files['META-INF/encryption.xml'] = strToU8(encryptionXml(options.encrypted))
  return zipSync(files, { mtime: new Date('2025-01-01T00:00:00Z') })
}

function packageXml(version: 2 | 3, spine: (FixtureChapter & { id: string })[]): string {
  const m = bookMetadata
  const metadata =
    version === 3
      ? `<dc:title id="t1">${m.title}</dc:title>
    <meta refines="#t1" property="title-type">main</meta>
    <dc:creator id="c1">${m.creators[0]}</dc:creator>
    <meta refines="#c1" property="role" scheme="marc:relators">aut</meta>
    <dc:creator id="c3">${m.illustrator}</dc:creator>
    <meta refines="#c3" property="role" scheme="marc:relators">ill</meta>
    <dc:creator id="c2">${m.creators[1]}</dc:creator>
    <dc:identifier id="uid">${m.uuid}</dc:identifier>
    <dc:identifier id="isbn">urn:isbn:${m.isbn}</dc:identifier>
    <dc:publisher>${m.publisher}</dc:publisher>
    <dc:date>${m.date}</dc:date>
    <dc:language>en</dc:language>
    <meta property="dcterms:modified">2025-03-02T00:00:00Z</meta>`
      : `<dc:title>${m.title}</dc:title>
    <dc:creator opf:role="aut" opf:file-as="Reviewer, Ada">${m.creators[0]}</dc:creator>
    <dc:creator opf:role="aut">${m.creators[1]}</dc:creator>
    <dc:creator opf:role="ill">${m.illustrator}</dc:creator>
    <dc:identifier id="uid" opf:scheme="UUID">${m.uuid}</dc:identifier>
    <dc:identifier opf:scheme="ISBN">${m.isbn}</dc:identifier>
    <dc:publisher>${m.publisher}</dc:publisher>
    <dc:date opf:event="modification">2025-06-01</dc:date>
    <dc:date opf:event="publication">${m.date}</dc:date>
    <dc:language>en</dc:language>`
  const items = spine
    .map(
      (chapter) =>
        `<item id="${chapter.id}" href="${chapter.file}" media-type="application/xhtml+xml"/>`,
    )
    .join('\n    ')
  const navigation =
    version === 3
      ? '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
      : '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="${version}.0" unique-identifier="uid">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
    ${metadata}
  </metadata>
  <manifest>
    ${navigation}
    <item id="css" href="style.css" media-type="text/css"/>
    <item id="cover-image" href="images/cover.png" media-type="image/png" properties="cover-image"/>
    <item id="cover" href="text/cover.xhtml" media-type="application/xhtml+xml"/>
    ${items}
  </manifest>
  <spine${version === 2 ? ' toc="ncx"' : ''}>
    <itemref idref="cover" linear="no"/>
    ${spine.map((chapter) => `<itemref idref="${chapter.id}"/>`).join('\n    ')}
  </spine>
</package>`
}

function navXhtml(chapters: FixtureChapter[], pages: FixturePage[]): string {
  const toc = chapters
    .map((chapter) => `<li><a href="${chapter.file}">${escapeXml(chapter.title)}</a></li>`)
    .join('\n      ')
  const pageList = pages
    .map((page) => `<li><a href="${page.file}#${page.id}">${page.label}</a></li>`)
    .join('\n      ')
  return xhtmlPage(
    'Contents',
    `<nav epub:type="toc" id="toc"><h1>Contents</h1><ol>
      ${toc}
    </ol></nav>
    ${pages.length > 0 ? `<nav epub:type="page-list" hidden=""><ol>\n      ${pageList}\n    </ol></nav>` : ''}`,
  )
}

/** The NCX nests the last chapter under the one before it, as books nest sections. */
function ncxXml(chapters: FixtureChapter[], pages: FixturePage[]): string {
  const point = (chapter: FixtureChapter, index: number, inner = ''): string =>
    `<navPoint id="np${index + 1}" playOrder="${index + 1}"><navLabel><text>${escapeXml(chapter.title)}</text></navLabel><content src="${chapter.file}"/>${inner}</navPoint>`
  // The last chapter nests under the one before it (when there is one).
  const nestLast = chapters.length > 1
  const last = chapters.length - 1
  const points = chapters
    .slice(0, nestLast ? last : undefined)
    .map((chapter, index) =>
      point(chapter, index, nestLast && index === last - 1 ? point(chapters[last]!, last) : ''),
    )
    .join('\n    ')
  const targets = pages
    .map(
      (page) =>
        `<pageTarget id="t${page.id}" type="normal" value="${page.label}"><navLabel><text>${page.label}</text></navLabel><content src="${page.file}#${page.id}"/></pageTarget>`,
    )
    .join('\n    ')
  return `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
  <head><meta name="dtb:uid" content="${bookMetadata.uuid}"/></head>
  <docTitle><text>${bookMetadata.title}</text></docTitle>
  <navMap>
    ${points}
  </navMap>
  ${pages.length > 0 ? `<pageList>\n    ${targets}\n  </pageList>` : ''}
</ncx>`
}

function encryptionXml(entries: { path: string; algorithm: string }[]): string {
  const data = entries
    .map(
      ({ path, algorithm }) => `<enc:EncryptedData>
    <enc:EncryptionMethod Algorithm="${algorithm}"/>
    <enc:CipherData><enc:CipherReference URI="${path}"/></enc:CipherData>
  </enc:EncryptedData>`,
    )
    .join('\n  ')
  return `<?xml version="1.0"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
  ${data}
</encryption>`
}

/** Writes `bytes` to the temp folder as `name`, in a folder named by their content. */
export async function writeEpub(name: string, bytes: Uint8Array): Promise<string> {
  const key = createHash('sha256').update(bytes).digest('hex').slice(0, 16)
  const folder = join(CACHE, key)
  const path = join(folder, name)
  if (existsSync(path)) return path
  await mkdir(folder, { recursive: true })
  // Renamed into place: tests running at once never read half a file.
  const temp = `${path}.${process.pid}.tmp`
  await writeFile(temp, bytes)
  await rename(temp, path)
  return path
}

/** The EPUB 3 book: nav.xhtml contents, a page list, three chapters after a picture-only cover. */
export async function bookEpub(): Promise<string> {
  return writeEpub('two-films.epub', await bookBytes())
}

/** The same book as EPUB 2: toc.ncx (with a nested entry) and its pageList, no nav document. */
export async function ncxEpub(): Promise<string> {
  return writeEpub('two-films-epub2.epub', await bookBytes({ version: 2 }))
}

/** A book whose chapters are encrypted (as DRM leaves them). */
export async function drmEpub(): Promise<string> {
  const algorithm = 'http://www.w3.org/2001/04/xmlenc#aes128-cbc'
  return writeEpub(
    'protected.epub',
    await bookBytes({ encrypted: [{ path: 'OEBPS/text/ch1.xhtml', algorithm }] }),
  )
}

/** The first 60% of the book's bytes, as a broken download leaves it. */
export async function damagedEpub(): Promise<string> {
  const whole = await readFile(await bookEpub())
  return writeEpub('damaged.epub', whole.subarray(0, Math.floor(whole.length * 0.6)))
}

/** A text file named .epub. */
export async function notZipEpub(): Promise<string> {
  return writeEpub('not-a-book.epub', strToU8('This is a note, not a book.\n'))
}

/**
 * The articles as a book made by another producer, Pandoc (`-t epub3` or `epub2`): its own
 * package layout, title page and nav. Only where pandoc is installed (see test/pandoc.ts).
 */
export async function pandocEpub(version: 2 | 3): Promise<string> {
  const [baker, anora] = await Promise.all([
    readFixture(fixtureNames.bakerTxt),
    readFixture(fixtureNames.anoraTxt),
  ])
  const markdown = `---
title: Made by Pandoc
author:
- Ann One
- Bob Two
publisher: Pandoc Press
date: 2024-05-01
identifier:
- scheme: ISBN-13
  text: 978-0-306-40615-7
---

# Red Rocket

${baker}

# Anora

${anora}
`
  const folder = join(CACHE, 'pandoc')
  await mkdir(folder, { recursive: true })
  const source = join(folder, `book-${process.pid}.md`)
  await writeFile(source, markdown)
  const target = join(folder, `book-epub${version}-${process.pid}.epub`)
  execFileSync('pandoc', [source, '-t', `epub${version}`, '-o', target])
  return target
}
