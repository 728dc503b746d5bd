// Sources with pages or chapters, written straight into a notebook's store: what a PDF or EPUB
// import makes, without needing one. Each page (or chapter) is a paragraph or more of text; they
// are joined by a blank line, as import joins blocks, and the layout records where each stands.
import type { SourceKind, SourceMetadata, SourceSummary } from '../src/shared/domain'
import type { ChapterSpan, SourceLayout } from '../src/shared/layout'
import { newId, sha256 } from '../src/main/core/ids'
import type { NotebookStore } from '../src/main/core/store/notebook-store'
import { SCHEMA_VERSION, type SourceEntry, type VersionText } from '../src/main/core/store/schema'

/** One page (label and text) or one chapter (title and text). */
export interface LaidOutPart {
  text: string
  /** A page's printed label; 1, 2, 3… when absent. */
  label?: string
  /** Makes the part a chapter rather than a page. */
  title?: string
}

export interface LaidOutText {
  text: string
  layout: SourceLayout
}

/** The text of `parts` joined by blank lines, with each part's span as a page or a chapter. */
export function laidOutText(parts: readonly LaidOutPart[]): LaidOutText {
  const layout: SourceLayout = {}
  let text = ''
  parts.forEach((part, index) => {
    if (text !== '') text += '\n\n'
    const start = text.length
    text += part.text
    const span = { start, end: text.length }
    if (part.title !== undefined) {
      ;(layout.chapters ??= []).push({ ...span, title: part.title })
    } else {
      ;(layout.pages ??= []).push({ ...span, label: part.label ?? String(index + 1) })
    }
  })
  return { text, layout }
}

function versionText(hash: string, laidOut: LaidOutText): VersionText {
  const html = laidOut.text
    .split('\n\n')
    .map((block) => `<p>${block.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('')
  return { schemaVersion: SCHEMA_VERSION, hash, text: laidOut.text, html, layout: laidOut.layout }
}

/**
 * A new source of `kind` (a 'pdf' by default) whose only version has these pages or chapters
 * (and `chapters` over them, if given).
 */
export async function createLaidOutSource(
  store: NotebookStore,
  parts: readonly LaidOutPart[],
  details: Partial<SourceMetadata> & { kind?: SourceKind; chapters?: ChapterSpan[] } = {},
): Promise<SourceSummary> {
  const { kind = 'pdf', chapters, ...metadata } = details
  const laidOut = laidOutText(parts)
  // Chapters over pages: a book that prints its page numbers.
  if (chapters) laidOut.layout.chapters = chapters
  const hash = sha256(laidOut.text)
  const importedAt = new Date().toISOString()
  const entry: SourceEntry = {
    title: 'A paged report',
    ...metadata,
    id: newId('s'),
    kind,
    importedAt,
    currentVersionHash: hash,
  }
  await store.write(async (tx) => {
    tx.createSource(
      {
        schemaVersion: SCHEMA_VERSION,
        id: entry.id,
        entry,
        versions: [{ hash, importedAt, fileName: `${entry.id}.${kind}` }],
        clippings: [],
      },
      [versionText(hash, laidOut)],
    )
    ;(await tx.library()).sources.push(entry)
  })
  return { ...entry }
}

/**
 * A newer version with other pages, as a reimport adds it but without re-anchoring: the views
 * work out where each clipping's passage stands now. Call `clippings.refreshSource` after.
 */
export async function addLaidOutVersion(
  store: NotebookStore,
  sourceId: string,
  parts: readonly LaidOutPart[],
): Promise<string> {
  const laidOut = laidOutText(parts)
  const hash = sha256(laidOut.text)
  await store.write(async (tx) => {
    const file = await tx.source(sourceId)
    file.versions.push({ hash, importedAt: new Date().toISOString(), fileName: 'newer.pdf' })
    file.entry.currentVersionHash = hash
    tx.addText(versionText(hash, laidOut))
    const listed = (await tx.library()).sources.find((source) => source.id === sourceId)
    if (listed) listed.currentVersionHash = hash
  })
  return hash
}
