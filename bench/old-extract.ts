// The extraction main did before issue 10, kept for the bench only, so the new one is compared
// with it on the same pages, in the same process, under the same load: the exact parse5 nesting
// scan on every page, a new jsdom window per page, jsdom's selector engine for Readability, and a
// DOMPurify made for each page. (Main before that also re-parsed the sanitized HTML.)
import { Readability } from '@mozilla/readability'
import createDOMPurify from 'dompurify'
import { JSDOM } from 'jsdom'
import { purifyConfig } from '../src/main/core/importing/article-html'
import { domNestingDepth, htmlNestingDepth } from '../src/main/core/importing/html-depth'
import { readerTextFrom, type ReaderText } from '../src/main/core/importing/reader-text'
import { narrowWideLists } from '../src/main/core/importing/wide-lists'

const LIMIT = 256

export function oldExtractArticle(html: string): ReaderText {
  if (htmlNestingDepth(html, LIMIT) > LIMIT) throw new Error('too deep')
  const dom = new JSDOM(html, { url: 'https://commonplace.invalid/' })
  const document = dom.window.document
  if (domNestingDepth(document.documentElement, LIMIT) > LIMIT) throw new Error('too deep')
  if (document.body) narrowWideLists(document.body)
  const article = new Readability<Element>(document, {
    keepClasses: false,
    serializer: (content) => content as Element,
  }).parse()
  const container = document.createElement('div')
  if (article?.content) container.appendChild(article.content)
  const purify = createDOMPurify(dom.window as unknown as Parameters<typeof createDOMPurify>[0])
  purify.sanitize(container, { ...purifyConfig, IN_PLACE: true })
  return readerTextFrom(container)
}
