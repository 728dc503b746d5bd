import { ClippingsPanel } from './clippings/ClippingsPanel'
import { Library } from './library/Library'
import { EmptyReader } from './reader/EmptyReader'
import { Reader } from './reader/Reader'
import { useCommand } from './ui/commands'
import { NoticesProvider } from './ui/notices'
import { useNotebook } from './useNotebook'

export function App(): React.JSX.Element {
  return (
    <NoticesProvider>
      <Notebook />
    </NoticesProvider>
  )
}

function Notebook(): React.JSX.Element {
  const notebook = useNotebook()
  const { detail } = notebook
  useCommand('import-source', () => void notebook.importSources())

  return (
    <div className="app">
      <Library
        sources={notebook.sources}
        selectedId={detail?.source.id ?? null}
        importing={notebook.importing}
        onImport={() => void notebook.importSources()}
        onSelect={(id) => void notebook.openSource(id)}
      />
      {detail ? (
        <Reader
          // A new source starts with a fresh toolbar, form and menu.
          key={detail.source.id}
          detail={detail}
          onClip={notebook.clip}
          onSaveDetails={notebook.saveDetails}
          onOpenLink={(url) => void notebook.openLink(url)}
          focusClippingId={notebook.focusClippingId}
          onFocused={notebook.clearFocus}
          onMarkClick={notebook.setActiveClippingId}
        />
      ) : (
        <EmptyReader hasSources={notebook.sources.length > 0} />
      )}
      <ClippingsPanel
        clippings={notebook.clippings}
        search={notebook.search}
        onSearchChange={notebook.setSearch}
        sourceOnly={notebook.sourceOnly}
        onSourceOnlyChange={detail ? notebook.setSourceOnly : null}
        activeId={notebook.activeClippingId}
        onShow={(clipping) => void notebook.showClipping(clipping)}
        onSave={notebook.saveClipping}
        onDelete={(clipping) => void notebook.deleteClipping(clipping)}
      />
    </div>
  )
}
