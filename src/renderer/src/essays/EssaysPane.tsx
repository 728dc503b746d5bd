import type { EditorState } from 'lexical'
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type ReactElement,
  type Ref,
} from 'react'
import type { Essay } from '../../../shared/essay'
import type { ExportFormat, NotebookChange } from '../../../shared/ipc'
import { call } from '../api'
import { CitationContext } from '../editor/CitationContext'
import type { EssayEditorHandle } from '../editor/EssayEditorHandle'
import { EssayHeader } from './EssayHeader'
import { EssayList } from './EssayList'
import { EssaysEmpty } from './EssaysEmpty'
import { UndoToast, type ToastMessage } from './UndoToast'
import { VerifyAll } from './VerifyAll'
import { useSettings } from '../settings/SettingsContext'
import { useCommand } from '../ui/commands'
import { useSaveOnLeave } from './useSaveOnLeave'
import { useAutosave } from './useAutosave'
import { useEssayCollab } from './useEssayCollab'
import { loadEditor, useEditorModule } from './editorModule'
import { citedKey, useCitationStatus } from './useCitationStatus'
import { useCiteQueue, type CiteRequest } from './useCiteQueue'
import { newestFirst, useEssayList } from './useEssayList'
import './essays.css'

export type { CiteRequest }

/** What the rest of the app may ask of the pane. */
export interface EssaysPaneHandle {
  /** Writes the open essay's unsaved changes; resolves once they are on disk. */
  flush(): Promise<void>
  /** Main changed essays for this window (a clipping card's decision): show what it wrote. */
  followChange(change: NotebookChange): void
}

export interface EssaysPaneProps {
  ref?: Ref<EssaysPaneHandle>
  /** Bump when clippings are deleted or restored, so citations re-check for "Missing". */
  clippingsRevision: number
  onShowInSource(clippingId: string, sourceId: string): void
  /** An essay was created, renamed, deleted or restored, or changed what it cites. */
  onEssaysChanged?(): void
  citeRequest?: CiteRequest
  /** Open this essay (from "Cited by"); a new nonce opens it again. */
  openRequest?: { essayId: string; nonce: number }
  /** The essay to open at start (the one open at the last run), if it still exists. */
  initialEssayId?: string | null
  /** The open essay changed (null: none is open). */
  onOpenEssayChange?(essayId: string | null): void
}

