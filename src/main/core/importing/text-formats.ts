import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import type { SourceMetadata } from '../../../shared/domain'
import type { ExtractedArticle } from './extraction'
import { nestsDeeperThan } from './html-depth'
import { DEFAULT_IMPORT_LIMITS, NestingTooDeep } from './limits'
import { readerTextFrom } from './reader-text'
import { readingWindow } from './reading-window'

/**
 * Markdown -> reader text. Raw HTML inside the Markdown is shown as text, never rendered. Quotes
 * and lists nest as deep as their markers go, so the HTML they make is held to the same limit.
 */
export function extractMarkdown(
  markdown: string,
  maxNestingDepth = DEFAULT_IMPORT_LIMITS.maxNestingDepth,
): ExtractedArticle {
  const { body, metadata } = splitFrontMatter(markdown)
  const html = micromark(body, { extensions: [gfm()], htmlExtensions: [gfmHtml()] })
  if (nestsDeeperThan(html, maxNestingDepth)) {
    throw new NestingTooDeep(maxNestingDepth)
  }
  const document = readingWindow().parse(`<body>${html}</body>`)
  const heading = document.querySelector('h1')?.textContent?.trim()
  return {
    ...readerTextFrom(document.body),
    metadata: { ...metadata, title: metadata.title ?? (heading || undefined) },
  }
}

/**
 * Plain text -> one paragraph per run of lines between blank lines. A text with no blank line at
 * all is written one paragraph per line (news copy, headings as short lines): joining its lines
 * would run every heading into one wall of text.
 */
export function extractPlainText(text: string): ExtractedArticle {
  const { scratch } = readingWindow()
  const body = scratch.createElement('div')
  const lines = text.replace(/\r\n?/g, '\n')
  const blankLine = /\n[ \t]*\n/
  for (const paragraph of lines.split(blankLine.test(lines.trim()) ? blankLine : '\n')) {
    const p = scratch.createElement('p')
    p.textContent = paragraph
    body.appendChild(p)
  }
  return { ...readerTextFrom(body), metadata: {} }
}

/** Reads the simple `key: value` lines of a YAML front matter block, as Obsidian notes have. */
function splitFrontMatter(markdown: string): { body: string; metadata: Partial<SourceMetadata> } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(markdown)
  if (!match) return { body: markdown, metadata: {} }
  const fields = new Map<string, string>()
  for (const line of (match[1] as string).split(/\r?\n/)) {
    const pair = /^([A-Za-z_]+):\s*(.*)$/.exec(line)
    if (pair)
      fields.set(
        (pair[1] as string).toLowerCase(),
        (pair[2] as string).replace(/^["']|["']$/g, '').trim(),
      )
  }
  const field = (...names: string[]): string | undefined =>
    names.map((name) => fields.get(name)).find((value) => value)
  const url = field('url', 'source', 'link')
  return {
    body: markdown.slice(match[0].length),
    metadata: {
      title: field('title'),
      author: field('author', 'authors', 'byline'),
      siteName: field('site', 'sitename', 'publisher'),
      publishedAt: field('date', 'published'),
      url: url && /^https?:\/\//i.test(url) ? url : undefined,
    },
  }
}
