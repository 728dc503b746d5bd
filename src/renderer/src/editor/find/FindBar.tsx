import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import type { LexicalEditor } from 'lexical'
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactElement } from 'react'
import { MAX_MATCHES, type EssayMatch } from './essayMatches'
import { SHOW_BLOCK_COMMAND } from '../window/showBlockCommand'
import { $findInEssay, $selectMatch, domRangeOf, highlightMatches } from './essayFind'
import './find-bar.css'

/** Room kept between a match and the view's edge before the essay scrolls to it. */
const EDGE = 48

/** Whether the match is on screen, clear of the view's edges. */
function inView(editor: LexicalEditor, match: EssayMatch): boolean {
  const range = domRangeOf(editor, match)
  const scroller = editor.getRootElement()?.closest('.essay-scroll')
  if (!range || !scroller) return false
  const where = range.getBoundingClientRect()
  const view = scroller.getBoundingClientRect()
  return where.height > 0 && where.top >= view.top + EDGE && where.bottom <= view.bottom - EDGE
}

/**
 * Brings a match on screen without touching the essay's selection: the focus stays in the bar
 * (a selection put in the essay would take the focus, and the next key typed with it).
 */
function reveal(editor: LexicalEditor, match: EssayMatch): void {
  if (inView(editor, match)) return
  // A windowed essay lays the block out first; laid out whole, it is only scrolled to.
  if (!editor.dispatchCommand(SHOW_BLOCK_COMMAND, match.block)) {
    editor.getElementByKey(match.block)?.scrollIntoView({ block: 'center' })
  }
}

export interface FindBarProps {
  /** Changes each time the writer asks to find again (Ctrl+F with the bar open): focus returns. */
  focusRequest: number
  onClose(): void
}

/**
 * Find in the essay (Ctrl+F): every match marked, the current one marked more strongly and
 * scrolled to, however long the essay (a hidden block is laid out first).
 * Enter goes to the next match, Shift+Enter to the one before, Escape back to the essay with the
 * match selected.
 */
export function FindBar({ focusRequest, onClose }: FindBarProps): ReactElement {
  const [editor] = useLexicalComposerContext()
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [query, setQuery] = useState('')
  const [matches, setMatches] = useState<EssayMatch[]>([])
  const [current, setCurrent] = useState(0)

  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [focusRequest])

  // A new query goes to its first match; the matches are found again whenever the essay's text
  // changes while the bar is open (without moving the view).
  useEffect(() => {
    const find = (): EssayMatch[] => {
      const found = editor.read(() => $findInEssay(query))
      setMatches(found)
      return found
    }
    const first = find()[0]
    if (first) reveal(editor, first)
    return editor.registerUpdateListener(({ dirtyLeaves, dirtyElements }) => {
      if (dirtyLeaves.size + dirtyElements.size > 0) find()
    })
  }, [editor, query])

  const shown = matches.length === 0 ? -1 : Math.min(current, matches.length - 1)

  useEffect(() => highlightMatches(editor, matches, shown), [editor, matches, shown])

  const show = (index: number): void => {
    const match = matches[index]
    if (!match) return
    setCurrent(index)
    reveal(editor, match)
  }

  const step = (by: 1 | -1): void => {
    if (matches.length === 0) return
    show((shown + by + matches.length) % matches.length)
  }

  const close = (): void => {
    const match = matches[shown]
    onClose()
    // Back to the essay, the match selected: typing replaces it, as in any editor's find.
    if (match) editor.update(() => $selectMatch(match))
    editor.focus()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault()
      step(event.shiftKey ? -1 : 1)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      close()
    }
  }

  const onQuery = (next: string): void => {
    setQuery(next)
    setCurrent(0)
  }

  const count =
    query.trim() === ''
      ? ''
      : matches.length === 0
        ? 'No matches'
        : `${shown + 1} of ${matches.length}${matches.length >= MAX_MATCHES ? '+' : ''}`

  return (
    <div className="editor-bar" role="search" aria-label="Find in essay">
      <input
        ref={input}
        id={`${id}-find`}
        className="editor-bar-input find-bar-input"
        type="search"
        aria-label="Find in essay"
        placeholder="Find in essay"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={onKeyDown}
        spellCheck={false}
      />
      <output className="find-bar-count" htmlFor={`${id}-find`} role="status">
        {count}
      </output>
      <button
        type="button"
        className="tool-button"
        aria-label="Previous match"
        disabled={matches.length === 0}
        onClick={() => step(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="tool-button"
        aria-label="Next match"
        disabled={matches.length === 0}
        onClick={() => step(1)}
      >
        ↓
      </button>
      <button type="button" className="tool-button" aria-label="Close find" onClick={close}>
        ✕
      </button>
    </div>
  )
}
