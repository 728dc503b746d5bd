import { extractArticle, type ExtractedArticle } from './article-html'
import type { SourceFileContents } from './read-source-file'
import { extractMarkdown, extractPlainText } from './text-formats'

/** A file's text, display HTML and metadata, by its kind, in this thread. */
export async function extractInProcess(file: SourceFileContents): Promise<ExtractedArticle> {
  if (file.kind === 'html') return extractArticle(file.content)
  if (file.kind === 'md') return extractMarkdown(file.content)
  return extractPlainText(file.content)
}
