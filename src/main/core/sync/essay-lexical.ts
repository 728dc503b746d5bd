// An essay's Lexical state written into, and read out of, the Yjs document the app's editor
// shares through `@lexical/yjs` (CollaborationPlugin's root), with a headless editor. Main cannot
// load the editor's own node classes (they carry their React parts), so the citation and
// unreadable blocks have headless twins here: what `@lexical/yjs` shares of a node is its type
// and the own fields a node made without arguments has, so a twin with the same type and the
// same `__fields` reads and writes the very same document (essayYjsRoundTrip.test.ts holds them
// to the editor's classes). This file imports neither node:* nor the DOM, so the renderer's
// tests can load it beside the real nodes.
import { createHeadlessEditor } from '@lexical/headless'
import { AutoLinkNode, LinkNode } from '@lexical/link'
import { ListItemNode, ListNode } from '@lexical/list'
import { HeadingNode, QuoteNode } from '@lexical/rich-text'
import {
  createYjsBinding,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
  type Binding,
  type Provider,
} from '@lexical/yjs'
import {
  DecoratorNode,
  type Klass,
  type LexicalEditor,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedLexicalNode,
} from 'lexical'
import * as Y from 'yjs'
import {
  CITATION_BLOCK_TYPE,
  INLINE_CITATION_TYPE,
  UNREADABLE_BLOCK_TYPE,
  type SerializedEditorStateJson,
} from '../../../shared/essay'

/** The id CollaborationPlugin is given for an essay: also the key of its doc in the doc map. */
export const ESSAY_ROOT_ID = 'essay'

type Fields = Record<string, unknown>

/**
 * A decorator node that only carries its fields: `defaults` names them (in the order the editor's
 * class declares them) with what a node made without arguments holds.
 */
function carrierNode(type: string, defaults: Fields, inline: boolean): Klass<LexicalNode> {
  const names = Object.keys(defaults)
  class Carrier extends DecoratorNode<null> {
    constructor(fields: Fields = defaults, key?: NodeKey) {
      super(key)
      const self = this as unknown as Fields
      for (const name of names) self[`__${name}`] = fields[name]
    }

    static getType(): string {
      return type
    }

    static clone(node: Carrier): Carrier {
      return new Carrier(node.fields(), node.__key)
    }

    static importJSON(json: SerializedLexicalNode): Carrier {
      return new Carrier().updateFromJSON(json)
    }

    updateFromJSON(json: LexicalUpdateJSON<SerializedLexicalNode>): this {
      const writable = super.updateFromJSON(json).getWritable()
      const raw = json as unknown as Fields
      const self = writable as unknown as Fields
      for (const name of names) self[`__${name}`] = structuredClone(raw[name])
      return writable
    }

    exportJSON(): SerializedLexicalNode {
      const out: Fields = { ...super.exportJSON() }
      for (const [name, value] of Object.entries(this.getLatest().fields())) {
        if (value !== undefined) out[name] = structuredClone(value)
      }
      return out as unknown as SerializedLexicalNode
    }

    private fields(): Fields {
      const self = this as unknown as Fields
      return Object.fromEntries(names.map((name) => [name, self[`__${name}`]]))
    }

    createDOM(): HTMLElement {
      throw new Error('A headless essay node is never drawn.')
    }

    updateDOM(): false {
      return false
    }

    isInline(): boolean {
      return inline
    }

    decorate(): null {
      return null
    }
  }
  return Carrier
}

const citation = { clippingId: '', sourceId: '', snapshot: { exact: '', title: '' } }

/** Lexical's own nodes the essay editor registers, and twins of Commonplace's (see above). */
export const headlessEssayNodes: Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  carrierNode(
    CITATION_BLOCK_TYPE,
    { ...citation, keptWording: undefined, locator: '', comment: '' },
    false,
  ),
  carrierNode(INLINE_CITATION_TYPE, { ...citation, keptWording: undefined, locator: '' }, true),
  carrierNode(UNREADABLE_BLOCK_TYPE, { raw: { type: 'unknown', version: 1 } }, false),
]

/**
 * The provider a binding is handed when no one is looking: there are no cursors to draw or
 * send in main, so its awareness knows nobody.
 */
