// An EPUB is a zip archive. It is unpacked whole in memory (it is at most MAX_IMPORT_BYTES on disk),
// but only after its central directory has said what unpacking costs: a few kilobytes can claim
// gigabytes (a zip bomb), so the entry count and the total unpacked size are held to limits first.
import { unzipSync } from 'fflate'

/** Thrown by the EPUB reader, which does not know the file's name; the caller words the refusal. */
export class EpubUnreadable extends Error {
  constructor(readonly why: string) {
    super(why)
    this.name = 'EpubUnreadable'
  }
}

export interface ArchiveLimits {
  maxEntries: number
  /** The sum of the unpacked sizes of the entries read. */
  maxUnpackedBytes: number
}

/**
 * A real book has a few hundred entries and unpacks to a few times its size; 10,000 entries and
 * 256 MB leave room for the largest accepted file (20 MB of text unpacks to about 100 MB).
 */
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 10_000,
  maxUnpackedBytes: 256 * 1024 * 1024,
}

/** Pictures, sound and fonts are never shown (the reader shows text only), so never unpacked. */
const skippedMedia =
  /\.(?:jpe?g|png|gif|webp|bmp|tiff?|mp3|mp4|m4a|m4v|ogg|oga|webm|wav|ttf|otf|woff2?)$/i

export interface Archive {
  /** The entry's bytes, by its path in the archive ('OEBPS/text/ch1.xhtml'); undefined if absent. */
  bytes(path: string): Uint8Array | undefined
  /** The entry decoded as UTF-8 text (a byte order mark dropped). */
  text(path: string): string | undefined
  has(path: string): boolean
}

export function openArchive(
  data: Uint8Array,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): Archive {
  // Every zip starts with a local file header, "PK\3\4".
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b || data[2] !== 3 || data[3] !== 4) {
    throw new EpubUnreadable('is not an EPUB (it is not a zip archive).')
  }
  let entries = 0
  let unpacked = 0
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(data, {
      filter: (entry) => {
        entries += 1
        if (entries > limits.maxEntries) {
          throw new EpubUnreadable(
            `has more than ${limits.maxEntries.toLocaleString('en')} files in its archive; ` +
              'Commonplace refuses it as a possible zip bomb.',
          )
        }
        if (entry.name.endsWith('/') || skippedMedia.test(entry.name)) return false
        // fflate unpacks each entry into a buffer of the size the directory declares, no larger,
        // so the declared sizes bound the memory whatever the compressed data holds.
        unpacked += entry.originalSize
        if (unpacked > limits.maxUnpackedBytes) {
          throw new EpubUnreadable(
            `would unpack to more than ${Math.round(limits.maxUnpackedBytes / 1024 / 1024)} MB; ` +
              'Commonplace refuses it as a possible zip bomb.',
          )
        }
        return true
      },
    })
  } catch (error) {
    if (error instanceof EpubUnreadable) throw error
    const why = error instanceof Error ? error.message : String(error)
    throw new EpubUnreadable(`is damaged: its zip archive cannot be read (${why}).`)
  }
  const decoder = new TextDecoder('utf-8')
  return {
    bytes: (path) => files[path],
    text: (path) => {
      const bytes = files[path]
      return bytes === undefined ? undefined : decoder.decode(bytes).replace(/^\ufeff/, '')
    },
    has: (path) => path in files,
  }
}

/**
 * Where `href` (as written in a file at `from`, URL-encoded, maybe with a #fragment) points inside
 * the archive: its path and fragment. Hrefs leaving the archive (http:, ../ past the root) give null.
 */
export function resolveHref(from: string, href: string): { path: string; fragment: string } | null {
  const base = 'http://book.invalid/'
  let url: URL
  try {
    url = new URL(href, base + from.split('/').map(encodeURIComponent).join('/'))
  } catch {
    return null
  }
  if (url.origin !== 'http://book.invalid') return null
  try {
    return {
      path: decodeURIComponent(url.pathname.slice(1)),
      fragment: decodeURIComponent(url.hash.slice(1)),
    }
  } catch {
    return null
  }
}
