// The book's package: META-INF/container.xml names the OPF file, and the OPF says what the book
// is (Dublin Core metadata), what it holds (the manifest) and in which order it is read (the spine).
import type { SourceMetadata } from '../../../../shared/domain'
import { EpubUnreadable, resolveHref, type Archive } from './archive'

export interface ManifestItem {
  id: string
  /** Its path in the archive. */
  path: string
  mediaType: string
  properties: string[]
}

export interface EpubPackage {
  /** The OPF file's path in the archive. */
  path: string
  metadata: Partial<SourceMetadata>
  /** The content documents in reading order. */
  spine: ManifestItem[]
  /** The EPUB 3 navigation document, if the manifest names one. */
  navPath?: string
  /** The EPUB 2 table of contents (NCX), if the manifest names one. */
  ncxPath?: string
}

const DC = 'http://purl.org/dc/elements/1.1/'

export type XmlParser = (xml: string) => Document

export function readPackage(archive: Archive, parseXml: XmlParser): EpubPackage {
  const container = archive.text('META-INF/container.xml')
  if (container === undefined) {
    throw new EpubUnreadable('is not a readable EPUB: it has no META-INF/container.xml.')
  }
  const rootfile = elementsNamed(
    xmlDocument(container, 'META-INF/container.xml', parseXml),
    'rootfile',
  )
    .map((element) => element.getAttribute('full-path')?.trim() ?? '')
    .find((path) => path !== '')
  if (!rootfile) {
    throw new EpubUnreadable('is not a readable EPUB: its container.xml names no package file.')
  }
  const opf = archive.text(rootfile)
  if (opf === undefined) {
    throw new EpubUnreadable(`is not a readable EPUB: its package file ${rootfile} is missing.`)
  }
  const document = xmlDocument(opf, rootfile, parseXml)

  const manifest = new Map<string, ManifestItem>()
  for (const item of elementsNamed(document, 'item')) {
    const id = item.getAttribute('id') ?? ''
    const target = resolveHref(rootfile, item.getAttribute('href') ?? '')
    if (!id || !target) continue
    manifest.set(id, {
      id,
      path: target.path,
      mediaType: (item.getAttribute('media-type') ?? '').trim().toLowerCase(),
      properties: (item.getAttribute('properties') ?? '').split(/\s+/).filter(Boolean),
    })
  }
  const spineElement = elementsNamed(document, 'spine')[0]
  const spine = elementsNamed(document, 'itemref')
    .map((ref) => manifest.get(ref.getAttribute('idref') ?? ''))
    .filter((item): item is ManifestItem => item !== undefined)
  if (spine.length === 0) {
    throw new EpubUnreadable(
      `is not a readable EPUB: its package file ${rootfile} lists no chapters.`,
    )
  }
  const items = [...manifest.values()]
  const ncxId = spineElement?.getAttribute('toc') ?? ''
  return {
    path: rootfile,
    metadata: metadataOf(document),
    spine,
    navPath: items.find((item) => item.properties.includes('nav'))?.path,
    ncxPath: (
      manifest.get(ncxId) ?? items.find((item) => item.mediaType === 'application/x-dtbncx+xml')
    )?.path,
  }
}

/** An XML file of the book, or a refusal naming it when it is not well-formed. */
export function xmlDocument(xml: string, path: string, parseXml: XmlParser): Document {
  const document = parseXml(xml)
  if (document.getElementsByTagName('parsererror').length > 0) {
    throw new EpubUnreadable(`is damaged: its ${path} is not well-formed XML.`)
  }
  return document
}

/** Elements by local name, whatever namespace prefix the file gave them (dc:, opf: or none). */
export function elementsNamed(root: Document | Element, localName: string): Element[] {
  return descendants(root).filter((element) => element.localName === localName)
}

/**
 * Every element under `root`, in document order, by sibling links: jsdom answers `Array.from` over
 * an HTMLCollection one index at a time, which made a nav of thousands of page links quadratic.
 */
