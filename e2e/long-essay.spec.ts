import { seedEssayWithCitations } from '../bench/essay-seed'
import { openCommonplace } from '../src/main/core/commonplace'
import { scrollEssayTo } from './essay-scroll'
import type { Locator } from '@playwright/test'
import { expect, test, type RunningApp } from './fixtures'
import { openEssayCiting } from './long-essay-steps'

const CITATIONS = 1000
/**
 * Every citation block in the editor, laid out or not: a long essay lays out only the blocks near
 * the view, and the rest are in the page but not rendered (so not counted by role).
 */
const allCitations = (editor: Locator): Locator => editor.locator('figure')

/**
 * Keeps the page's idle callbacks (the essay's later blocks come in on them) from running, so the
 * essay stays part-loaded however long the test's steps take on a busy machine; the test runs the
 * oldest one held with `__runHeldIdleCallback()`.
 */
function holdIdleCallbacks(): void {
  const held = new Map<number, IdleRequestCallback>()
  let last = 0
  window.requestIdleCallback = (task) => {
    held.set(++last, task)
    return last
  }
  window.cancelIdleCallback = (handle) => void held.delete(handle)
  Object.assign(window, {
    __runHeldIdleCallback() {
      const [handle, task] = held.entries().next().value ?? []
      if (handle === undefined || !task) return false
      held.delete(handle)
      task({ didTimeout: false, timeRemaining: () => 50 })
      return true
    },
  })
}

/**
 * A slow machine: the essay of CITATIONS blocks opens while the CPU runs 8 times slower, so the
 * rest of it is still coming in below the first screen while the writer types `text` in it.
 * `stillOpening` keeps it from coming in at all: for what the writer does before it is in.
 */
async function typeWhileOpening(app: RunningApp, text: string, { stillOpening = false } = {}) {
  const { page } = app
  const essayId = await seedEssayWithCitations(await openCommonplace(app.dataDir), CITATIONS)
  if (stillOpening) await page.addInitScript(holdIdleCallbacks)
  await app.restart()
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 })
  await page.getByRole('button', { name: 'Essays' }).click()
  const editor = page.getByRole('textbox', { name: 'Essay' })
  await editor.getByText('Paragraph 1:', { exact: false }).click()
  await page.keyboard.type(text)
  const fullSpeed = async (): Promise<void> =>
    void (await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 }))
  return { essayId, editor, fullSpeed }
}

/** The essay as written to disk, as JSON. */
async function savedEssay(app: RunningApp, essayId: string): Promise<string> {
  return JSON.stringify(
    (await (await openCommonplace(app.dataDir)).essays.get(essayId)).editorState,
  )
}

test('an essay of 1,000 citations is editable: typed text appears, citations keep quotes and statuses, controls come on use and a comment persists', async ({
  app,
}) => {
  test.setTimeout(120_000)
  const { page } = app
  const { editor } = await openEssayCiting(app, CITATIONS)
  const citations = allCitations(editor)

  await scrollEssayTo(page, 'Paragraph 500:')
  await editor.getByText('Paragraph 500:', { exact: false }).click()
  await page.keyboard.type(' Typed in the middle. ')
  await expect(editor.getByText('Paragraph 500:', { exact: false })).toContainText(
    'Typed in the middle.',
  )

  // Every citation still shows its quote and its checked status.
  await scrollEssayTo(page, `Paragraph ${CITATIONS}:`)
  const last = citations.last()
  await expect(last).toBeVisible()
  await expect(last).toContainText('Sex workers don’t usually expect Hollywood')
  await expect(editor.locator('.citation-badge', { hasText: 'Verified' })).toHaveCount(CITATIONS)

  // What keeps it light: no citation carries inputs or buttons until it is in use.
  await page.mouse.move(0, 0)
  await expect(editor.locator('figure input, figure button')).toHaveCount(0)

  // Hovering a citation brings its controls; the comment is written into the essay and saved.
  const cited = citations.nth(600)
  await scrollEssayTo(page, 'Paragraph 601:')
  await cited.hover()
  await cited.getByRole('textbox', { name: 'Comment' }).fill('Compare with the interview.')
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  // Back in the text with the pointer elsewhere: the controls go, the comment stays shown.
  await editor.getByText('Paragraph 603:', { exact: false }).click()
  await page.mouse.move(0, 0)
  await expect(cited.getByRole('textbox', { name: 'Comment' })).toHaveCount(0)
  await expect(cited).toContainText('Compare with the interview.')

  // From the keyboard: a citation selected as a node shows its controls, and Tab reaches them.
  await citations.nth(601).locator('blockquote').click()
  await page.mouse.move(0, 0)
  await page.keyboard.press('Tab')
  await expect(citations.nth(601).getByRole('textbox', { name: 'Locator' })).toBeFocused()

  await app.restart()
  await page.getByRole('button', { name: 'Essays' }).click()
  await expect(citations).toHaveCount(CITATIONS, { timeout: 30_000 })
  await scrollEssayTo(page, 'Paragraph 601:')
  await expect(citations.nth(600)).toContainText('Compare with the interview.')
  await expect(editor).toContainText('Typed in the middle.')
})

