import { $createLinkNode, $isLinkNode, $toggleLink } from '@lexical/link'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $findMatchingParent } from '@lexical/utils'
import {
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  HISTORY_PUSH_TAG,
  type BaseSelection,
} from 'lexical'
import { useState, type KeyboardEvent, type ReactElement } from 'react'
import { normalizeUrl } from '../../../../shared/urls'

const rel = 'noopener noreferrer'

/** Links the saved selection to `url` (null unlinks); a bare caret gets the URL as its text. */
function $applyLink(saved: BaseSelection | null, url: string | null): void {
  if (saved) $setSelection(saved.clone())
  const selection = $getSelection()
  if (
    url !== null &&
    $isRangeSelection(selection) &&
    selection.isCollapsed() &&
    !$findMatchingParent(selection.anchor.getNode(), $isLinkNode)
  ) {
    const text = url.replace(/^mailto:/, '')
    selection.insertNodes([$createLinkNode(url, { rel }).append($createTextNode(text))])
    return
  }
  $toggleLink(url, { rel })
}

export interface LinkEditorProps {
  /** The link under the caret when the editor opened; '' for a new link. */
  initialUrl: string
  /** The selection to link: focus moves to this editor's input, so it is kept from before. */
  selection: BaseSelection | null
  onClose(): void
}

/**
 * A small inline bar under the toolbar for adding, changing or removing a link. Its buttons say
 * "Apply" and "Remove" rather than "… link": role queries match names by substring, and the
 * toolbar's "Link" button must stay findable while the bar is open.
 */
export function LinkEditor({ initialUrl, selection, onClose }: LinkEditorProps): ReactElement {
  const [editor] = useLexicalComposerContext()
  const [value, setValue] = useState(initialUrl)
  const [error, setError] = useState('')

  const close = (): void => {
    onClose()
    editor.focus()
  }
  const apply = (url: string | null): void => {
    editor.update(() => $applyLink(selection, url), { tag: HISTORY_PUSH_TAG })
    close()
  }
  const submit = (): void => {
    const url = normalizeUrl(value)
    if (url === null) setError('Use a web address (https://…) or an email address.')
    else apply(url)
  }
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') {
      event.preventDefault()
      submit()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      close()
    }
  }

  return (
    <div className="editor-bar link-editor" role="group" aria-label="Edit link">
      <input
        className="editor-bar-input link-editor-input"
        aria-label="Link URL"
        placeholder="https://… or name@example.org"
        value={value}
        autoFocus
        aria-invalid={error !== ''}
        aria-describedby={error ? 'link-editor-error' : undefined}
        onChange={(event) => {
          setValue(event.target.value)
          setError('')
        }}
        onKeyDown={onKeyDown}
      />
      <button type="button" className="tool-button tool-button-text" onClick={submit}>
        Apply
      </button>
      {initialUrl && (
        <button type="button" className="tool-button tool-button-text" onClick={() => apply(null)}>
          Remove
        </button>
      )}
      <button type="button" className="tool-button tool-button-text" onClick={close}>
        Cancel
      </button>
      {error && (
        <p id="link-editor-error" className="link-editor-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
