// What the import worker runs on one file: the extractor for its kind, with the nesting limit.
import { CommonplaceError } from '../errors'
import { extractArticle } from './article-html'
import { EpubUnreadable, extractEpub } from './epub/extract-epub'
import type { ExtractedArticle, ReadProgress } from './extraction'
import { NestingTooDeep, tooDeepMessage } from './limits'
import type { SourceFileContents } from './read-source-file'
import { extractPdf } from './pdf/extract-pdf'
import { extractMarkdown, extractPlainText } from './text-formats'

export async function extractFile(
  file: SourceFileContents,
  maxNestingDepth: number,
  onProgress?: ReadProgress,
): Promise<ExtractedArticle> {
  if ('bytes' in file && file.kind === 'pdf') {
    return extractPdf(file.bytes, file.fileName, onProgress)
  }
  try {
    if ('bytes' in file) return extractEpub(file.bytes, maxNestingDepth)
    if (file.kind === 'html') return extractArticle(file.content, maxNestingDepth)
    if (file.kind === 'md') return extractMarkdown(file.content, maxNestingDepth)
    return extractPlainText(file.content)
  } catch (error) {
    if (error instanceof NestingTooDeep) {
      throw new CommonplaceError('import-failed', tooDeepMessage(file.fileName, error.limit))
    }
    if (error instanceof EpubUnreadable) {
      throw new CommonplaceError('import-failed', `${file.fileName}: ${error.why}`)
    }
    throw error
  }
}
