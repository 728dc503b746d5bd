import {
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND,
} from '@lexical/list'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $createHeadingNode, $createQuoteNode, type HeadingTagType } from '@lexical/rich-text'
import { $setBlocksType } from '@lexical/selection'
import {
  $createParagraphNode,
  $getSelection,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type TextFormatType,
} from 'lexical'
import type { MouseEvent, ReactElement, ReactNode } from 'react'
import { shortcutLabel } from '../../ui/commands'
import { editorShortcuts } from '../../ui/keyboard'
import { OverflowRow } from '../../ui/OverflowRow'
import { useFormatState, type BlockType } from './useFormatState'

// Hints from the one shortcut table the editor's key handling reads (ui/keyboard.ts).
const keys = {
  bold: shortcutLabel(editorShortcuts.bold),
  italic: shortcutLabel(editorShortcuts.italic),
  underline: shortcutLabel(editorShortcuts.underline),
  link: shortcutLabel(editorShortcuts.link),
  citation: shortcutLabel(editorShortcuts['insert-citation']),
  undo: shortcutLabel(editorShortcuts.undo),
  redo: shortcutLabel(editorShortcuts.redo),
}

interface ToolButtonProps {
  label: string
  shortcut?: string
  pressed?: boolean
  disabled?: boolean
  onClick(): void
  children: ReactNode
}

// Buttons keep the editor's selection: a mouse press would otherwise move focus out of the text.
const keepSelection = (event: MouseEvent): void => event.preventDefault()

function ToolButton(props: ToolButtonProps): ReactElement {
  const { label, shortcut, pressed, disabled, onClick, children } = props
  return (
    <button
      type="button"
      className="tool-button"
      aria-label={label}
      aria-pressed={pressed}
      title={shortcut ? `${label} (${shortcut})` : label}
      disabled={disabled}
      onMouseDown={keepSelection}
      onClick={onClick}
    >
      {children}
    </button>
  )
}

const blocks: { type: BlockType; label: string; glyph: string }[] = [
  { type: 'paragraph', label: 'Paragraph', glyph: '¶' },
  { type: 'h1', label: 'Heading 1', glyph: 'H1' },
  { type: 'h2', label: 'Heading 2', glyph: 'H2' },
  { type: 'h3', label: 'Heading 3', glyph: 'H3' },
  { type: 'quote', label: 'Quote', glyph: '❝' },
  { type: 'bullet', label: 'Bulleted list', glyph: '•≡' },
  { type: 'number', label: 'Numbered list', glyph: '1≡' },
]

const marks: { format: TextFormatType; label: string; key?: string; glyph: ReactNode }[] = [
  { format: 'bold', label: 'Bold', key: keys.bold, glyph: <b>B</b> },
  { format: 'italic', label: 'Italic', key: keys.italic, glyph: <i>I</i> },
  { format: 'underline', label: 'Underline', key: keys.underline, glyph: <u>U</u> },
  { format: 'code', label: 'Code', glyph: <code>{'</>'}</code> },
]

export interface ToolbarProps {
  onLink(): void
  onInsertCitation(): void
}

/** A quiet row of formatting buttons; each names itself and shows whether it is on. */
export function Toolbar({ onLink, onInsertCitation }: ToolbarProps): ReactElement {
  const [editor] = useLexicalComposerContext()
  const state = useFormatState(editor)

  const setBlock = (type: BlockType): void => {
    if (type === 'bullet' || type === 'number') {
      const command =
        type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND
      editor.dispatchCommand(state.block === type ? REMOVE_LIST_COMMAND : command, undefined)
      return
    }
    editor.update(() => {
      const selection = $getSelection()
      if (type === 'quote') $setBlocksType(selection, () => $createQuoteNode())
      else if (type === 'paragraph') $setBlocksType(selection, () => $createParagraphNode())
      else $setBlocksType(selection, () => $createHeadingNode(type as HeadingTagType))
    })
  }

  return (
    <OverflowRow
      className="essay-toolbar"
      label="Formatting"
      end={
        <button
          type="button"
          className="tool-button tool-button-text"
          title={`Insert citation (${keys.citation})`}
          onMouseDown={keepSelection}
          onClick={onInsertCitation}
        >
          Insert citation
        </button>
      }
    >
      <div className="tool-group">
        {blocks.map(({ type, label, glyph }) => (
          <ToolButton
            key={type}
            label={label}
            pressed={state.block === type}
            onClick={() => setBlock(type)}
          >
            {glyph}
          </ToolButton>
        ))}
      </div>
      <div className="tool-group">
        {marks.map(({ format, label, key, glyph }) => (
          <ToolButton
            key={format}
            label={label}
            shortcut={key}
            pressed={state[format as 'bold' | 'italic' | 'underline' | 'code']}
            onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format)}
          >
            {glyph}
          </ToolButton>
        ))}
        <ToolButton
          label="Link"
          shortcut={keys.link}
          pressed={state.link !== null}
          onClick={onLink}
        >
          Link
        </ToolButton>
      </div>
      <div className="tool-group">
        <ToolButton
          label="Undo"
          shortcut={keys.undo}
          disabled={!state.canUndo}
          onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
        >
          ↶
        </ToolButton>
        <ToolButton
          label="Redo"
          shortcut={keys.redo}
          disabled={!state.canRedo}
          onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
        >
          ↷
        </ToolButton>
      </div>
    </OverflowRow>
  )
}
