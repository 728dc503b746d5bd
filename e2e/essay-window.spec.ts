import type { Page } from '@playwright/test'
import { openCommonplace } from '../src/main/core/commonplace'
import { scrollEssayTo } from './essay-scroll'
import { expect, test } from './fixtures'
import { openEssayCiting } from './long-essay-steps'

const CITATIONS = 1000

/** How many of the essay's blocks the browser lays out (the rest are in the page, not shown). */
const laidOutBlocks = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      [...(document.querySelector('[aria-label="Essay"]')?.children ?? [])].filter((block) =>
        block.checkVisibility(),
      ).length,
  )

/** The top of the paragraph starting with `text`, on screen. */
const topOf = (page: Page, text: string): Promise<number | null> =>
  page.evaluate((wanted) => {
    const blocks = [...(document.querySelector('[aria-label="Essay"]')?.children ?? [])]
    const block = blocks.find((candidate) => candidate.textContent?.startsWith(wanted))
    return block?.checkVisibility() ? block.getBoundingClientRect().top : null
  }, text)

/** The paragraph nearest the top of the view, and where it is. */
const paragraphAtTop = (page: Page): Promise<{ text: string; top: number }> =>
  page.evaluate(() => {
    const scroller = document.querySelector('.essay-scroll') as HTMLElement
    const viewTop = scroller.getBoundingClientRect().top
    const shown = [...document.querySelectorAll('[aria-label="Essay"] > p')].filter(
      (block) => block.checkVisibility() && block.getBoundingClientRect().top >= viewTop,
    )
    const first = shown[0] as Element
    return { text: (first.textContent ?? '').slice(0, 15), top: first.getBoundingClientRect().top }
  })

test('a long essay lays out only what is near the view, yet scrolling, Ctrl+End, Ctrl+Home and undo reach every block, and all of it is saved', async ({
  app,
}) => {
  test.setTimeout(120_000)
  const { page } = app
  const { essayId, editor } = await openEssayCiting(app, CITATIONS)

  // The mechanism: of 2,000 blocks, only those near the view are laid out.
  await expect.poll(() => laidOutBlocks(page)).toBeLessThan(200)

  // Scrolled far from the caret, every block from the caret to the view is laid out (a selection
  // must stay in rendered blocks); a click there moves the caret, and the window shrinks back.
  await editor.getByText('Paragraph 2:').click()
  await scrollEssayTo(page, 'Paragraph 500:')
  await expect.poll(() => laidOutBlocks(page)).toBeGreaterThan(500)
  await editor.getByText('Paragraph 500:').click()
  await expect.poll(() => laidOutBlocks(page)).toBeLessThan(200)

  // Scrolled up from the end through blocks never laid out before, what is on screen stays put
  // while their real heights replace the guesses.
  await scrollEssayTo(page, `Paragraph ${CITATIONS}:`)
  await expect(editor.getByText(`Paragraph ${CITATIONS}:`)).toBeVisible()
  await editor.getByText(`Paragraph ${CITATIONS - 1}:`).click()
  for (let step = 0; step < 12; step++) {
    const before = await paragraphAtTop(page)
    await page.mouse.wheel(0, -400)
    await expect.poll(() => topOf(page, before.text)).toBeGreaterThan(before.top + 390)
    expect(await topOf(page, before.text)).toBeLessThan(before.top + 410)
  }
  expect(await laidOutBlocks(page)).toBeLessThan(200)

  // Ctrl+Home and Ctrl+End reach the ends, laid out or not.
  await page.keyboard.press('ControlOrMeta+Home')
  await page.keyboard.type('At the start. ')
  await expect(editor.getByText('At the start. Paragraph 1:')).toBeVisible()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(' At the end.')
  await expect(editor.getByText(`Paragraph ${CITATIONS}:`)).toContainText('At the end.')
  await expect(editor.getByText(`Paragraph ${CITATIONS}:`)).toBeVisible()

  // Undo goes back to the start: the block it changes is laid out and shown again.
  await page.keyboard.press('ControlOrMeta+z')
  await expect(editor.getByText(`Paragraph ${CITATIONS}:`)).not.toContainText('At the end.')
  await page.keyboard.press('ControlOrMeta+z')
  await expect(editor.getByText('Paragraph 1:', { exact: false })).toBeVisible()
  await expect(editor.getByText('Paragraph 1:', { exact: false })).not.toContainText(
    'At the start.',
  )
  await page.keyboard.type('Kept. ')
  await expect(editor.getByText('Kept. Paragraph 1:')).toBeVisible()

  // Saved whole: every block, what was typed, nothing of the window.
  const saved = async (): Promise<string> =>
    JSON.stringify((await (await openCommonplace(app.dataDir)).essays.get(essayId)).editorState)
  await expect.poll(saved, { timeout: 30_000 }).toContain('Kept. Paragraph 1:')
  const essay = await saved()
  expect(essay.split('"citation-block"').length - 1).toBe(CITATIONS)
  expect(essay.split('"paragraph"').length - 1).toBe(CITATIONS)
  expect(essay).not.toContain('At the end.')
  expect(essay).not.toContain('offscreen')
})

