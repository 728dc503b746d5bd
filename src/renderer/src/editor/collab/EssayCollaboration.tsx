import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext'
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin'
import type { Provider } from '@lexical/yjs'
import { useCallback, useRef, type ReactElement, type ReactNode } from 'react'
import * as Y from 'yjs'
import type { CollaboratorIdentity } from '../../../../shared/ipc'
import { colorForName } from '../../../../shared/sync'
import { useSettings } from '../../settings/SettingsContext'
import { IpcEssayProvider } from './IpcEssayProvider'

/** Who is writing this essay with whom: set when sync is on and main holds the essay's doc. */
export interface EssayCollab {
  essayId: string
  user: CollaboratorIdentity
}

/**
 * The essay bound to its shared Yjs doc in main (CollaborationPlugin over IpcEssayProvider):
 * its content comes from the doc, never from an initial state (main seeds an empty doc from the
 * saved essay, so bootstrapping here would add a second copy), and undo is the binding's
 * UndoManager, which takes back only this editor's own changes. Others' carets and names are
 * drawn in `cursors`.
 */
export function EssayCollaborationPlugin({
  collab,
  cursors,
}: {
  collab: EssayCollab
  cursors: { current: HTMLElement | null }
}): ReactElement {
  const { essayId } = collab
  // A name given in Settings > Sync while the essay is open shows at once (main's answer to
  // joining had the name from before, or the computer account's).
  const chosen = useSettings().settings.userName.trim()
  const name = chosen || collab.user.name
  const color = chosen ? colorForName(chosen) : collab.user.color
  const providerFactory = useCallback(
    (id: string, docs: Map<string, Y.Doc>): Provider => {
      const doc = new Y.Doc()
      docs.set(id, doc)
      return new IpcEssayProvider(essayId, doc)
    },
    [essayId],
  )
  return (
    <CollaborationPlugin
      id={essayId}
      providerFactory={providerFactory}
      shouldBootstrap={false}
      username={name}
      cursorColor={color}
      cursorsContainerRef={cursors}
    />
  )
}

/** The context CollaborationPlugin reads its docs and user from, around the whole composer. */
export function EssayCollaborationContext({ children }: { children: ReactNode }): ReactElement {
  return <LexicalCollaboration>{children}</LexicalCollaboration>
}

/** A ref for the element remote carets are drawn in: inside the page, so they scroll with it. */
export function useCursorsRef(): { current: HTMLDivElement | null } {
  return useRef<HTMLDivElement | null>(null)
}
