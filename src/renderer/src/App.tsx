import { useEffect, useRef, useState } from 'react'
import type { ClippingView } from '../../shared/domain'
import type { NotebookStatus } from '../../shared/ipc'
import { QueryClientProvider } from '@tanstack/react-query'
import { call } from './api'
import { createQueryClient } from './data/queries'
import { BackupsDialog } from './backups/BackupsDialog'
import { Recovery } from './backups/Recovery'
import { ClippingsPanel } from './clippings/ClippingsPanel'
import { CITATION_MIME, citationDataFrom } from './editor/citationData'
import { EssaysPane, type CiteRequest, type EssaysPaneHandle } from './essays/EssaysPane'
import { Library } from './library/Library'
import { EmptyReader } from './reader/EmptyReader'
import { Reader } from './reader/Reader'
import { AppShell } from './ui/AppShell'
import { useCommand } from './ui/commands'
import { NoticesProvider } from './ui/notices'
import { useNotebook } from './useNotebook'

type View = 'reader' | 'essay'

export function App(): React.JSX.Element {
  const [queryClient] = useState(createQueryClient)
  const [status, setStatus] = useState<NotebookStatus | null>(null)
  useEffect(() => {
    void call((api) => api.notebookStatus()).then((result) => {
      // A status that cannot be had is shown as a refusal with its reason, never as empty.
      setStatus(
        result.ok ? result.value : { state: 'refused', dataDir: '', message: result.error.message },
      )
    })
  }, [])
  if (status === null) return <AppShell />
  return (
    <QueryClientProvider client={queryClient}>
      <NoticesProvider>
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
      </NoticesProvider>
    </QueryClientProvider>
  )
}

function Notebook(): React.JSX.Element {
  const notebook = useNotebook()
  const { detail } = notebook
  const [view, setView] = useState<View>('reader')
  const [citeRequest, setCiteRequest] = useState<CiteRequest>()
  const [openRequest, setOpenRequest] = useState<{ essayId: string; nonce: number }>()
  const essaysPane = useRef<EssaysPaneHandle>(null)
  const [backupsOpen, setBackupsOpen] = useState(false)
  useCommand('import-source', () => void notebook.importSources())
  useCommand('open-backups', () => setBackupsOpen(true))

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
    <div className="app">
      <Library
        selectedId={detail?.source.id ?? null}
        importing={notebook.importing}
        onImport={() => void notebook.importSources()}
        onSelect={(id) => {
          setView('reader')
          void notebook.openSource(id)
        }}
        onOpenBackups={() => setBackupsOpen(true)}
        onOpenFound={(hit) => {
          setView('reader')
          void notebook.showFound(hit)
        }}
      />
      {backupsOpen && <BackupsDialog onClose={() => setBackupsOpen(false)} />}
      <div className="workspace">
        {/* Both stay mounted: the essay keeps its caret and undo history while reading. */}
        <div className="workspace-switch" role="group" aria-label="View">
          <button type="button" aria-pressed={view === 'reader'} onClick={() => setView('reader')}>
            Source
          </button>
          <button type="button" aria-pressed={view === 'essay'} onClick={() => setView('essay')}>
            Essays
          </button>
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
              updateSummary={notebook.updateSummary}
              onDismissSummary={notebook.dismissUpdateSummary}
              onShowClipping={(clippingId) => showInSource(clippingId, detail.source.id)}
              onShowNewest={() => void notebook.openSource(detail.source.id)}
            />
          ) : (
            <EmptyReader hasSources={!notebook.empty} />
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
          />
        </div>
      </div>
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
    </div>
  )
}
