import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot, type EditorState } from 'lexical'
import { useEffect, useState, type ReactElement } from 'react'
import { $isCitationBlockNode } from '../nodes/CitationBlockNode'
import { WordTally } from './wordTally'

/** The writer's own words: quoted passages (citation blocks) are the sources' words, not theirs. */
function wordsIn(editorState: EditorState, tally: WordTally): number {
  return editorState.read(() =>
    tally.total(
      $getRoot()
        .getChildren()
        .filter((block) => !$isCitationBlockNode(block))
        .map((block) => block.getTextContent()),
    ),
  )
}

// Counting walks the whole essay (though it segments only the blocks that changed), so it waits
// for a pause in typing instead of running on every keystroke.
const COUNT_DELAY_MS = 250

export function WordCount(): ReactElement {
  const [editor] = useLexicalComposerContext()
  // Null until the first count: the saved essay is loaded just after the first render.
  const [words, setWords] = useState<number | null>(null)
  useEffect(() => {
    let timer: number | undefined
    const tally = new WordTally()
    const recount = (delay: number): void => {
      window.clearTimeout(timer)
      timer = window.setTimeout(() => setWords(wordsIn(editor.getEditorState(), tally)), delay)
    }
    recount(0)
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size > 0 || dirtyLeaves.size > 0) recount(COUNT_DELAY_MS)
    })
    return () => {
      window.clearTimeout(timer)
      unregister()
    }
  }, [editor])
  return (
    <span className="word-count" title="Your words, not counting quoted passages">
      {words === null ? '' : words === 1 ? '1 word' : `${words.toLocaleString('en')} words`}
    </span>
  )
}
