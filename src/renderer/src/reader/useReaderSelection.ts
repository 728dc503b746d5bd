import { useEffect, useState, type RefObject } from 'react'
import { selectionOffsets, type TextRange } from './offsets'

/** The current selection inside the body, if it covers more than whitespace. */
export function currentSelection(body: Element | null, text: string): TextRange | null {
  if (!body) return null
  const range = selectionOffsets(body, document.getSelection())
  if (!range || text.slice(range.start, range.end).trim() === '') return null
  return range
}

/**
 * Follows the document selection so the toolbar can tell whether there is something to clip.
 * Only a selection inside the reader body counts.
 */
export function useReaderSelection(
  bodyRef: RefObject<HTMLElement | null>,
  text: string,
): TextRange | null {
  const [range, setRange] = useState<TextRange | null>(null)
  useEffect(() => {
    const update = (): void => {
      const next = currentSelection(bodyRef.current, text)
      setRange((previous) =>
        previous?.start === next?.start && previous?.end === next?.end ? previous : next,
      )
    }
    update()
    document.addEventListener('selectionchange', update)
    return () => document.removeEventListener('selectionchange', update)
  }, [bodyRef, text])
  return range
}