test('what is typed while a long essay is still opening is saved with all of it, and undo works once it is in', async ({
  app,
}) => {
  test.setTimeout(180_000)
  const { page } = app
  const { essayId, editor, fullSpeed } = await typeWhileOpening(app, ' Typed at once.')
  await fullSpeed()

  // What is written to disk has the typed words and every citation, never the part then shown.
  const saved = (): Promise<string> => savedEssay(app, essayId)
  await expect.poll(saved, { timeout: 30_000 }).toContain('Typed at once.')
  expect((await saved()).split('"citation-block"').length - 1).toBe(CITATIONS)

  // The first thing typed once the essay is in can be undone, and undo leaves the essay whole.
  await app.restart()
  await page.getByRole('button', { name: 'Essays' }).click()
  await expect(allCitations(editor)).toHaveCount(CITATIONS, { timeout: 30_000 })
  const first = editor.getByText('Paragraph 1:', { exact: false })
  await expect(first).toContainText('Typed at once.')
  await first.click()
  await page.keyboard.type(' And undone.')
  await expect(first).toContainText('And undone.')
  await page.keyboard.press('ControlOrMeta+z')
  await expect(first).not.toContainText('And undone.')
  await expect(first).toContainText('Typed at once.')
  await expect(allCitations(editor)).toHaveCount(CITATIONS)
})

test('what is typed while a long essay is still opening is saved when another essay is opened at once', async ({
  app,
}) => {
  // A slowed page finishing 1,000 blocks at once takes a while; nothing here is timed.
  test.setTimeout(180_000)
  const { page } = app
  const { essayId, editor, fullSpeed } = await typeWhileOpening(app, ' Typed, then away.', {
    stillOpening: true,
  })
  // Still opening (fewer blocks than the essay has), the writer starts another essay. Back at
  // full speed first: putting in the rest at once is the mechanism here, and at 8x slower it
  // took a minute and a half; the page's idle time, which would finish it, is held.
  expect(await allCitations(editor).count()).toBeLessThan(CITATIONS)
  await fullSpeed()
  await page.getByRole('button', { name: 'New essay' }).click()

  const saved = (): Promise<string> => savedEssay(app, essayId)
  await expect.poll(saved, { timeout: 45_000 }).toContain('Typed, then away.')
  expect((await saved()).split('"citation-block"').length - 1).toBe(CITATIONS)
})

test('what is typed while a long essay is still opening is saved when the window is closed at once', async ({
  app,
}) => {
  test.setTimeout(180_000)
  const { page } = app
  const { essayId, editor, fullSpeed } = await typeWhileOpening(app, ' Typed, then closed.', {
    stillOpening: true,
  })
  expect(await allCitations(editor).count()).toBeLessThan(CITATIONS)
  // Closed at once: the page's idle time, which would finish the essay, is held (back at full
  // speed first, as above).
  await fullSpeed()
  await app.closeWindow()
  expect(page.isClosed()).toBe(true)

  const saved = await savedEssay(app, essayId)
  expect(saved.includes('Typed, then closed.'), 'the typed words are on disk').toBe(true)
  expect(saved.split('"citation-block"').length - 1).toBe(CITATIONS)
})

test('keys typed in another field while a long essay is still opening stay in that field', async ({
  app,
}) => {
  test.setTimeout(120_000)
  const { page } = app
  await seedEssayWithCitations(await openCommonplace(app.dataDir), CITATIONS)
  await page.addInitScript(holdIdleCallbacks)
  await app.restart()
  await page.getByRole('button', { name: 'Essays' }).click()
  const editor = page.getByRole('textbox', { name: 'Essay' })
  const first = editor.getByText('Paragraph 1:', { exact: false })
  await first.click()
  const before = await first.textContent()

  // The writer goes to the clippings' search while the rest of the essay comes in.
  const search = page.getByRole('searchbox', { name: 'Search clippings' })
  await search.click()
  await page.keyboard.type('Sex')
  const shown = await allCitations(editor).count()
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window as unknown as { __runHeldIdleCallback(): boolean }).__runHeldIdleCallback(),
      ),
    )
    .toBe(true)
  await expect.poll(() => allCitations(editor).count()).toBeGreaterThan(shown)
  await page.keyboard.type(' workers')
  await expect(search).toHaveValue('Sex workers')
  await expect(search).toBeFocused()
  expect(await first.textContent()).toBe(before)
})
