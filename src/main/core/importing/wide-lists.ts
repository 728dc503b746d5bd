// jsdom pays for every insertion or removal with a walk over the node's preceding siblings (it
// keeps live Ranges up to date even when there are none), so code that edits a long list of
// siblings one node at a time is quadratic in its length. Readability turns each <div> of a page
// into a <p> that way and DOMPurify removes nodes that way: a flat 2 MB page, with tens of
// thousands of siblings under one parent, took minutes. Wrapping siblings in groups bounds every
// such walk, for the price of one pass over the page.
import { blockProbe, droppedTags, isBlockNode, type BlockProbe } from './html-blocks'

/** Far more siblings than an article's paragraphs, so ordinary pages are left as they are. */
export const MAX_SIBLINGS = 256

/**
 * Regroups every list of more than `width` siblings under `root` into wrapper elements, without
 * changing the reader text: a run of inline content is never split by a block wrapper (it is
 * wrapped in a <span>, which the reader unwraps), and blocks are wrapped in <div>s, which the
 * reader treats as plain containers.
 */
export function narrowWideLists(root: Element, width = MAX_SIBLINGS): void {
  const hasBlockChild = blockProbe()
  const pending: Element[] = [root]
  for (let parent = pending.pop(); parent; parent = pending.pop()) {
    const children = childrenOf(parent)
    if (children.length > width) regroup(parent, children, width, hasBlockChild)
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      if (!droppedTags.has(child.tagName.toUpperCase())) pending.push(child)
    }
  }
}

function childrenOf(parent: Node): ChildNode[] {
  const children: ChildNode[] = []
  for (let child = parent.firstChild; child; child = child.nextSibling) children.push(child)
  return children
}

function regroup(
  parent: Element,
  children: ChildNode[],
  width: number,
  hasBlockChild: BlockProbe,
): void {
  const doc = parent.ownerDocument
  const runs = inlineRuns(children, hasBlockChild)
  // Front first, so each removal's sibling walk is empty; detached nodes then move for free.
  while (parent.firstChild) parent.removeChild(parent.firstChild)
  const wrap = (tag: 'div' | 'span', nodes: Node[]): Element => {
    const wrapper = doc.createElement(tag)
    for (const node of nodes) wrapper.appendChild(node)
    return wrapper
  }
  let groups: Node[]
  const only = runs.length === 1 ? (runs[0] as Node[]) : null
  // Every run has at least one node.
  if (only && !isBlockNode(only[0] as Node, hasBlockChild)) {
    groups = chunks(only, width).map((chunk) => wrap('span', chunk))
    while (groups.length > width) groups = chunks(groups, width).map((chunk) => wrap('span', chunk))
  } else {
    // A run longer than a group becomes one <span> now and is split when its turn comes.
    const units = runs.map((run) => (run.length > width ? [wrap('span', run)] : run))
    groups = packed(units, width).map((group) => wrap('div', group))
    while (groups.length > width) groups = chunks(groups, width).map((chunk) => wrap('div', chunk))
  }
  for (const group of groups) parent.appendChild(group)
}

/** Each block on its own, and each stretch of inline nodes between blocks as one run. */
function inlineRuns(children: ChildNode[], hasBlockChild: BlockProbe): Node[][] {
  const runs: Node[][] = []
  let run: Node[] = []
  for (const child of children) {
    if (isBlockNode(child, hasBlockChild)) {
      if (run.length > 0) runs.push(run)
      runs.push([child])
      run = []
    } else {
      run.push(child)
    }
  }
  if (run.length > 0) runs.push(run)
  return runs
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = []
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size))
  }
  return result
}

/** Units in order, a new group whenever the next unit would not fit. */
function packed(units: Node[][], width: number): Node[][] {
  const groups: Node[][] = []
  let group: Node[] = []
  for (const unit of units) {
    if (group.length > 0 && group.length + unit.length > width) {
      groups.push(group)
      group = []
    }
    group.push(...unit)
  }
  if (group.length > 0) groups.push(group)
  return groups
}
