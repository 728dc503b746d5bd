// A highlights file from disk to clippings: read (within a size a highlights export never nears),
// parsed in its format, imported. The CLI and the app's File > Import highlights… both come here.
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { HighlightsImportReport } from '../../../shared/highlights'
import { CommonplaceError } from '../errors'
import { parseHighlightsFile } from './detect-format'
import type { HighlightFormat } from './highlight-record'
import type { HighlightsService } from './import-highlights'

/** Years of highlights are a few megabytes; anything far larger is not a highlights export. */
const MAX_BYTES = 64 * 1024 * 1024

export async function importHighlightsFile(
  highlights: HighlightsService,
  path: string,
  options: { format?: HighlightFormat; sourceId?: string } = {},
): Promise<HighlightsImportReport> {
  const fileName = basename(path)
  let text: string
  try {
    if ((await stat(path)).size > MAX_BYTES) {
      throw new CommonplaceError(
        'import-failed',
        `${fileName}: is larger than ${MAX_BYTES / 1024 / 1024} MB; not a highlights export.`,
      )
    }
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (error instanceof CommonplaceError) throw error
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error)
    throw new CommonplaceError('import-failed', `${fileName}: cannot be read: ${reason}.`)
  }
  const parsed = parseHighlightsFile(text, options.format, fileName)
  if (parsed.records.length === 0 && parsed.refused.length > 0) {
    const first = parsed.refused[0] as { where: string; message: string }
    throw new CommonplaceError(
      'invalid-argument',
      `${fileName}: no highlight could be read (${first.where}: ${first.message}).`,
    )
  }
  return highlights.importHighlights(parsed, { sourceId: options.sourceId }, fileName)
}
