import { useEffect, useRef, useState } from 'react'
import type { ClippingView } from '../../shared/domain'
import type { NotebookStatus } from '../../shared/ipc'
import type { SettingsSnapshot } from '../../shared/settings'
import { QueryClientProvider } from '@tanstack/react-query'
import { call } from './api'
import { createQueryClient } from './data/queries'
import { BackupsDialog } from './backups/BackupsDialog'
import { Recovery } from './backups/Recovery'
import { ClippingsPanel } from './clippings/ClippingsPanel'
import { CITATION_MIME, citationDataFrom } from './editor/citationData'
import { EssaysPane, type CiteRequest, type EssaysPaneHandle } from './essays/EssaysPane'
import { AppDialogs } from './help/AppDialogs'
import { Library } from './library/Library'
import { useSourceDeletion } from './library/useSourceDeletion'
import { EmptyReader } from './reader/EmptyReader'
import { Reader } from './reader/Reader'
import { useResumeRecorder } from './resume/useResumeRecorder'
import { loadSettings, SettingsProvider, useSettings } from './settings/SettingsContext'
import { AppShell } from './ui/AppShell'
import { FileDrop } from './ui/FileDrop'
import { useCommand } from './ui/commands'
import { FocusButton } from './ui/FocusButton'
import { Pane } from './ui/Pane'
import { usePaneLayout } from './ui/usePaneLayout'
import { NoticesProvider } from './ui/notices'
import { useNotebook } from './useNotebook'

type View = 'reader' | 'essay'

export function App(): React.JSX.Element {
  const [queryClient] = useState(createQueryClient)
  const [status, setStatus] = useState<NotebookStatus | null>(null)
  const [settings, setSettings] = useState<SettingsSnapshot | null>(null)
  useEffect(() => {
    void loadSettings().then(setSettings)
    void call((api) => api.notebookStatus()).then((result) => {
      // A status that cannot be had is shown as a refusal with its reason, never as empty.
      setStatus(
        result.ok ? result.value : { state: 'refused', dataDir: '', message: result.error.message },
      )
    })
  }, [])
  if (status === null || settings === null) return <AppShell />
  return (
    <QueryClientProvider client={queryClient}>
      <NoticesProvider>
        <SettingsProvider initial={settings}>
          <AppDialogs />
          {status.state === 'open' ? (
            <Notebook />
          ) : (
            <Recovery
              message={status.message}
              dataDir={status.dataDir}
              // Everything starts again from the notebook as it now is on disk.
              onRecovered={() => window.location.reload()}
            />
          )}
        </SettingsProvider>
      </NoticesProvider>
    </QueryClientProvider>
  )
}

