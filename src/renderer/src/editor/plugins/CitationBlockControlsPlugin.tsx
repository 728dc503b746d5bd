import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import {
  $getNearestNodeFromDOMNode,
  $getNodeByKey,
  $getSelection,
  $isNodeSelection,
  type LexicalEditor,
  type NodeKey,
} from 'lexical'
import { useEffect, useRef, useState, type ReactElement } from 'react'
import { createPortal } from 'react-dom'
import { useCitationContext, type CitationContextValue } from '../CitationContext'
import { CitationBlockControls } from '../nodes/CitationBlockControls'
import { $isCitationBlockNode, CitationBlockNode } from '../nodes/CitationBlockNode'
import {
  ACTIVE_CLASS,
  CONTROLS_SLOT_CLASS,
  paintCitationBadge,
  type CitationBadge,
} from '../nodes/citationBlockDom'

/** The citation blocks in use: under the pointer, holding focus, selected as nodes. */
interface InUse {
  hovered: NodeKey | null
  focused: NodeKey | null
  selected: NodeKey[]
}

function $badgeOf(
  node: CitationBlockNode,
  citations: CitationContextValue,
): {
  badge: CitationBadge
  changePending: boolean
} {
  const status = citations.clippingStatus(node.getClippingId())
  const change = status === 'changed' ? citations.changeOf(node.getClippingId()) : undefined
  const kept = change !== undefined && node.getKeptWording()?.versionHash === change.versionHash
  return { badge: kept ? 'kept' : status, changePending: change !== undefined && !kept }
}

function citationKeyAt(editor: LexicalEditor, target: EventTarget | null): NodeKey | null {
  if (!(target instanceof Element)) return null
  const host = target.closest('[data-citation-ui]')?.parentElement
  if (!host) return null
  return editor.read(() => {
    const node = $getNearestNodeFromDOMNode(host)
    return $isCitationBlockNode(node) ? node.getKey() : null
  })
}

function sameKeys(a: NodeKey[], b: NodeKey[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index])
}

/**
 * Status marks on every citation block, and controls for the few in use. Citation blocks are
 * static DOM; this plugin paints their badges once when the statuses arrive and again only for
 * the blocks an update creates or changes (a mutation listener, not a walk per keystroke), and
 * mounts the React controls only into the blocks that are hovered, focused or selected, or whose
 * passage changed in the source and waits for the writer's answer.
 */
export function CitationBlockControlsPlugin(): ReactElement {
  const [editor] = useLexicalComposerContext()
  const citations = useCitationContext()
  const [inUse, setInUse] = useState<InUse>({ hovered: null, focused: null, selected: [] })
  const [pending, setPending] = useState<NodeKey[]>([])
  // Bumped when citation blocks are created, so controls find the element they now live in.
  const [domRevision, setDomRevision] = useState(0)
  const pendingKeys = useRef(new Set<NodeKey>())

  useEffect(() => {
    if (!editor.hasNodes([CitationBlockNode])) {
      throw new Error('CitationBlockControlsPlugin: CitationBlockNode not registered')
    }
    const publishPending = (): void => {
      const next = [...pendingKeys.current].sort()
      setPending((current) => (sameKeys(current, next) ? current : next))
    }
    // Registering calls the listener at once with every block as created: the first painting.
    return editor.registerMutationListener(CitationBlockNode, (mutations, { updateTags }) => {
      let created = false
      editor.getEditorState().read(() => {
        for (const [key, mutation] of mutations) {
          if (mutation === 'destroyed') {
            pendingKeys.current.delete(key)
            continue
          }
          created ||= mutation === 'created'
          const node = $getNodeByKey(key)
          const host = editor.getElementByKey(key)
          if (!$isCitationBlockNode(node) || !host) continue
          const { badge, changePending } = $badgeOf(node, citations)
          paintCitationBadge(host, badge)
          if (changePending) pendingKeys.current.add(key)
          else pendingKeys.current.delete(key)
        }
      })
      publishPending()
      if (created && !updateTags.has('registerMutationListener')) {
        setDomRevision((revision) => revision + 1)
      }
    })
  }, [editor, citations])

  useEffect(() => {
    const onOver = (event: MouseEvent): void => {
      const key = citationKeyAt(editor, event.target)
      setInUse((current) => (current.hovered === key ? current : { ...current, hovered: key }))
    }
    const onLeave = (): void => setInUse((current) => ({ ...current, hovered: null }))
    const onFocusIn = (event: FocusEvent): void => {
      const key = citationKeyAt(editor, event.target)
      setInUse((current) => (current.focused === key ? current : { ...current, focused: key }))
    }
    const onFocusOut = (event: FocusEvent): void => {
      const next = citationKeyAt(editor, event.relatedTarget)
      setInUse((current) => (current.focused === next ? current : { ...current, focused: next }))
    }
    return mergeRegister(
      editor.registerRootListener((root, previous) => {
        previous?.removeEventListener('mouseover', onOver)
        previous?.removeEventListener('mouseleave', onLeave)
        previous?.removeEventListener('focusin', onFocusIn)
        previous?.removeEventListener('focusout', onFocusOut)
        root?.addEventListener('mouseover', onOver)
        root?.addEventListener('mouseleave', onLeave)
        root?.addEventListener('focusin', onFocusIn)
        root?.addEventListener('focusout', onFocusOut)
      }),
      // A citation selected as a node (clicked, or reached with the arrow keys) shows its
      // controls, so Tab reaches them from the keyboard. O(1) per update unless nodes are selected.
      editor.registerUpdateListener(({ editorState }) => {
        const selected = editorState.read(() => {
          const selection = $getSelection()
          if (!$isNodeSelection(selection)) return []
          return selection
            .getNodes()
            .filter($isCitationBlockNode)
            .map((node) => node.getKey())
        })
        setInUse((current) =>
          sameKeys(current.selected, selected) ? current : { ...current, selected },
        )
      }),
    )
  }, [editor])

  const keys = [
    ...new Set(
      [...pending, inUse.hovered, inUse.focused, ...inUse.selected].filter(
        (key): key is NodeKey => key !== null,
      ),
    ),
  ]
  return (
    <>
      {keys.map((key) => {
        const slot = editor.getElementByKey(key)?.querySelector(`.${CONTROLS_SLOT_CLASS}`)
        return slot ? (
          <MountedControls key={`${key}:${domRevision}`} nodeKey={key} slot={slot} />
        ) : null
      })}
    </>
  )
}

function MountedControls({ nodeKey, slot }: { nodeKey: NodeKey; slot: Element }): ReactElement {
  useEffect(() => {
    const figure = slot.parentElement
    figure?.classList.add(ACTIVE_CLASS)
    return () => figure?.classList.remove(ACTIVE_CLASS)
  }, [slot])
  return createPortal(<CitationBlockControls nodeKey={nodeKey} />, slot)
}
