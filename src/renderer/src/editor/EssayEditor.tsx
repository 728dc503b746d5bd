import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin'
import { ListPlugin } from '@lexical/react/LexicalListPlugin'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import type { EditorState } from 'lexical'
import { useEffect, useState, type ReactElement } from 'react'
import type { SerializedEditorStateJson } from '../../../shared/essay'
import type { EssayEditorHandle } from './EssayEditorHandle'
import { EssayEditorBody } from './EssayEditorBody'
import {
  EssayCollaborationContext,
  EssayCollaborationPlugin,
  useCursorsRef,
  type EssayCollab,
} from './collab/EssayCollaboration'
import { essayNodes } from './essayNodes'
import { INSERT_CITATION_COMMAND } from './plugins/citationCommands'
import { BlockWindowPlugin } from './plugins/BlockWindowPlugin'
import { EssayChangePlugin } from './plugins/EssayChangePlugin'
import { HistoryFromNowPlugin } from './plugins/HistoryFromNowPlugin'
import { LoadRestPlugin } from './plugins/LoadRestPlugin'
import { UnreadableBlockPlugin } from './plugins/UnreadableBlockPlugin'
import { createEssayLoad } from './progressiveLoad'
import { essayTheme } from './theme'
import './editor.css'
import './citation-block.css'

export interface EssayEditorProps {
  /** Read once, when the editor mounts: give the editor `key={essay.id}` to open another essay. */
  initialState: SerializedEditorStateJson
  /**
   * Each change of content (selection-only changes are left out). Serializing is left to the
   * caller (`editorState.toJSON()` when it saves), so typing does not pay for it per keystroke.
   */
  onChange(editorState: EditorState): void
  /** What the pane may ask of the editor once it exists (null when it goes), e.g. to cite. */
  editorRef?: (editor: EssayEditorHandle | null) => void
  /** Blocks of the saved state the editor itself could not read (kept as unreadable blocks). */
  onLoadProblem?(message: string): void
  /**
   * Set while the editor exists to what makes an edit typed during a long essay's load a change
   * at once (the rest put in first): the pane calls it before it saves on leaving, so closing
   * the window a moment after opening an essay does not drop what was typed.
   */
  settleRef?: { current: (() => void) | null }
  /**
   * Sync is on: the essay is edited in its shared document (with others' cursors, and undo of
   * one's own changes only); `initialState` is then not loaded.
   */
  collab?: EssayCollab | null
}

/** Hands the editor out while it exists, and null once it is gone. */
function EditorHandle({ editorRef }: { editorRef(editor: EssayEditorHandle | null): void }): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    editorRef({
      cite(data) {
        editor.dispatchCommand(INSERT_CITATION_COMMAND, data)
        editor.focus()
      },
    })
    return () => editorRef(null)
  }, [editor, editorRef])
  return null
}

/**
 * The essay editor: rich text (headings, quotes, lists, links, inline formatting), citation
 * blocks and inline citations, a toolbar, shortcuts, the citation picker, and a word count.
 * Provide a CitationContext around it so citations can show their state and open their source.
 */
export function EssayEditor(props: EssayEditorProps): ReactElement {
  const editor = <EssayComposer {...props} />
  return props.collab ? <EssayCollaborationContext>{editor}</EssayCollaborationContext> : editor
}

function EssayComposer(props: EssayEditorProps): ReactElement {
  const { initialState, onChange, editorRef, onLoadProblem, settleRef, collab } = props
  // A long essay opens at its first screen; the rest follows while the writer reads (see there).
  const [load] = useState(() => createEssayLoad(initialState, onLoadProblem))
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'commonplace-essay',
    theme: essayTheme,
    nodes: essayNodes,
    // With collaboration the shared doc is the content (Lexical's rule: no initial state).
    editorState: collab ? null : () => load.$loadFirst(),
    onError: (error) => console.error(error),
  }))
  const [loaded, setLoaded] = useState(() => Boolean(collab) || load.isComplete())
  const [openedWhole] = useState(loaded)
  const cursors = useCursorsRef()

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <EssayEditorBody
        content={
          <>
            <RichTextPlugin
              contentEditable={
                <ContentEditable
                  className="essay-content"
                  aria-label="Essay"
                  aria-placeholder="Start writing…"
                  placeholder={<div className="essay-placeholder">Start writing…</div>}
                />
              }
              ErrorBoundary={LexicalErrorBoundary}
            />
            {collab && <div className="essay-cursors" ref={cursors} />}
          </>
        }
      />
      {/* Undo starts once the whole essay is in: undoing across a slice would drop that slice.
          With collaboration, undo is the shared doc's (only this writer's own changes). */}
      {collab ? (
        <EssayCollaborationPlugin collab={collab} cursors={cursors} />
      ) : !loaded ? (
        <LoadRestPlugin load={load} onLoaded={() => setLoaded(true)} />
      ) : openedWhole ? (
        <HistoryPlugin />
      ) : (
        <HistoryFromNowPlugin />
      )}
      <ListPlugin />
      <BlockWindowPlugin />
      <UnreadableBlockPlugin />
      <EssayChangePlugin
        onChange={onChange}
        loaded={loaded}
        load={collab ? undefined : load}
        settleRef={settleRef}
      />
      {/* Handed out once the whole essay is in: a citation asked for meanwhile waits for it, and
          the pane's checks of every citation against its sources start only then. */}
      {editorRef && loaded && <EditorHandle editorRef={editorRef} />}
    </LexicalComposer>
  )
}