test('with a screen reader running, or screen reader support turned on, a long essay is laid out whole for it to read', async ({
  app,
}) => {
  test.setTimeout(120_000)
  const { page } = app
  const citations = 200
  const { editor } = await openEssayCiting(app, citations)
  // What a screen reader can read: blocks in the accessibility tree (not display: none).
  const lastParagraph = editor.getByRole('paragraph').filter({ hasText: `Paragraph ${citations}:` })
  const blocks = await page.evaluate(
    () => document.querySelector('[aria-label="Essay"]')?.children.length ?? 0,
  )
  expect(blocks).toBeGreaterThan(citations * 2 - 1)

  // No screen reader: only the blocks near the view are laid out.
  await expect.poll(() => laidOutBlocks(page)).toBeLessThan(blocks / 2)
  await expect(lastParagraph).toHaveCount(0)

  // One starts: the whole essay is laid out, and the writer types on in it.
  await app.setScreenReaderRunning(true)
  await expect.poll(() => laidOutBlocks(page)).toBe(blocks)
  await expect(lastParagraph).toHaveCount(1)
  await editor.getByText('Paragraph 3:').click()
  await page.keyboard.type(' Read aloud.')
  await expect(editor.getByText('Paragraph 3:')).toContainText('Read aloud.')
  await expect.poll(() => laidOutBlocks(page)).toBe(blocks)

  // It stops: the essay is windowed again.
  await app.setScreenReaderRunning(false)
  await expect.poll(() => laidOutBlocks(page)).toBeLessThan(blocks / 2)

  // Started before the app: the page asks at start.
  await app.setScreenReaderRunning(true)
  await app.restart()
  await page.getByRole('button', { name: 'Essays' }).click()
  await expect(lastParagraph).toHaveCount(1, { timeout: 30_000 })
  await expect.poll(() => laidOutBlocks(page)).toBe(blocks)

  // The writer's choice wins over what the system reports: Off windows it, On lays it out whole.
  const chooseSupport = async (name: string): Promise<void> => {
    await page.keyboard.press('ControlOrMeta+,')
    const dialog = page.getByRole('dialog', { name: 'Settings' })
    await dialog.getByRole('radio', { name, exact: true }).check()
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
  }
  await chooseSupport('Off')
  await expect.poll(() => laidOutBlocks(page)).toBeLessThan(blocks / 2)
  await expect(lastParagraph).toHaveCount(0)
  await app.setScreenReaderRunning(false)
  await chooseSupport('On')
  await expect.poll(() => laidOutBlocks(page)).toBe(blocks)
  await expect(lastParagraph).toHaveCount(1)
})
