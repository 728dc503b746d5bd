import type { Page } from '@playwright/test'

/**
 * Scrolls the essay as a writer drags its scrollbar until the block starting with `text` is laid
 * out and in view. A long essay lays out only the blocks near the view, so a block far away has
 * no box to scroll to until the view comes near it.
 */
export async function scrollEssayTo(page: Page, text: string): Promise<void> {
  const found = await page.evaluate(async (wanted) => {
    const root = document.querySelector('[aria-label="Essay"]') as HTMLElement
    const scroller = root.closest('.essay-scroll') as HTMLElement
    const blocks = [...root.children] as HTMLElement[]
    const target = blocks.find((block) => block.textContent?.startsWith(wanted))
    if (!target) return false
    for (let step = 0; step < 200 && target.checkVisibility() === false; step++) {
      const shown = blocks.filter((block) => block.checkVisibility())
      const from = blocks.indexOf(shown[0] as HTMLElement)
      const down = blocks.indexOf(target) > from
      scroller.scrollTop += (down ? 1 : -1) * scroller.clientHeight * 2
      // Two frames: the window moves on the one after the scroll.
      for (let wait = 0; wait < 2; wait++) {
        await new Promise((resolve) => requestAnimationFrame(resolve))
      }
    }
    target.scrollIntoView({ block: 'center' })
    return target.checkVisibility()
  }, text)
  if (!found) throw new Error(`The essay has no block starting "${text}" that could be shown.`)
}
