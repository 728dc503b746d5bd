import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getNodeByKey, HISTORY_PUSH_TAG, type NodeKey } from 'lexical'
import { useId, useMemo, useState, type ReactElement } from 'react'
import type { SerializedNodeJson } from '../../../../shared/essay'
import './UnreadableBlock.css'

export interface UnreadableBlockComponentProps {
  nodeKey: NodeKey
  raw: SerializedNodeJson
}

/** Enough to recognise the block; the file keeps all of it. */
const SHOWN_CHARACTERS = 20_000

function rawText(raw: SerializedNodeJson): string {
  const text = JSON.stringify(raw, null, 2)
  if (text.length <= SHOWN_CHARACTERS) return text
  const more = (text.length - SHOWN_CHARACTERS).toLocaleString('en-US')
  return `${text.slice(0, SHOWN_CHARACTERS)}\n… (${more} more characters, kept in the file)`
}

/**
 * The placeholder for a block Commonplace could not read: says so, shows the block's JSON on
 * request, and lets the writer remove it. Nothing in it is editable, so it cannot change.
 */
export function UnreadableBlockComponent({
  nodeKey,
  raw,
}: UnreadableBlockComponentProps): ReactElement {
  const [editor] = useLexicalComposerContext()
  const [open, setOpen] = useState(false)
  const contentsId = useId()
  // Only when asked for: a damaged block may be large.
  const contents = useMemo(() => (open ? rawText(raw) : ''), [open, raw])
  const kind = typeof raw.type === 'string' && raw.type !== '' ? `a “${raw.type}” block` : 'a block'

  const remove = (): void => {
    // Its own undo step, so Ctrl+Z brings the block back as it was.
    editor.update(() => $getNodeByKey(nodeKey)?.remove(), { tag: HISTORY_PUSH_TAG })
    editor.focus()
  }

  return (
    // data-citation-ui: its buttons take their own keys and clicks, as a citation's do.
    <div className="unreadable" role="group" aria-label="Unreadable block" data-citation-ui="">
      <p className="unreadable-title">Unreadable block</p>
      <p className="unreadable-text">
        Commonplace cannot read this part of the essay ({kind}). It is kept as it is and saved
        unchanged; exports show a marker in its place.
      </p>
      <div className="unreadable-actions">
        <button
          type="button"
          className="citation-button"
          aria-expanded={open}
          aria-controls={contentsId}
          onClick={() => setOpen((shown) => !shown)}
        >
          {open ? 'Hide contents' : 'Show contents'}
        </button>
        <button type="button" className="citation-button" onClick={remove}>
          Remove block
        </button>
      </div>
      <pre id={contentsId} className="unreadable-raw" hidden={!open}>
        {contents}
      </pre>
    </div>
  )
}
