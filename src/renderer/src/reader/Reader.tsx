import './reader.css'
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
} from 'react'
import { leadingBylineLength } from '../../../shared/byline'
import type { ClippingView, SourceMetadata } from '../../../shared/domain'
import type { ReimportSummary, SourceDetail } from '../../../shared/ipc'
import { copyText } from '../ui/clipboard'
import { ariaShortcut, shortcutLabel, shortcuts, useCommand } from '../ui/commands'
import { useNotify } from '../ui/notices'
import { ClipMenu, type MenuPosition } from './ClipMenu'
import { FOUND_PASSAGE, type Highlight } from './highlights'
import { NotFoundList } from './NotFoundList'
import type { TextRange } from './offsets'
import { quotationWithCitation } from './quotation'
import { ReaderBody } from './ReaderBody'
import { ReaderHeader } from './ReaderHeader'
import { OldVersionBanner } from './OldVersionBanner'
import type { ReadingSpot } from './readingPosition'
import { useReadingPosition } from './useReadingPosition'
import { SelectionPopover } from './SelectionPopover'
import { TableOfContents } from './TableOfContents'
import { UpdateSummary } from './UpdateSummary'
import { currentSelection, useReaderSelection } from './useReaderSelection'
import { VersionsList } from './VersionsList'

// A PDF's pages (and pdf.js) load on first use, in chunks of their own.
const PdfReader = lazy(() => import('./pdf/PdfReader'))

export interface ReaderProps {
  detail: SourceDetail
  /** Resolves true once the clipping is stored. */
  onClip: (range: TextRange, note?: string) => Promise<boolean>
  onSaveDetails: (metadata: SourceMetadata) => Promise<string | null>
  onOpenLink: (url: string) => void
  focusClippingId: string | null
  /** A passage a source search found, marked and shown (offsets in the newest text). */
  found: { start: number; end: number } | null
  onFocused: () => void
  onMarkClick: (clippingId: string) => void
  onUpdateFromFile: () => void
  /** Opens a version of this source; undefined for the newest. */
  onOpenVersion: (versionHash: string | undefined) => void
  onDelete: () => void
  /** Where to bring the reader back to (after a restart), once it is shown. */
  restoreReading?: ReadingSpot | null
  /** Where the reader is, after each scroll settles. */
  onReadingPosition?: (spot: ReadingSpot) => void
  /** The last update's summary, when it was of this source. */
  updateSummary: ReimportSummary | null
  onDismissSummary: () => void
  /** Selects a clipping's card and shows its passage, wherever it is. */
  onShowClipping: (clippingId: string) => void
}

