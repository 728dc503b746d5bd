// What the book says about finding one's way in it: the table of contents (chapter titles) and,
// in books made from a printed edition, the page list (where each printed page begins). EPUB 3
// puts both in its navigation document (nav.xhtml), EPUB 2 in its NCX (toc.ncx).
import { resolveHref, type Archive } from './archive'
import { elementsNamed, type EpubPackage, type XmlParser } from './package'

/** A link of the contents or the page list: a label and the place it points at. */
export interface NavigationPoint {
  label: string
  /** The content document's path in the archive. */
  path: string
  /** The id it points at inside that document; '' for the document's start. */
  fragment: string
}

export interface Navigation {
  toc: NavigationPoint[]
  pages: NavigationPoint[]
}

/** The nav document's, else the NCX's; empty lists when neither can be read (it is optional). */
export function readNavigation(
  archive: Archive,
  book: EpubPackage,
  parseXml: XmlParser,
): Navigation {
  const fromNav = book.navPath ? navDocument(archive, book.navPath, parseXml) : undefined
  const fromNcx = book.ncxPath ? ncxDocument(archive, book.ncxPath, parseXml) : undefined
  return {
    toc: fromNav?.toc.length ? fromNav.toc : (fromNcx?.toc ?? []),
    pages: fromNav?.pages.length ? fromNav.pages : (fromNcx?.pages ?? []),
  }
}

function parsed(archive: Archive, path: string, parseXml: XmlParser): Document | undefined {
  const xml = archive.text(path)
  if (xml === undefined) return undefined
  const document = parseXml(xml)
  return document.getElementsByTagName('parsererror').length > 0 ? undefined : document
}

function point(
  from: string,
  label: string | null | undefined,
  href: string | null,
): NavigationPoint | null {
  const text = label?.replace(/\s+/g, ' ').trim()
  const target = href ? resolveHref(from, href) : null
  return text && target ? { label: text, ...target } : null
}

function present(points: (NavigationPoint | null)[]): NavigationPoint[] {
  return points.filter((entry): entry is NavigationPoint => entry !== null)
}

/** `<nav epub:type="toc">` and `<nav epub:type="page-list">`: their links, nested lists flattened. */
function navDocument(archive: Archive, path: string, parseXml: XmlParser): Navigation | undefined {
  const document = parsed(archive, path, parseXml)
  if (!document) return undefined
  const links = (type: string): NavigationPoint[] => {
    const nav = elementsNamed(document, 'nav').find((element) =>
      (element.getAttribute('epub:type') ?? '').split(/\s+/).includes(type),
    )
    if (!nav) return []
    return present(
      elementsNamed(nav, 'a').map((link) =>
        point(path, link.textContent, link.getAttribute('href')),
      ),
    )
  }
  return { toc: links('toc'), pages: links('page-list') }
}

/** `<navMap>` navPoints (nested ones in reading order) and `<pageList>` pageTargets. */
function ncxDocument(archive: Archive, path: string, parseXml: XmlParser): Navigation | undefined {
  const document = parsed(archive, path, parseXml)
  if (!document) return undefined
  const entry = (element: Element): NavigationPoint | null => {
    const label = Array.from(element.children).find((child) => child.localName === 'navLabel')
    const content = Array.from(element.children).find((child) => child.localName === 'content')
    return point(path, label?.textContent, content?.getAttribute('src') ?? null)
  }
  return {
    toc: present(elementsNamed(document, 'navPoint').map(entry)),
    pages: present(elementsNamed(document, 'pageTarget').map(entry)),
  }
}