/** The essays workspace: the list, the open essay's title and editor, autosave. */
export function EssaysPane(props: EssaysPaneProps): ReactElement {
  const { clippingsRevision, onShowInSource, onEssaysChanged, citeRequest, openRequest, ref } =
    props
  const { essays, setList, upsert, relist } = useEssayList()
  const [open, setOpen] = useState<Essay | null>(null)
  const [fresh, setFresh] = useState(false)
  const [citedIds, setCitedIds] = useState('')
  const [problem, setProblem] = useState('')
  const [toast, setToast] = useState<ToastMessage | null>(null)
  // The default from Settings; the writer may pick the other one for this essay's exports.
  const [exportFormat, setExportFormat] = useState<ExportFormat>(
    useSettings().settings.exportFormat,
  )
  const [editor, setEditor] = useState<EssayEditorHandle | null>(null)
  // Counts reloads of the open essay from disk (another process changed it): a fresh editor.
  const [loaded, setLoaded] = useState(0)
  const openId = useRef<string | null>(null)
  const cited = useRef('')
  const latestOpen = useRef(0)
  // The open essay while it is edited in its shared doc (sync on).
  const sharedEssay = useRef<string | null>(null)
  const changed = useRef(onEssaysChanged)
  useEffect(() => {
    changed.current = onEssaysChanged
  })
  const { initialEssayId, onOpenEssayChange } = props
  const openedChanged = useRef(onOpenEssayChange)
  useEffect(() => {
    openedChanged.current = onOpenEssayChange
  })

  const trackCitations = (key: string): void => {
    if (key === cited.current) return
    cited.current = key
    setCitedIds(key)
  }

  const autosave = useAutosave((summary, state) => {
    upsert(summary)
    if (summary.id !== openId.current) return
    const before = cited.current
    trackCitations(citedKey(state))
    if (cited.current !== before) changed.current?.()
  })
  // An edit typed while a long essay is still opening becomes a change first, then all is saved.
  const settleEditor = useRef<(() => void) | null>(null)
  const { flush: flushAutosave } = autosave
  const flush = useCallback((): Promise<void> => {
    settleEditor.current?.()
    return flushAutosave()
  }, [flushAutosave])
  // E.g. before asking main which essays cite a clipping: the open one may not be saved yet.
  useImperativeHandle(
    ref,
    () => ({ flush, followChange: (change) => followChange.current(change) }),
    [flush],
  )
  const citations = useCitationStatus(
    citedIds,
    clippingsRevision,
    onShowInSource,
    open?.id ?? null,
    editor !== null,
  )

  const show = (essay: Essay | null, isNew = false): void => {
    openId.current = essay?.id ?? null
    openedChanged.current?.(openId.current)
    setOpen(essay)
    setFresh(isNew)
    setProblem('')
    trackCitations(essay ? citedKey(essay.editorState) : '')
  }

  const openEssay = async (id: string): Promise<void> => {
    if (openId.current === id) return
    // Only the latest choice wins when the writer clicks through the list quickly.
    const request = ++latestOpen.current
    await flush()
    const result = await call((api) => api.getEssay(id))
    if (request !== latestOpen.current) return
    if (!result.ok) return setProblem(result.error.message)
    show(result.value)
    // Made elsewhere a moment ago (the sample notebook): the list learns of it too.
    if (!essays?.some((essay) => essay.id === id)) void relist()
  }

  const newEssay = async (): Promise<void> => {
    const request = ++latestOpen.current
    await flush()
    const result = await call((api) => api.createEssay('Untitled essay'))
    if (!result.ok) return setProblem(result.error.message)
    upsert(result.value)
    if (request === latestOpen.current) show(result.value, true)
    changed.current?.()
  }

  // An essay exported from Commonplace comes back with its citations linked to their clippings.
  const importEssay = async (): Promise<void> => {
    const request = ++latestOpen.current
    await flush()
    const result = await call((api) => api.importEssay())
    if (!result.ok) return setProblem(result.error.message)
    if (!result.value) return
    upsert(result.value)
    if (request === latestOpen.current) show(result.value)
    changed.current?.()
  }
  useCommand('import-essay', () => void importEssay())

  const rename = async (title: string): Promise<void> => {
    const id = openId.current
    if (!id) return
    const result = await call((api) => api.renameEssay(id, title))
    if (!result.ok) return setProblem(result.error.message)
    upsert(result.value)
    setOpen((essay) => (essay?.id === id ? { ...essay, title: result.value.title } : essay))
    changed.current?.()
  }

  const restore = async (id: string): Promise<void> => {
    const result = await call((api) => api.restoreEssay(id))
    if (!result.ok) return setProblem(result.error.message)
    upsert(result.value)
    changed.current?.()
    await openEssay(id)
  }

  const remove = async (): Promise<void> => {
    if (!open) return
    const { id, title } = open
    await flush()
    const result = await call((api) => api.deleteEssay(id))
    if (!result.ok) return setProblem(result.error.message)
    const rest = (essays ?? []).filter((essay) => essay.id !== id)
    setList(rest)
    show(null)
    if (rest[0]) void openEssay(rest[0].id)
    setToast({ id: Date.now(), message: `Deleted “${title}”.`, undo: () => void restore(id) })
    changed.current?.()
  }

  // "Cite" from outside: into the open essay, or one made for it when there is none.
  const citeQueue = useCiteQueue(citeRequest, editor, () => {
    if (essays !== null && essays.length === 0 && openId.current === null) void newEssay()
  })

  // The first load: the list, and the most recently edited essay opened.
  useEffect(() => {
    let current = true
    // An essay was open at the last run, so one opens now: its editor's code is fetched at once,
    // before main is busy answering the lists (the list comes back after them).
    if (initialEssayId) void loadEditor()
    void call((api) => api.listEssays()).then((result) => {
      if (!current) return
      if (!result.ok) return setProblem(result.error.message)
      setList(result.value)
      // The essay open at the last run, else the one edited last.
      const latest =
        result.value.find((essay) => essay.id === initialEssayId) ?? newestFirst(result.value)[0]
      // The editor's code is fetched beside the essay, not after it: main may be busy by then.
      if (latest) void loadEditor()
      if (latest && openId.current === null) void openEssay(latest.id)
      else if (!latest && citeQueue.isWaiting()) void newEssay()
    })
    return () => {
      current = false
    }
    // Once, on mount: the handlers only read refs and stable setters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // The open essay was deleted on another device: it closes, and the writer can undo that. What
  // was typed and not yet saved is in its shared document, which Undo opens again.
  const closeDeleted = (id: string): void => {
    autosave.discard(id)
    show(null)
    setToast({
      id: Date.now(),
      message: 'The essay you had open was deleted on another device.',
      undo: () => void restore(id),
    })
  }

  // Another process (the CLI, a second window) changed essays: list them again, and reload the
  // open one if it was among them. What the writer typed here is saved first, so it is not lost.
  // A reload never wins over the writer's own choice made meanwhile (a new essay, another one).
  const latestReload = useRef(0)
  const followChange = useRef((change: NotebookChange): void => {
    void relist()
    const id = openId.current
    if (!id || !(change.all || change.essays.includes(id))) return
    const chosen = latestOpen.current
    const reload = ++latestReload.current
    // A shared essay's text comes from its doc, which has the change already: a new editor
    // would only take the caret from the writer. Its title is all there is to follow.
    const textFromDoc = sharedEssay.current === id && !change.all
    void (textFromDoc ? Promise.resolve() : flush())
      .then(() => call((api) => api.getEssay(id)))
      .then((result) => {
        const superseded = chosen !== latestOpen.current || reload !== latestReload.current
        if (superseded || openId.current !== id) return
        if (!result.ok && result.error.code === 'not-found') return closeDeleted(id)
        if (!result.ok) return setProblem(result.error.message)
        if (textFromDoc) {
          const { title } = result.value
          return setOpen((essay) => (essay?.id === id ? { ...essay, title } : essay))
        }
        show(result.value)
        setLoaded((count) => count + 1)
      })
  })
  useEffect(
    () => window.commonplace.onNotebookChanged((change) => followChange.current(change)),
    // Subscribed once: the handler reads refs and stable setters.
    [],
  )

  useSaveOnLeave(flush)

  // The menu's "New essay", while this pane is shown.
  useCommand('new-essay', () => void newEssay())

  const openLatest = useRef(openEssay)
  useEffect(() => {
    openLatest.current = openEssay
  })
  useEffect(() => {
    if (openRequest) void openLatest.current(openRequest.essayId)
  }, [openRequest])

  const essayId = open?.id
  // Undefined while main is asked whether this essay is shared (sync on): the editor waits.
  const collab = useEssayCollab(essayId ?? null)
  const editorModule = useEditorModule(open !== null)
  useEffect(() => {
    sharedEssay.current = collab ? collab.essayId : null
  }, [collab])
  const onChange = useCallback(
    (state: EditorState): void => {
      if (essayId) autosave.schedule(essayId, state)
    },
    // schedule is stable; binding the id per essay keeps a closing editor's last change its own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [essayId],
  )
  const dismissToast = useCallback(() => setToast(null), [])
  const noEssays = essays !== null && essays.length === 0

  return (
    <section className="essays-pane" aria-label="Essays workspace">
      <aside className="essays-sidebar">
        {/* With no essay yet, the empty state's "New essay" is the way in, and there is
            nothing to verify. */}
        {!noEssays && (
          <button type="button" className="essays-button" onClick={() => void newEssay()}>
            New essay
          </button>
        )}
        <button
          type="button"
          className="essays-button essays-button-quiet"
          onClick={() => void importEssay()}
        >
          Import essay
        </button>
        {!noEssays && <VerifyAll beforeVerifying={flush} onProblem={setProblem} />}
        <EssayList
          essays={essays ?? []}
          openId={open?.id ?? null}
          onOpen={(id) => void openEssay(id)}
        />
      </aside>
      <div className="essays-main">
        {problem && (
          <p className="essays-problem" role="alert">
            {problem}
          </p>
        )}
        {open ? (
          <>
            <EssayHeader
              key={open.id}
              essayId={open.id}
              title={open.title}
              status={autosave.status}
              saveError={autosave.error}
              selectTitle={fresh}
              onRename={(title) => void rename(title)}
              onDelete={() => void remove()}
              format={exportFormat}
              onFormat={setExportFormat}
              flush={flush}
            />
            <CitationContext.Provider value={citations}>
              {!editorModule ? (
                <div className="essays-loading">Opening the editor…</div>
              ) : (
                collab !== undefined && (
                  <editorModule.EssayEditor
                    key={`${open.id}:${loaded}:${collab ? 'shared' : 'local'}`}
                    initialState={open.editorState}
                    onChange={onChange}
                    editorRef={setEditor}
                    onLoadProblem={setProblem}
                    settleRef={settleEditor}
                    collab={collab}
                  />
                )
              )}
            </CitationContext.Provider>
          </>
        ) : (
          <EssaysEmpty noEssays={noEssays} onNewEssay={() => void newEssay()} />
        )}
      </div>
      {toast && <UndoToast toast={toast} onDismiss={dismissToast} />}
    </section>
  )
}