function Notebook(): React.JSX.Element {
  const notebook = useNotebook()
  const { detail } = notebook
  // Where the writer left off at the last run: view, source and its reading place, essay.
  const { resumeAtStart } = useSettings()
  const recordResume = useResumeRecorder(resumeAtStart)
  const [view, setView] = useState<View>(resumeAtStart.view)
  // Used once: a source opened later, or again, starts at its top as before.
  const [restoreReading, setRestoreReading] = useState(resumeAtStart.reading)
  useEffect(() => recordResume({ view }), [view, recordResume])
  const openSourceId = detail?.source.id
  useEffect(() => {
    if (openSourceId) recordResume({ sourceId: openSourceId })
  }, [openSourceId, recordResume])
  const { resumeSource } = notebook
  useEffect(() => {
    if (resumeAtStart.sourceId) void resumeSource(resumeAtStart.sourceId)
    // Once, at start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  const [citeRequest, setCiteRequest] = useState<CiteRequest>()
  const [openRequest, setOpenRequest] = useState<{ essayId: string; nonce: number }>()
  const essaysPane = useRef<EssaysPaneHandle>(null)
  const [backupsOpen, setBackupsOpen] = useState(false)
  const deleteSource = useSourceDeletion(notebook)
  useCommand('import-source', () => void notebook.importSources())
  // Files opened with Commonplace (a double-clicked .md): those that came before the page loaded
  // wait in main, so ask once now, and again whenever main says more came.
  useCommand('import-opened-files', () => void notebook.importOpened())
  const { importOpened } = notebook
  useEffect(() => {
    void importOpened()
    // Once, at start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  useCommand('import-highlights', () => void notebook.importHighlights())
  useCommand('open-backups', () => setBackupsOpen(true))
  const [openingSample, setOpeningSample] = useState(false)
  const openSample = async (): Promise<void> => {
    if (openingSample) return
    setOpeningSample(true)
    const opened = await notebook.openSample()
    setOpeningSample(false)
    if (!opened) return
    // Its essay first: the citations, each verified against the article behind them.
    setView('essay')
    setOpenRequest({ essayId: opened.essay.id, nonce: Date.now() })
  }
  useCommand('open-sample', () => void openSample())
  const layout = usePaneLayout()
  const toggleFocus = (): void => {
    // Focus mode is for writing: it always shows the essay.
    if (!layout.focus) setView('essay')
    layout.setFocus(!layout.focus)
  }
  useCommand('toggle-library', () => layout.toggle('library'))
  useCommand('toggle-clippings', () => layout.toggle('clippings'))
  useCommand('focus-mode', toggleFocus)

  const cite = (clipping: ClippingView): void => {
    setView('essay')
    setCiteRequest({ data: citationDataFrom(clipping, clipping.source), nonce: Date.now() })
  }

  const dragCitation = (clipping: ClippingView, transfer: DataTransfer): void => {
    transfer.setData(CITATION_MIME, JSON.stringify(citationDataFrom(clipping, clipping.source)))
    transfer.setData('text/plain', clipping.target[0].exact)
    transfer.effectAllowed = 'copy'
  }

  const showInSource = (clippingId: string, sourceId: string): void => {
    void notebook.showPassage(clippingId, sourceId).then((shown) => shown && setView('reader'))
  }

  // A card's answer to a changed passage rewrites the essays that cite it: what the open essay
  // holds is saved first, and it shows what main wrote after.
  const decideWording = async (
    clipping: ClippingView,
    decide: (clipping: ClippingView) => Promise<boolean>,
  ): Promise<void> => {
    await essaysPane.current?.flush()
    if (await decide(clipping)) {
      essaysPane.current?.followChange({ sources: [], essays: [], all: true })
    }
  }

  return (
    <div
      className="app"
      data-library={layout.library}
      data-clippings={layout.clippings}
      data-focus={layout.focus ? 'true' : undefined}
    >
      <Pane
        pane="library"
        label="sources"
        state={layout.library}
        onToggle={() => layout.toggle('library')}
        onCloseOverlay={layout.closeOverlay}
      >
        <Library
          selectedId={detail?.source.id ?? null}
          importing={notebook.importing}
          readProgress={notebook.readProgress}
          onImport={() => void notebook.importSources()}
          onSelect={(id) => {
            setView('reader')
            void notebook.openSource(id)
          }}
          onOpenBackups={() => setBackupsOpen(true)}
          onDelete={(source) => void deleteSource(source)}
          onOpenFound={(hit) => {
            setView('reader')
            void notebook.showFound(hit)
          }}
        />
      </Pane>
      {backupsOpen && <BackupsDialog onClose={() => setBackupsOpen(false)} />}
      <FileDrop
        onDrop={(files) => void notebook.importDropped(files)}
        progress={notebook.dropProgress}
      />
      <div className="workspace">
        {/* Both stay mounted: the essay keeps its caret and undo history while reading. */}
        <div className="workspace-bar">
          <div className="workspace-switch" role="group" aria-label="View">
            <button
              type="button"
              aria-pressed={view === 'reader'}
              onClick={() => setView('reader')}
            >
              Source
            </button>
            <button type="button" aria-pressed={view === 'essay'} onClick={() => setView('essay')}>
              Essays
            </button>
          </div>
          <FocusButton focus={layout.focus} onToggle={toggleFocus} />
        </div>
        <div className="workspace-view" hidden={view !== 'reader'}>
          {detail ? (
            <Reader
              // A new source starts with a fresh toolbar, form and menu.
              key={detail.source.id}
              detail={detail}
              onClip={notebook.clip}
              onSaveDetails={notebook.saveDetails}
              onOpenLink={(url) => void notebook.openLink(url)}
              focusClippingId={notebook.focusClippingId}
              found={notebook.found?.sourceId === detail.source.id ? notebook.found : null}
              onFocused={notebook.clearFocus}
              onMarkClick={notebook.setActiveClippingId}
              onUpdateFromFile={() => void notebook.updateFromFile()}
              onOpenVersion={(hash) => void notebook.openSource(detail.source.id, hash)}
              onDelete={() => void deleteSource(detail.source)}
              restoreReading={restoreReading?.sourceId === detail.source.id ? restoreReading : null}
              onReadingPosition={(spot) => {
                setRestoreReading(null)
                recordResume({ reading: { sourceId: detail.source.id, ...spot } })
              }}
              updateSummary={notebook.updateSummary}
              onDismissSummary={notebook.dismissUpdateSummary}
              onShowClipping={(clippingId) => showInSource(clippingId, detail.source.id)}
            />
          ) : (
            <EmptyReader
              hasSources={notebook.empty === null ? null : !notebook.empty}
              importing={notebook.importing}
              openingSample={openingSample}
              onImport={() => void notebook.importSources()}
              onOpenSample={() => void openSample()}
            />
          )}
        </div>
        <div className="workspace-view" hidden={view !== 'essay'}>
          <EssaysPane
            ref={essaysPane}
            clippingsRevision={notebook.clippingsRevision}
            onShowInSource={showInSource}
            onEssaysChanged={notebook.refreshClippings}
            citeRequest={citeRequest}
            openRequest={openRequest}
            initialEssayId={resumeAtStart.essayId}
            onOpenEssayChange={(essayId) => recordResume({ essayId })}
          />
        </div>
      </div>
      <Pane
        pane="clippings"
        label="clippings"
        state={layout.clippings}
        onToggle={() => layout.toggle('clippings')}
        onCloseOverlay={layout.closeOverlay}
      >
        <ClippingsPanel
          query={notebook.clippingQuery}
          search={notebook.search}
          onSearchChange={notebook.setSearch}
          sourceOnly={notebook.sourceOnly}
          onSourceOnlyChange={detail ? notebook.setSourceOnly : null}
          tag={notebook.tag}
          onTagChange={notebook.setTag}
          onAccept={(clipping) => decideWording(clipping, notebook.acceptWording)}
          onKeep={(clipping) => decideWording(clipping, notebook.keepWording)}
          onShowWhereItWas={(clipping) => showInSource(clipping.id, clipping.sourceId)}
          activeId={notebook.activeClippingId}
          activeSourceId={detail?.source.id ?? null}
          onShow={(clipping) => {
            setView('reader')
            void notebook.showClipping(clipping)
          }}
          onSave={notebook.saveClipping}
          onDelete={(clipping) => void notebook.deleteClipping(clipping)}
          saveOpenEssay={async () => await essaysPane.current?.flush()}
          onCite={cite}
          onDragCitation={dragCitation}
          onOpenEssay={(essayId) => {
            setView('essay')
            setOpenRequest({ essayId, nonce: Date.now() })
          }}
        />
      </Pane>
    </div>
  )
}
