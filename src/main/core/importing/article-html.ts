import { Readability } from '@mozilla/readability'
import type { SourceMetadata } from '../../../shared/domain'
import { domNestingDepth, nestsDeeperThan } from './html-depth'
import { DEFAULT_IMPORT_LIMITS, NestingTooDeep } from './limits'
import type { ExtractedArticle } from './extraction'
import { readerTextFrom } from './reader-text'
import { readingWindow } from './reading-window'
import { narrowWideLists } from './wide-lists'

/**
 * Allow-list for what may reach the renderer. DOMPurify already removes scripts and event
 * handlers; this also removes everything that loads or navigates (images, frames, forms, <base>,
 * meta refresh, styles that could fetch a URL), because an offline notebook must not phone home.
 */
export const purifyConfig = {
  ALLOWED_TAGS: [
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'pre',
    'code',
    'blockquote',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'a',
    'em',
    'i',
    'strong',
    'b',
    'u',
    's',
    'sub',
    'sup',
    'small',
    'abbr',
    'cite',
    'q',
    'mark',
    'del',
    'ins',
    'kbd',
    'br',
    'hr',
    'figure',
    'figcaption',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'td',
    'th',
    'div',
    'span',
    'section',
    'article',
    'main',
    'header',
    'footer',
  ],
  ALLOWED_ATTR: ['href'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  KEEP_CONTENT: true,
}

/**
 * HTML page -> the article's text, display HTML and metadata. Nothing in the page is executed.
 * A page nested deeper than `maxNestingDepth` is refused (NestingTooDeep) before jsdom sees it.
 */
export function extractArticle(
  html: string,
  maxNestingDepth = DEFAULT_IMPORT_LIMITS.maxNestingDepth,
): ExtractedArticle {
  if (nestsDeeperThan(html, maxNestingDepth)) {
    throw new NestingTooDeep(maxNestingDepth)
  }
  // One parse, into a document of the worker's one window (reading-window.ts).
  const { parse, purify } = readingWindow()
  const document = parse(html)
  if (domNestingDepth(document.documentElement, maxNestingDepth) > maxNestingDepth) {
    throw new NestingTooDeep(maxNestingDepth)
  }
  const metadata = metadataOf(document)
  if (document.body) narrowWideLists(document.body)

  // The article comes back as an element of this same document, sanitized where it stands: a
  // string round trip would parse the whole article a second time into a second DOM.
  const article = new Readability<Element>(document, {
    keepClasses: false,
    serializer: (content) => content as Element,
  }).parse()
  const container = document.createElement('div')
  if (article?.content) container.appendChild(article.content)
  else if (document.body) moveChildren(document.body, container)
  // The reader text below is also written from an allow-list of its own, whatever DOMPurify leaves.
  purify.sanitize(container, { ...purifyConfig, IN_PLACE: true })
  const reader = readerTextFrom(container)

  return {
    ...reader,
    metadata: {
      title: metadata.title ?? article?.title?.trim() ?? undefined,
      author: metadata.author ?? (article?.byline?.trim() || undefined),
      siteName: metadata.siteName ?? (article?.siteName?.trim() || undefined),
      publishedAt: metadata.publishedAt ?? (article?.publishedTime?.trim() || undefined),
      url: metadata.url,
    },
  }
}

/** Front first: jsdom walks a removed node's preceding siblings, so this order costs nothing. */
function moveChildren(from: Element, to: Element): void {
  while (from.firstChild) to.appendChild(from.firstChild)
}

function metaContent(document: Document, ...selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const value = document.querySelector(selector)?.getAttribute('content')?.trim()
    if (value) return value
  }
  return undefined
}

function metadataOf(document: Document): Partial<SourceMetadata> {
  const canonical = document.querySelector('link[rel~="canonical"]')?.getAttribute('href')?.trim()
  const url = canonical ?? metaContent(document, 'meta[property="og:url"]')
  return {
    title: metaContent(document, 'meta[property="og:title"]', 'meta[name="twitter:title"]'),
    author: metaContent(document, 'meta[name="author"]', 'meta[property="article:author"]'),
    siteName: metaContent(
      document,
      'meta[property="og:site_name"]',
      'meta[name="application-name"]',
    ),
    publishedAt: metaContent(
      document,
      'meta[property="article:published_time"]',
      'meta[name="date"]',
      'meta[itemprop="datePublished"]',
    ),
    url: url && /^https?:\/\//i.test(url) ? url : undefined,
  }
}
