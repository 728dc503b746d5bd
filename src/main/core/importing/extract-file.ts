// What the import worker runs on one file: the extractor for its kind, with the nesting limit.
import { CommonplaceError } from '../errors'
import { extractArticle } from './article-html'
import type { ExtractedArticle } from './extraction'
import { NestingTooDeep, tooDeepMessage } from './limits'
import type { SourceFileContents } from './read-source-file'
import { extractPdf } from './pdf/extract-pdf'
import { extractMarkdown, extractPlainText } from './text-formats'

export async function extractFile(
  file: SourceFileContents,
  maxNestingDepth: number,
): Promise<ExtractedArticle> {
  if ('bytes' in file) {
    if (file.kind === 'pdf') return extractPdf(file.bytes, file.fileName)
    throw new CommonplaceError('import-failed', `${file.fileName}: EPUB books cannot be read yet.`)
  }
  try {
    if (file.kind === 'html') return extractArticle(file.content, maxNestingDepth)
    if (file.kind === 'md') return extractMarkdown(file.content, maxNestingDepth)
    return extractPlainText(file.content)
  } catch (error) {
    if (error instanceof NestingTooDeep) {
      throw new CommonplaceError('import-failed', tooDeepMessage(file.fileName, error.limit))
    }
    throw error
  }
}
