import { AutoLinkNode, LinkNode } from '@lexical/link'
import { ListItemNode, ListNode } from '@lexical/list'
import { HeadingNode, QuoteNode } from '@lexical/rich-text'
import { CitationBlockNode } from './nodes/CitationBlockNode'
import { InlineCitationNode } from './nodes/InlineCitationNode'
import { UnreadableBlockNode } from './nodes/UnreadableBlockNode'

/**
 * Every node an essay may contain besides Lexical's own; shared/essay-state/nodes.ts is the
 * schema of what these save, and a headless editor (a test, an exporter) registers the same.
 */
export const essayNodes = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  CitationBlockNode,
  InlineCitationNode,
  UnreadableBlockNode,
]
