// `import-bib` and "Paste BibTeX or CSL-JSON…" in Edit details: read a reference manager's file
// or one pasted entry, then match and fill (import-bibliography.ts) or hand back the details.
import { readFile, stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import type { SourceMetadata } from '../../../shared/domain'
import { CommonplaceError } from '../errors'
import { readFailure } from '../importing/read-source-file'
import type { NotebookStore } from '../store/notebook-store'
import { metadataOf } from './bib-entry'
import { importBibliography, type BibImportReport } from './import-bibliography'
import { parseBibliography, type BibliographyFormat } from './parse-bibliography'

/** A whole Zotero library of tens of thousands of entries is well under this. */
const MAX_BIBLIOGRAPHY_BYTES = 64 * 1024 * 1024

export interface BibFileReport extends BibImportReport {
  fileName: string
  format: BibliographyFormat
  /** How many entries the file held that could be read. */
  entries: number
}

export class BibliographyService {
  constructor(
    private readonly store: NotebookStore,
    private readonly sourceChanged: (sourceId: string) => Promise<void>,
  ) {}

  /**
   * Reads the file, matches its entries to sources and fills their details. Throws, naming the
   * file, when it cannot be read, is no bibliography, or not one of its entries can be read.
   */
  async importFile(path: string): Promise<BibFileReport> {
    const text = await readBibliographyFile(path)
    const fileName = basename(path)
    const parsed = await parseBibliography(text, fileName)
    if (parsed.entries.length === 0) {
      const first = parsed.refused[0]
      throw new CommonplaceError(
        'invalid-argument',
        first
          ? `${fileName}: no entry could be read (${parsed.refused.length} refused; ${first.where}: ${first.message}).`
          : `${fileName}: holds no entries.`,
      )
    }
    const report = await importBibliography(this.store, parsed.entries, this.sourceChanged)
    return {
      fileName,
      format: parsed.format,
      entries: parsed.entries.length,
      ...report,
      // Records the file's parser refused come first, in file order, then those that matched
      // a source whose details could not take them.
      refused: [...parsed.refused, ...report.refused],
    }
  }

  /** One pasted entry as details: see {@link parseBibEntry}. */
  parseEntry(text: string): Promise<SourceMetadata> {
    return parseBibEntry(text)
  }
}

/** One pasted BibTeX entry or CSL-JSON item as a source's details, for the writer to save. */
export async function parseBibEntry(text: string): Promise<SourceMetadata> {
  const pasted = 'The pasted entry'
  const parsed = await parseBibliography(text, pasted)
  const [entry, ...more] = parsed.entries
  if (!entry) {
    const first = parsed.refused[0]
    throw new CommonplaceError(
      'invalid-argument',
      first ? `${pasted} cannot be read: ${first.message}.` : `${pasted} holds no entry.`,
    )
  }
  if (more.length > 0 || parsed.refused.length > 0) {
    throw new CommonplaceError(
      'invalid-argument',
      `${pasted} holds ${parsed.entries.length + parsed.refused.length} entries: paste one.`,
    )
  }
  const metadata = metadataOf(entry)
  return { ...metadata, title: entry.title }
}

async function readBibliographyFile(path: string): Promise<string> {
  const fail = (why: string): CommonplaceError =>
    new CommonplaceError('import-failed', `${resolve(path)}: ${why}.`)
  try {
    const { size } = await stat(path)
    if (size > MAX_BIBLIOGRAPHY_BYTES) throw fail('is too large for a bibliography (over 64 MB)')
    return await readFile(path, 'utf8')
  } catch (error) {
    if (error instanceof CommonplaceError) throw error
    throw fail(readFailure(error))
  }
}
