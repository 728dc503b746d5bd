import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  $getNodeByKey,
  HISTORY_MERGE_TAG,
  HISTORY_PUSH_TAG,
  type LexicalNode,
  type NodeKey,
} from 'lexical'
import { useRef, useState, type ChangeEvent } from 'react'
import { CITATION_FIELD_TAG } from '../plugins/writersEdit'

export interface CitationFieldProps {
  value: string
  onChange(event: ChangeEvent<HTMLInputElement>): void
  onBlur(): void
}

/**
 * An input bound to one field of a citation node. Every keystroke is written to the node (so
 * autosave sees it and quitting loses nothing) in a discrete update, so the decorator re-renders
 * with the new value in the same event and the caret never jumps. One visit to the field is one
 * undo step: the first change pushes a history entry, the rest merge into it until blur.
 */
export function useCitationField(
  nodeKey: NodeKey,
  value: string,
  $write: (node: LexicalNode, next: string) => void,
): CitationFieldProps {
  const [editor] = useLexicalComposerContext()
  const [draft, setDraft] = useState(value)
  const [seen, setSeen] = useState(value)
  const editing = useRef(false)
  // Undo, redo or a collaborator changed the node: show its value (React's "derive from props").
  if (value !== seen) {
    setSeen(value)
    setDraft(value)
  }
  return {
    value: draft,
    onChange(event) {
      const next = event.target.value
      setDraft(next)
      editor.update(
        () => {
          const node = $getNodeByKey(nodeKey)
          if (node) $write(node, next)
        },
        {
          discrete: true,
          tag: editing.current ? [HISTORY_MERGE_TAG, CITATION_FIELD_TAG] : HISTORY_PUSH_TAG,
        },
      )
      editing.current = true
    },
    onBlur() {
      editing.current = false
    },
  }
}
