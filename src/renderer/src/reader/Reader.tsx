import './reader.css'
import { useCallback, useMemo, useRef, useState, type MouseEvent } from 'react'
import { leadingBylineLength } from '../../../shared/byline'
import type { SourceMetadata } from '../../../shared/domain'
import type { SourceDetail } from '../../../shared/ipc'
import { ariaShortcut, shortcutLabel, shortcuts, useCommand } from '../ui/commands'
import { useNotify } from '../ui/notices'
import { ClipMenu, type MenuPosition } from './ClipMenu'
import { FOUND_PASSAGE, type Highlight } from './highlights'
import type { TextRange } from './offsets'
import { ReaderBody } from './ReaderBody'
import { ReaderHeader } from './ReaderHeader'
import { OldVersionBanner } from './OldVersionBanner'
import type { ReadingSpot } from './readingPosition'
import { useReadingPosition } from './useReadingPosition'
import { currentSelection, useReaderSelection } from './useReaderSelection'
import { VersionsList } from './VersionsList'

export interface ReaderProps {
  detail: SourceDetail
  /** Resolves true once the clipping is stored. */
  onClip: (range: TextRange) => Promise<boolean>
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
}: ReaderProps): React.JSX.Element {
  const notify = useNotify()
  const bodyRef = useRef<HTMLDivElement>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  useReadingPosition(
    scrollRef,
    bodyRef,
    restoreReading,
    focusClippingId !== null,
    onReadingPosition,
  )
  const { source, version } = detail
  const selection = useReaderSelection(bodyRef, version.text)
  const [menu, setMenu] = useState<(MenuPosition & { range: TextRange }) | null>(null)
  const [editing, setEditing] = useState(false)
  const [clipping, setClipping] = useState(false)
  const [versionsOpen, setVersionsOpen] = useState(false)

  // A clipping made on an older version points into different text: it is not marked here.
  const highlights = useMemo<Highlight[]>(
    () => [
      ...detail.clippings
        .filter((clip) => clip.versionHash === version.hash)
        .map((clip) => ({ id: clip.id, start: clip.target[1].start, end: clip.target[1].end })),
      ...(found && version.hash === detail.newestVersionHash
        ? [{ id: FOUND_PASSAGE, start: found.start, end: found.end }]
        : []),
    ],
    [detail.clippings, detail.newestVersionHash, version.hash, found],
  )

  // A first paragraph that only repeats the byline ("By AFP") is hidden, not removed: the text
  // keeps it, so every offset stays as stored. One that holds a mark stays in view.
  const bylineLength = leadingBylineLength(version.text, [source.author, source.siteName])
  const hideLeadingByline =
    bylineLength > 0 && !highlights.some((highlight) => highlight.start < bylineLength)

  const clip = async (range: TextRange | null): Promise<void> => {
    if (!range) {
      notify.info('Select a passage in the reader first, then Clip selection.')
      return
    }
    setClipping(true)
    const stored = await onClip(range)
    setClipping(false)
    if (stored) document.getSelection()?.removeAllRanges()
  }

  useCommand('clip-selection', () => {
    void clip(currentSelection(bodyRef.current, version.text))
  })

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
        <article className="reader-page">
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
          />
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
        />
      )}
    </section>
  )
}