export function descendants(root: Document | Element): Element[] {
  const found: Element[] = []
  const top = 'documentElement' in root ? root.documentElement : root
  if (!top) return found
  let element: Element | null = top === root ? top.firstElementChild : top
  while (element) {
    found.push(element)
    if (element.firstElementChild) {
      element = element.firstElementChild
      continue
    }
    while (element && !element.nextElementSibling) {
      element = element.parentElement
      if (element === root || element === top) element = null
    }
    element = element?.nextElementSibling ?? null
  }
  return found
}

function textOf(element: Element | undefined): string | undefined {
  const text = element?.textContent?.replace(/\s+/g, ' ').trim()
  return text || undefined
}

/** EPUB 3 says more about an element in `<meta refines="#id" property="…">` elements. */
function refinements(document: Document): (element: Element, property: string) => string[] {
  const byId = new Map<string, { property: string; value: string }[]>()
  for (const meta of elementsNamed(document, 'meta')) {
    const refines = meta.getAttribute('refines')?.trim()
    const property = meta.getAttribute('property')?.trim()
    if (!refines?.startsWith('#') || !property) continue
    const list = byId.get(refines.slice(1)) ?? []
    list.push({ property, value: (meta.textContent ?? '').trim() })
    byId.set(refines.slice(1), list)
  }
  return (element, property) =>
    (byId.get(element.getAttribute('id') ?? '') ?? [])
      .filter((refinement) => refinement.property === property)
      .map((refinement) => refinement.value)
}

function metadataOf(document: Document): Partial<SourceMetadata> {
  const refined = refinements(document)
  const titles = elementsNamed(document, 'title').filter((title) => title.namespaceURI === DC)
  const mainTitle = titles.find((title) => refined(title, 'title-type').includes('main'))

  // Authors only: an illustrator or editor is a creator too (EPUB 2 opf:role, EPUB 3 refines).
  const creators = elementsNamed(document, 'creator').map((creator) => ({
    name: textOf(creator),
    roles: [creator.getAttribute('opf:role') ?? '', ...refined(creator, 'role')]
      .map((role) => role.trim().toLowerCase())
      .filter(Boolean),
  }))
  const authors = creators.filter(({ roles }) => roles.length === 0 || roles.includes('aut'))
  const names = [
    ...new Set(
      (authors.length > 0 ? authors : creators)
        .map(({ name }) => name)
        .filter((name): name is string => name !== undefined),
    ),
  ]

  const dates = elementsNamed(document, 'date')
  const published =
    dates.find((date) => date.getAttribute('opf:event')?.toLowerCase() === 'publication') ??
    dates[0]

  return {
    title: textOf(mainTitle ?? titles[0]),
    author: joinNames(names),
    publisher: textOf(elementsNamed(document, 'publisher')[0]),
    publishedAt: textOf(published),
    identifier: identifierOf(document, refined),
  }
}

/** "A", "A and B", "A, B and C" */
export function joinNames(names: string[]): string | undefined {
  if (names.length === 0) return undefined
  if (names.length === 1) return names[0]
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/** An ISBN where the book gives one (what a citation wants), else its unique identifier. */
function identifierOf(
  document: Document,
  refined: (element: Element, property: string) => string[],
): string | undefined {
  const identifiers = elementsNamed(document, 'identifier')
  for (const identifier of identifiers) {
    const value = textOf(identifier)
    if (!value) continue
    const bare = value.replace(/^(?:urn:)?isbn:\s*/i, '')
    const declared =
      identifier.getAttribute('opf:scheme')?.toLowerCase() === 'isbn' ||
      // ONIX code list 5: 02 is ISBN-10, 15 is ISBN-13.
      refined(identifier, 'identifier-type').some((type) => /^(?:isbn|02|15)$/i.test(type)) ||
      bare !== value
    if (declared || looksLikeIsbn(bare)) return bare
  }
  const uniqueId = elementsNamed(document, 'package')[0]?.getAttribute('unique-identifier')
  const unique = identifiers.find((identifier) => identifier.getAttribute('id') === uniqueId)
  return textOf(unique ?? identifiers[0])
}

function looksLikeIsbn(value: string): boolean {
  if (!/^[\d\s-]+[\dXx]$/.test(value)) return false
  const digits = value.replace(/[\s-]/g, '')
  return digits.length === 13 || digits.length === 10
}
