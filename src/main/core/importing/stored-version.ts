// What an extracted file becomes in the store: the version's text file (with its layout and the
// kept file it names), the kept file itself, and a source's details when its page arrives.
import type { SourceEntry, VersionText } from '../store/schema'
import { SCHEMA_VERSION } from '../store/schema'
import type { Transaction } from '../store/transaction'
import { sha256Bytes } from '../ids'
import type { ExtractedArticle } from './extraction'
import type { SourceFileContents } from './read-source-file'

export function versionText(hash: string, article: ExtractedArticle): VersionText {
  const kept = article.keep
  return {
    schemaVersion: SCHEMA_VERSION,
    hash,
    text: article.text,
    html: article.html,
    ...(article.layout && { layout: article.layout }),
    ...(kept && {
      file: {
        hash: keptHash(article) as string,
        mediaType: kept.mediaType,
        bytes: kept.bytes.length,
      },
    }),
  }
}

/** The kept file's hash, worked out once per article (a 100 MB PDF takes a while to hash). */
const keptHashes = new WeakMap<ExtractedArticle, string>()
export function keptHash(article: ExtractedArticle): string | undefined {
  if (!article.keep) return undefined
  let hash = keptHashes.get(article)
  if (!hash) keptHashes.set(article, (hash = sha256Bytes(article.keep.bytes)))
  return hash
}

export function keepFile(tx: Transaction, article: ExtractedArticle): void {
  const hash = keptHash(article)
  if (article.keep && hash) tx.keepFile(hash, article.keep.bytes)
}

/** A source made from highlights, now that its page is imported: the page's own details. */
export function becomePage(
  entry: SourceEntry,
  file: SourceFileContents,
  article: ExtractedArticle,
): void {
  delete entry.highlightsOnly
  entry.kind = file.kind
  const { metadata } = article
  entry.title = metadata.title?.trim() || entry.title
  entry.author = metadata.author ?? entry.author
  entry.siteName = metadata.siteName ?? entry.siteName
  entry.publishedAt = metadata.publishedAt ?? entry.publishedAt
}

/** "baker-red-rocket_interview.txt" -> "Baker red rocket interview" */
export function titleFromFileName(fileName: string): string {
  const words = fileName
    .replace(/\.[^.]+$/, '')
    .replace(/[-_]+/g, ' ')
    .trim()
  return words ? (words[0] ?? '').toUpperCase() + words.slice(1) : fileName
}
