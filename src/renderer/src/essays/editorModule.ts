import { useEffect, useState } from 'react'

type EditorModule = typeof import('../editor/EssayEditor')

let loaded: EditorModule | null = null

/** The editor (Lexical and its nodes) is its own chunk, fetched when an essay is about to open. */
export function loadEditor(): Promise<EditorModule> {
  return import('../editor/EssayEditor').then((module) => (loaded = module))
}

/**
 * The editor's module once its chunk is in, else null (show a placeholder meanwhile); fetched
 * once `wanted` (an essay is open), not before. Not
 * React.lazy: a lazy component suspends on its first render even when its chunk is already
 * here, and React holds a revealed Suspense boundary back for up to 300 ms after its fallback
 * showed, so every essay opened that much later than it could.
 */
export function useEditorModule(wanted: boolean): EditorModule | null {
  const [module, setModule] = useState(loaded)
  useEffect(() => {
    if (module || !wanted) return
    let current = true
    void loadEditor().then((loadedNow) => {
      if (current) setModule(loadedNow)
    })
    return () => {
      current = false
    }
  }, [module, wanted])
  return module
}
