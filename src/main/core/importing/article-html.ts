import { Readability } from '@mozilla/readability'
import createDOMPurify from 'dompurify'
import { JSDOM } from 'jsdom'
import type { SourceMetadata } from '../../../shared/domain'
import { readerTextFrom, type ReaderText } from './reader-text'

export interface ExtractedArticle extends ReaderText {
  metadata: Partial<SourceMetadata>
}

/**
 * Allow-list for what may reach the renderer. DOMPurify already removes scripts and event
 * handlers; this also removes everything that loads or navigates (images, frames, forms, <base>,
 * meta refresh, styles that could fetch a URL), because an offline notebook must not phone home.
 */
const purifyConfig = {
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

/** HTML page -> the article's text, display HTML and metadata. Nothing in the page is executed. */
export function extractArticle(html: string): ExtractedArticle {
  // jsdom neither runs scripts nor fetches anything unless asked to; it is not asked.
  const dom = new JSDOM(html, { url: 'https://commonplace.invalid/' })
  const document = dom.window.document
  const metadata = metadataOf(document)

  const article = new Readability(document, { keepClasses: false }).parse()
  const articleHtml = article?.content ?? document.body?.innerHTML ?? ''

  const purify = createDOMPurify(
    new JSDOM('').window as unknown as Parameters<typeof createDOMPurify>[0],
  )
  const clean = purify.sanitize(articleHtml, {
    ...purifyConfig,
    RETURN_DOM: true,
  }) as unknown as Node
  const reader = readerTextFrom(clean, clean.ownerDocument ?? document)

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