export function Reader({
  detail,
  onClip,
  onSaveDetails,
  onOpenLink,
  focusClippingId,
  found,
  onFocused,
  onMarkClick,
  onUpdateFromFile,
  onOpenVersion,
  onDelete,
  restoreReading = null,
  onReadingPosition,
  updateSummary,
  onDismissSummary,
  onShowClipping,
}: ReaderProps): React.JSX.Element {
  const notify = useNotify()
  const bodyRef = useRef<HTMLDivElement>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  const { source, version } = detail
  // A PDF is shown as its pages, unless its text cannot be laid over them (then as text).
  const [textViewOf, setTextViewOf] = useState<string | null>(null)
  const pdfPages =
    version.file?.mediaType === 'application/pdf' && textViewOf !== version.hash
      ? version.layout?.pages
      : undefined
  useReadingPosition(
    scrollRef,
    bodyRef,
    // The PDF pages open at the page themselves: their text is drawn only near the view.
    pdfPages ? null : restoreReading,
    focusClippingId !== null,
    onReadingPosition,
  )
  const selection = useReaderSelection(bodyRef, version.text)
  const [menu, setMenu] = useState<(MenuPosition & { range: TextRange }) | null>(null)
  const [editing, setEditing] = useState(false)
  const [clipping, setClipping] = useState(false)
  const [versionsOpen, setVersionsOpen] = useState(false)

  const isNewest = version.hash === detail.newestVersionHash
  // Main placed each clipping in the version shown (a changed passage at its new words); the
  // ones it could not place are listed, not marked.
  const highlights = useMemo<Highlight[]>(
    () => [
      ...detail.clippings.map((clip) => ({
        id: clip.id,
        start: clip.target[1].start,
        end: clip.target[1].end,
        changed: isNewest && clip.anchor.state === 'changed',
      })),
      ...(found && version.hash === detail.newestVersionHash
        ? [{ id: FOUND_PASSAGE, start: found.start, end: found.end }]
        : []),
    ],
    [detail.clippings, detail.newestVersionHash, version.hash, found, isNewest],
  )

  // A first paragraph that only repeats the byline ("By AFP") is hidden, not removed: the text
  // keeps it, so every offset stays as stored. One that holds a mark stays in view.
  const bylineLength = leadingBylineLength(version.text, [source.author, source.siteName])
  const hideLeadingByline =
    bylineLength > 0 && !highlights.some((highlight) => highlight.start < bylineLength)

  const clip = async (range: TextRange | null, note?: string): Promise<boolean> => {
    if (!range) {
      notify.info('Select a passage in the reader first, then Clip selection.')
      return false
    }
    setClipping(true)
    const stored = await onClip(range, note)
    setClipping(false)
    if (stored) document.getSelection()?.removeAllRanges()
    return stored
  }

  useCommand('clip-selection', () => {
    void clip(currentSelection(bodyRef.current, version.text))
  })

  // The popover follows the selection once the pointer lets go of it; Esc or a scroll puts it
  // away for that selection. With its note form open it stays, whatever the selection does.
  const [pointerDown, setPointerDown] = useState(false)
  const [putAway, setPutAway] = useState<string | null>(null)
  const [noteRange, setNoteRange] = useState<TextRange | null>(null)
  const selectionKey = selection ? `${selection.start}:${selection.end}` : null
  const popoverRange =
    noteRange ??
    // Clipping is from the newest version only (an older one is shown to read a lost passage).
    (selection && isNewest && !pointerDown && !menu && putAway !== selectionKey ? selection : null)
  useEffect(() => {
    if (!pointerDown) return
    const up = (): void => setPointerDown(false)
    document.addEventListener('pointerup', up)
    return () => document.removeEventListener('pointerup', up)
  }, [pointerDown])
  // Put away until the writer selects again (the same words included).
  useEffect(() => {
    if (putAway === null) return
    const reset = (): void => setPutAway(null)
    document.addEventListener('selectionchange', reset, { once: true })
    return () => document.removeEventListener('selectionchange', reset)
  }, [putAway])
  const closePopover = useCallback(() => {
    setNoteRange(null)
    setPutAway(selectionKey)
  }, [selectionKey])

  const copy = async (range: TextRange, asQuotation: boolean): Promise<void> => {
    const exact = version.text.slice(range.start, range.end).trim()
    const text = asQuotation ? quotationWithCitation(exact, source) : exact
    if (await copyText(text)) notify.info(asQuotation ? 'Copied as a quotation' : 'Copied')
    else notify.error('Could not copy to the clipboard.')
  }

  const closeMenu = useCallback(() => setMenu(null), [])
  const openMenu = (event: MouseEvent<HTMLDivElement>): void => {
    const range = currentSelection(bodyRef.current, version.text)
    if (!range) return
    event.preventDefault()
    setMenu({ x: event.clientX, y: event.clientY, range })
  }

  return (
    <section aria-label="Reader" className="reader">
      <div className="reader-toolbar" role="toolbar" aria-label="Reader tools">
        <span className="reader-toolbar-hint" aria-hidden="true">
          {selection ? 'Selection ready to clip' : 'Select a passage to clip it'}
        </span>
        <button
          type="button"
          className="button button-primary"
          disabled={!selection || clipping}
          aria-keyshortcuts={ariaShortcut(shortcuts['clip-selection'])}
          title={`Clip the selected passage (${shortcutLabel(shortcuts['clip-selection'])})`}
          // Pressing the button must not move or drop the selection it is about to clip.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => void clip(selection)}
        >
          Clip selection
          <kbd className="button-kbd" aria-hidden="true">
            {shortcutLabel(shortcuts['clip-selection'])}
          </kbd>
        </button>
      </div>
      {version.hash !== detail.newestVersionHash && (
        <OldVersionBanner
          importedAt={version.importedAt}
          onBackToNewest={() => onOpenVersion(undefined)}
        />
      )}
      <div className="reader-scroll" ref={scrollRef}>
        <article className={pdfPages ? 'reader-page reader-page-pdf' : 'reader-page'}>
          {updateSummary?.source.id === source.id && (
            <UpdateSummary
              summary={updateSummary}
              onShow={onShowClipping}
              onDismiss={onDismissSummary}
            />
          )}
          <ReaderHeader
            source={source}
            editing={editing}
            onEditingChange={setEditing}
            onSaveDetails={async (metadata) => {
              const message = await onSaveDetails(metadata)
              if (message === null) setEditing(false)
              return message
            }}
            onOpenLink={onOpenLink}
            onUpdateFromFile={onUpdateFromFile}
            versionsOpen={versionsOpen}
            onVersionsOpenChange={setVersionsOpen}
            onDelete={onDelete}
          />
          {versionsOpen && (
            <VersionsList
              sourceId={source.id}
              shownHash={version.hash}
              newestHash={detail.newestVersionHash}
              clippingCount={detail.clippings.length}
              onOpen={onOpenVersion}
            />
          )}
          <NotFoundList
            clippings={detail.notFound}
            newest={isNewest}
            onShow={(clipping: ClippingView) => onShowClipping(clipping.id)}
          />
          {pdfPages ? (
            <Suspense fallback={<p className="reader-loading">Opening the PDF…</p>}>
              <PdfReader
                sourceId={source.id}
                versionHash={version.hash}
                bodyRef={bodyRef}
                scrollRef={scrollRef}
                pages={pdfPages}
                versionText={version.text}
                highlights={highlights}
                focusClippingId={focusClippingId}
                onFocused={onFocused}
                onMarkClick={onMarkClick}
                onContextMenu={openMenu}
                onPointerDown={() => setPointerDown(true)}
                onTextMismatch={(reason) => {
                  console.warn(`Showing the PDF as text: ${reason}`)
                  setTextViewOf(version.hash)
                }}
                restore={restoreReading}
              />
            </Suspense>
          ) : (
            <>
              {version.layout?.chapters?.length ? (
                <TableOfContents chapters={version.layout.chapters} bodyRef={bodyRef} />
              ) : null}
              <ReaderBody
                bodyRef={bodyRef}
                html={version.html}
                highlights={highlights}
                hideLeadingBlock={hideLeadingByline}
                focusClippingId={focusClippingId}
                onFocused={onFocused}
                onOpenLink={onOpenLink}
                onMarkClick={onMarkClick}
                onContextMenu={openMenu}
                onPointerDown={() => setPointerDown(true)}
              />
            </>
          )}
          {popoverRange && (
            <SelectionPopover
              range={popoverRange}
              noteOpen={noteRange !== null}
              onOpenNote={() => setNoteRange(popoverRange)}
              onClip={clip}
              onClose={closePopover}
            />
          )}
        </article>
      </div>
      {menu && (
        <ClipMenu
          position={menu}
          onClose={closeMenu}
          onClip={() => {
            setMenu(null)
            void clip(menu.range)
          }}
          onCopy={() => {
            setMenu(null)
            void copy(menu.range, false)
          }}
          onCopyQuotation={() => {
            setMenu(null)
            void copy(menu.range, true)
          }}
        />
      )}
    </section>
  )
}
