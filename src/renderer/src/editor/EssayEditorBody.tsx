import { $isLinkNode } from '@lexical/link'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $findMatchingParent } from '@lexical/utils'
import {
  $createRangeSelectionFromDom,
  $getSelection,
  $isNodeSelection,
  $isRangeSelection,
  $setSelection,
  getDOMSelection,
  HISTORY_PUSH_TAG,
  type BaseSelection,
  type LexicalEditor,
} from 'lexical'
import { useState, type ReactElement, type ReactNode } from 'react'
import type { CitationData } from '../../../shared/essay'
import { useCommand } from '../ui/commands'
import { CitationPicker, type CitationMode } from './CitationPicker'
import { FindBar } from './find/FindBar'
import { CitationBlockControlsPlugin } from './plugins/CitationBlockControlsPlugin'
import { CitationPlugin, isCitationControl } from './plugins/CitationPlugin'
import { INSERT_CITATION_COMMAND, INSERT_INLINE_CITATION_COMMAND } from './plugins/citationCommands'
import { DropPlugin } from './plugins/DropPlugin'
import { LinkEditor } from './plugins/LinkEditor'
import { SafeLinkPlugin } from './plugins/SafeLinkPlugin'
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin'
import { Toolbar } from './plugins/Toolbar'
import { WordCount } from './plugins/WordCount'

/**
 * The selection a panel will act on, as the writer sees it. Lexical learns of a DOM selection
 * change a moment after it happens (selectionchange is asynchronous), so a shortcut pressed right
 * after Shift+Home would otherwise see the caret from before; the DOM is read directly instead.
 */
function $selectionNow(editor: LexicalEditor): BaseSelection | null {
  const current = $getSelection()
  const root = editor.getRootElement()
  const dom = getDOMSelection(root?.ownerDocument.defaultView ?? null)
  const inText =
    root !== null &&
    dom !== null &&
    dom.rangeCount > 0 &&
    root.contains(dom.anchorNode) &&
    root.contains(dom.focusNode) &&
    !isCitationControl(root.ownerDocument.activeElement)
  if (!$isNodeSelection(current) && inText) {
    const fromDom = $createRangeSelectionFromDom(dom, editor)
    if (fromDom) return fromDom
  }
  return current?.clone() ?? null
}

interface OpenPanel {
  /** Focus leaves the text while a panel is open, so the selection it acts on is kept here. */
  selection: BaseSelection | null
}

interface LinkPanel extends OpenPanel {
  url: string
}

interface PickerPanel extends OpenPanel {
  inlineAvailable: boolean
}

/** The parts of the editor inside the composer: toolbar, text, panels, word count and plugins. */
export function EssayEditorBody({ content }: { content: ReactNode }): ReactElement {
  const [editor] = useLexicalComposerContext()
  const [link, setLink] = useState<LinkPanel | null>(null)
  const [picker, setPicker] = useState<PickerPanel | null>(null)
  /** Null while the find bar is closed; each Ctrl+F counts up, so the open bar takes focus. */
  const [findRequest, setFindRequest] = useState<number | null>(null)
  useCommand('find-in-essay', () => {
    // Only for the essay on screen (the pane keeps it while the reader is shown).
    if (!editor.getRootElement()?.checkVisibility()) return
    setFindRequest((count) => (count ?? 0) + 1)
  })

  const openLink = (): void => {
    const panel = editor.read('latest', (): LinkPanel => {
      const selection = $selectionNow(editor)
      const node = $isRangeSelection(selection) ? selection.anchor.getNode() : null
      const linkNode = node && $findMatchingParent(node, $isLinkNode)
      return {
        selection,
        url: $isLinkNode(linkNode) ? linkNode.getURL() : '',
      }
    })
    setLink(panel)
  }

  const openPicker = (): void => {
    const panel = editor.read('latest', (): PickerPanel => {
      const selection = $selectionNow(editor)
      return {
        selection,
        inlineAvailable: $isRangeSelection(selection) && !selection.isCollapsed(),
      }
    })
    setPicker(panel)
  }

  const closePicker = (): void => {
    setPicker(null)
    editor.focus()
  }

  const cite = (data: CitationData, mode: CitationMode): void => {
    const saved = picker?.selection ?? null
    setPicker(null)
    // One update, tagged history-push: restoring the caret and inserting undo as one step.
    editor.update(
      () => {
        if (saved) $setSelection(saved.clone())
        editor.dispatchCommand(
          mode === 'inline' ? INSERT_INLINE_CITATION_COMMAND : INSERT_CITATION_COMMAND,
          data,
        )
      },
      { tag: HISTORY_PUSH_TAG },
    )
    editor.focus()
  }

  return (
    <div className="essay-editor">
      <Toolbar onLink={openLink} onInsertCitation={openPicker} />
      {link && (
        <LinkEditor
          initialUrl={link.url}
          selection={link.selection}
          onClose={() => setLink(null)}
        />
      )}
      {findRequest !== null && (
        <FindBar focusRequest={findRequest} onClose={() => setFindRequest(null)} />
      )}
      <div className="essay-scroll">
        <div className="essay-page">{content}</div>
      </div>
      <div className="essay-footer">
        <WordCount />
      </div>
      {picker && (
        <CitationPicker
          inlineAvailable={picker.inlineAvailable}
          onCite={cite}
          onClose={closePicker}
        />
      )}
      <SafeLinkPlugin />
      <CitationPlugin />
      <CitationBlockControlsPlugin />
      <DropPlugin />
      <ShortcutsPlugin onLink={openLink} onInsertCitation={openPicker} />
    </div>
  )
}
