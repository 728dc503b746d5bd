import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useEffect, useRef } from 'react'
import type { EssayLoad } from '../progressiveLoad'

/** Appends the rest of a long essay after its first screen is shown; `onLoaded` once it is in. */
export function LoadRestPlugin({ load, onLoaded }: { load: EssayLoad; onLoaded(): void }): null {
  const [editor] = useLexicalComposerContext()
  const loaded = useRef(onLoaded)
  useEffect(() => {
    loaded.current = onLoaded
  })
  useEffect(() => load.loadRest(editor, () => loaded.current()), [editor, load])
  return null
}
