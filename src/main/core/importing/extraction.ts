// The seam between the services and the code that reads a file's content: SourcesService calls an
// Extractor; the default one runs extractFile in a worker thread (worker-extractor.ts).
import type { SourceMetadata } from '../../../shared/domain'
import type { SourceLayout } from '../../../shared/layout'
import type { SourceFileContents } from './read-source-file'
import type { ReaderText } from './reader-text'

/** What reading a file gives: the version's text and display HTML, and what the file says of itself. */
export interface ExtractedArticle extends ReaderText {
  metadata: Partial<SourceMetadata>
  /** Where the file's pages or chapters fall in the text (books, PDFs). */
  layout?: SourceLayout
}

/** Turns a file's content into the article a source version keeps, or refuses it. */
export interface Extractor {
  (file: SourceFileContents): Promise<ExtractedArticle>
  /** How many files it reads at once (a pool of workers); a batch keeps that many under way. */
  readonly parallel?: number
}

/** Main thread -> import worker: one file to read. */
export interface ExtractionRequest {
  id: number
  file: SourceFileContents
  maxNestingDepth: number
}

/** Import worker -> main thread: ready once its modules are loaded, then one reply per request. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; article: ExtractedArticle }
  | { type: 'refused'; id: number; message: string }
