import { $isLinkNode, AutoLinkNode, LinkNode } from '@lexical/link'
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $unwrapNode, mergeRegister } from '@lexical/utils'
import { useEffect, type ReactElement } from 'react'
import { isAllowedLink } from '../../../../shared/urls'

const linkAttributes = { rel: 'noopener noreferrer' }

/**
 * Links, and only web or mail links: the link command refuses other URLs, and a transform turns a
 * link that arrives any other way (pasted HTML, dropped content) back into its plain text.
 */
export function SafeLinkPlugin(): ReactElement {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    const $unwrapUnsafe = (node: LinkNode): void => {
      if ($isLinkNode(node) && !isAllowedLink(node.getURL())) $unwrapNode(node)
    }
    // Transforms are per class, so the autolink subclass (pasted Lexical JSON) is named too.
    return mergeRegister(
      editor.registerNodeTransform(LinkNode, $unwrapUnsafe),
      editor.registerNodeTransform(AutoLinkNode, $unwrapUnsafe),
    )
  }, [editor])
  return <LinkPlugin validateUrl={isAllowedLink} attributes={linkAttributes} />
}