export const headlessProvider: Provider = {
  awareness: {
    getLocalState: () => null,
    getStates: () => new Map(),
    on: () => undefined,
    off: () => undefined,
    setLocalState: () => undefined,
    setLocalStateField: () => undefined,
  },
  connect: () => undefined,
  disconnect: () => undefined,
  on: () => undefined,
  off: () => undefined,
}

/** A headless editor with the essay's nodes, bound to `doc`'s shared root. */
export function boundEditor(
  doc: Y.Doc,
  nodes: Klass<LexicalNode>[] = headlessEssayNodes,
): { editor: LexicalEditor; binding: Binding } {
  const editor = createHeadlessEditor({
    namespace: 'commonplace-essay',
    nodes,
    onError: (error) => {
      throw error
    },
  })
  const binding = createYjsBinding({
    editor,
    id: ESSAY_ROOT_ID,
    doc,
    docMap: new Map([[ESSAY_ROOT_ID, doc]]),
  })
  return { editor, binding }
}

/** Sends every change of a bound editor into its doc, as the editor's own; returns the stop. */
export function shareEditorChanges(editor: LexicalEditor, binding: Binding): () => void {
  return editor.registerUpdateListener((update) =>
    syncLexicalUpdateToYjs(
      binding,
      headlessProvider,
      update.prevEditorState,
      update.editorState,
      update.dirtyElements,
      update.dirtyLeaves,
      update.normalizedNodes,
      update.tags,
    ),
  )
}

/** True when nobody has written an essay into `doc` yet. */
export function isEssayDocEmpty(doc: Y.Doc): boolean {
  return doc.get('root', Y.XmlText).length === 0
}

/**
 * The Yjs that @lexical/yjs itself imports. Where code runs as CommonJS (the e2e harness, under
 * Playwright), `import * as Y from 'yjs'` is Yjs's CommonJS build while @lexical/yjs, an ES
 * module, gets the ES build: two copies, whose types cannot share a doc. So the Lexical side
 * works in docs of its own copy, and what crosses to the caller's doc is updates (bytes).
 */
function lexicalYjs(): Promise<typeof Y> {
  return import('yjs')
}

/**
 * Writes a saved essay into an empty doc, as the editor would have typed it, in one update
 * applied with `origin`. Never call it on a doc with content: Yjs would keep both copies.
 */
export async function writeEssayIntoDoc(
  doc: Y.Doc,
  state: SerializedEditorStateJson,
  nodes: Klass<LexicalNode>[] = headlessEssayNodes,
  origin: unknown = null,
): Promise<void> {
  if (!isEssayDocEmpty(doc)) throw new Error('The essay document already has content.')
  const L = await lexicalYjs()
  const scratch = new L.Doc()
  const { editor, binding } = boundEditor(scratch, nodes)
  const stop = shareEditorChanges(editor, binding)
  try {
    editor.setEditorState(editor.parseEditorState(JSON.stringify(state)))
  } finally {
    stop()
    binding.root.destroy(binding)
  }
  // Checked again: another write may have landed while Lexical's Yjs was loading.
  if (!isEssayDocEmpty(doc)) throw new Error('The essay document already has content.')
  Y.applyUpdate(doc, L.encodeStateAsUpdate(scratch), origin)
  scratch.destroy()
}

/** The essay a doc holds, as the editor would save it (a fresh editor reads the whole doc). */
export async function readEssayFromDoc(
  doc: Y.Doc,
  nodes: Klass<LexicalNode>[] = headlessEssayNodes,
): Promise<SerializedEditorStateJson> {
  const L = await lexicalYjs()
  const copy = new L.Doc()
  const { editor, binding } = boundEditor(copy, nodes)
  const root = binding.root.getSharedType()
  const onChanges = (events: Y.YEvent<Y.Text>[], transaction: Y.Transaction): void => {
    if (transaction.origin !== binding) {
      syncYjsChangesToLexical(binding, headlessProvider, events, false, () => undefined)
    }
  }
  root.observeDeep(onChanges)
  try {
    L.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    // read() commits the update the changes were put in before it reads.
    return editor.read(
      () => editor.getEditorState().toJSON() as unknown as SerializedEditorStateJson,
    )
  } finally {
    root.unobserveDeep(onChanges)
    binding.root.destroy(binding)
    copy.destroy()
  }
}
