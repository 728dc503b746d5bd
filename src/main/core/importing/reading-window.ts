// The one jsdom window an import worker reads every file in. Making a jsdom window costs far more
// than parsing an article (it builds the whole set of Web IDL interfaces), so it is made once per
// worker, and each page is parsed into a document of its own with the window's DOMParser. The
// sanitizer is bound to the same window once as well: it cleans the article where it stands in
// the page's document, and nothing is serialized and parsed again.
import createDOMPurify, { type DOMPurify } from 'dompurify'
import { JSDOM } from 'jsdom'
import { answerTagListsByWalking } from './tag-selector'

export interface ReadingWindow {
  /** A new, inert document of `html`: no script runs and nothing is fetched. */
  parse(html: string): Document
  /** A new XML document of `xml` (an EPUB's package files); no DTD or entity is ever fetched. */
  parseXml(xml: string): Document
  /** A document to build small trees in (plain text imports). */
  scratch: Document
  purify: DOMPurify
}

let window: ReadingWindow | undefined

export function readingWindow(): ReadingWindow {
  window ??= openReadingWindow()
  return window
}

function openReadingWindow(): ReadingWindow {
  // No `runScripts`, no `resources`: jsdom neither runs the page's scripts nor loads anything,
  // and documents made by DOMParser have no browsing context at all.
  const { window: jsdomWindow } = new JSDOM('<!doctype html><body></body>', {
    url: 'https://commonplace.invalid/',
  })
  answerTagListsByWalking([
    jsdomWindow.Element.prototype,
    jsdomWindow.Document.prototype,
    jsdomWindow.DocumentFragment.prototype,
  ])
  const parser = new jsdomWindow.DOMParser()
  // No script ever runs in this window, so no page can have changed what DOMPurify relies on.
  const purify = createDOMPurify(jsdomWindow as unknown as Parameters<typeof createDOMPurify>[0])
  return {
    parse: (html) => parser.parseFromString(html, 'text/html'),
    parseXml: (xml) => parser.parseFromString(xml, 'application/xml'),
    scratch: jsdomWindow.document,
    purify,
  }
}
