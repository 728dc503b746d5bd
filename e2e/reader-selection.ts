import type { Page } from '@playwright/test'

/**
 * Selects `text` in the reader the way a drag would: a DOM range over the rendered article, which
 * may span several text nodes and elements. Fails loudly when the text is not on screen.
 */
export async function selectInReader(page: Page, text: string): Promise<void> {
  const found = await page.getByRole('region', { name: 'Reader' }).evaluate((reader, wanted) => {
    const walker = document.createTreeWalker(reader, NodeFilter.SHOW_TEXT)
    const nodes: Text[] = []
    let all = ''
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push(node as Text)
      all += (node as Text).data
    }
    const at = all.indexOf(wanted)
    if (at === -1) return false
    const locate = (offset: number, preferEnd: boolean): [Text, number] => {
      let seen = 0
      for (const node of nodes) {
        const fits = preferEnd
          ? offset <= seen + node.data.length
          : offset < seen + node.data.length
        if (fits) return [node, offset - seen]
        seen += node.data.length
      }
      const last = nodes[nodes.length - 1]!
      return [last, last.data.length]
    }
    const range = document.createRange()
    range.setStart(...locate(at, false))
    range.setEnd(...locate(at + wanted.length, true))
    const selection = window.getSelection()
    selection?.removeAllRanges()
    selection?.addRange(range)
    return true
  }, text)
  if (!found) throw new Error(`The reader does not show the text: ${text}`)
}
