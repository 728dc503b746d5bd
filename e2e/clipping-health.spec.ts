import type { Locator, Page } from '@playwright/test'
import { expect, fixture, test, type RunningApp } from './fixtures'
import { selectInReader } from './reader-selection'
import { bakerPage, bakerQuote, clippingItem, updateBaker, clippingCards } from './steps'

// Importing and re-importing take a while on a loaded machine; nothing here is timed.
test.setTimeout(60_000)

/** Imports the Baker interview (and any other pages) and waits for the reader to show it. */
async function openBaker(app: RunningApp, others: string[] = []): Promise<Locator> {
  app.answerOpenDialog([fixture(bakerPage), ...others.map((name) => fixture(name))])
  await app.page.getByRole('button', { name: 'Import source' }).click()
  const reader = app.page.getByRole('region', { name: 'Reader' })
  // The first import of a worker starts the import process: slow on a loaded machine.
  await expect(reader).toContainText(bakerQuote, { timeout: 20_000 })
  return reader
}

/** A right click in the middle of the selected words, as a writer opens the context menu. */
async function rightClickSelection(page: Page): Promise<void> {
  const at = await page.evaluate(() => {
    const range = window.getSelection()?.getRangeAt(0)
    range?.startContainer.parentElement?.scrollIntoView({ block: 'center' })
    const rect = range?.getClientRects()[0]
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null
  })
  if (!at) throw new Error('nothing is selected')
  await page.mouse.click(at.x, at.y, { button: 'right' })
}

const hypocrisy = 'I hate the hypocrisy in our society'
const wildFilm = 'it’s a pretty wild film'

test('the popover by a selection clips it, with a note too, and goes on Esc', async ({ app }) => {
  const { page } = app
  const reader = await openBaker(app)

  const popover = reader.getByRole('group', { name: 'Clip the selection' })
  await selectInReader(page, hypocrisy)
  await expect(popover).toBeVisible()
  // Beside the words, not over them.
  const covered = await page.evaluate(() => {
    const words = window.getSelection()?.getRangeAt(0).getBoundingClientRect()
    const box = document.querySelector('.selection-popover')?.getBoundingClientRect()
    if (!words || !box) return null
    return (
      box.bottom > words.top &&
      box.top < words.bottom &&
      box.right > words.left &&
      box.left < words.right
    )
  })
  expect(covered).toBe(false)
  await page.keyboard.press('Escape')
  await expect(popover).toBeHidden()
  // A scroll of the reader puts it away too: it would no longer be beside the words.
  await selectInReader(page, hypocrisy)
  await expect(popover).toBeVisible()
  await reader.locator('.reader-scroll').evaluate((element) => element.scrollBy(0, 60))
  await expect(popover).toBeHidden()

  await selectInReader(page, hypocrisy)
  await popover.getByRole('button', { name: 'Clip', exact: true }).click()
  await expect(clippingItem(page, hypocrisy)).toBeVisible()
  await expect(reader.locator('mark.clip-mark')).toHaveText([hypocrisy])
  await expect(popover).toBeHidden()

  // From the keyboard: Tab reaches the popover; the note form takes the focus; Ctrl+Enter clips.
  await selectInReader(page, wildFilm)
  await page.keyboard.press('Tab')
  await expect(popover.getByRole('button', { name: 'Clip', exact: true })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(popover.getByRole('button', { name: 'Clip with note…' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(popover.getByRole('textbox', { name: 'Note' })).toBeFocused()
  await page.keyboard.type('The film in one line')
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(clippingItem(page, wildFilm)).toContainText('The film in one line')
  await expect(reader.locator('mark.clip-mark')).toHaveText([hypocrisy, wildFilm])
})

test('the reader’s context menu copies the passage, plain or as a quotation with its citation', async ({
  app,
}) => {
  const { page } = app
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await openBaker(app)
  await selectInReader(page, hypocrisy)
  await rightClickSelection(page)
  const menu = page.getByRole('menu', { name: 'Reader' })
  await expect(menu.getByRole('menuitem')).toHaveText([
    'Clip selection',
    'Copy',
    'Copy as quotation with citation',
  ])
  await menu.getByRole('menuitem', { name: 'Copy as quotation with citation' }).click()
  await expect(menu).toBeHidden()
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe(
      `“${hypocrisy}” — Sean Baker on why sex work keeps returning in his films, CinemaBlend, 10 Dec 2021. https://example.org/cinemablend/sean-baker-red-rocket-sex-work`,
    )

  await selectInReader(page, hypocrisy)
  await rightClickSelection(page)
  await menu.getByRole('menuitem', { name: 'Copy', exact: true }).click()
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(hypocrisy)
})

test('after an update a changed clipping shows the diff and both answers, and the summary leads to it', async ({
  app,
}) => {
  const { page } = app
  const reader = await openBaker(app)
  for (const quote of [bakerQuote, hypocrisy]) {
    await selectInReader(page, quote)
    await page.getByRole('button', { name: 'Clip selection' }).click()
    await expect(clippingItem(page, quote)).toBeVisible()
  }

  const updated = await updateBaker(app, (html) =>
    html
      .replace('does a great job at showing', 'does a fine job of showing')
      .replace(hypocrisy, 'I really hate the hypocrisy in this society'),
  )
  await expect(updated).toContainText('0 verified, 0 moved, 2 changed, 0 missing')

  const card = clippingItem(page, bakerQuote)
  await expect(card).toContainText('Changed')
  const change = card.getByRole('group', { name: 'Changed in the updated source' })
  await expect(change.locator('del')).toHaveText(['great', 'at'])
  await expect(change.locator('ins')).toHaveText(['fine', 'of'])
  // Words apart, not glued: "great fine", never "greatfine".
  await expect(change).toContainText('a great fine job at of showing')
  await expect(change.getByRole('button', { name: 'Accept new wording' })).toBeVisible()
  await expect(change.getByRole('button', { name: 'Keep old wording' })).toBeVisible()

  // The summary names both; its link selects the card and shows the passage, marked.
  await updated.getByRole('button', { name: /Baker’s work does a great job/ }).click()
  await expect(card.locator('[aria-current="true"]')).toBeVisible()
  await expect(reader.locator('mark[aria-current="true"]')).toHaveText(
    'Baker’s work does a fine job of showing us that sex workers are just people',
  )

  await change.getByRole('button', { name: 'Accept new wording' }).click()
  const accepted = clippingItem(page, 'does a fine job of showing')
  await expect(accepted).not.toContainText('Changed')
  await expect(accepted.getByRole('group', { name: 'Changed in the updated source' })).toBeHidden()

  const other = clippingItem(page, hypocrisy)
  await other.getByRole('button', { name: 'Keep old wording' }).click()
  await expect(other.locator('.health-badge')).toHaveText('Kept')
  await expect(other.getByRole('group', { name: 'Changed in the updated source' })).toBeHidden()
})

test('a tag filters the clippings, the filter is a removable chip, and groups collapse', async ({
  app,
}) => {
  const { page } = app
  await openBaker(app, ['anora-sex-work-oscars.html'])
  for (const quote of [bakerQuote, hypocrisy]) {
    await selectInReader(page, quote)
    await page.getByRole('button', { name: 'Clip selection' }).click()
    await expect(clippingItem(page, quote)).toBeVisible()
  }
  const card = clippingItem(page, hypocrisy)
  await card.getByRole('button', { name: 'Edit' }).click()
  await card.getByRole('textbox', { name: 'Tags' }).fill('stigma')
  await card.getByRole('button', { name: 'Save' }).click()

  const panel = page.getByRole('complementary', { name: 'Clippings panel' })
  const cards = clippingCards(panel.getByRole('list', { name: 'Clippings' }))
  await expect(cards).toHaveCount(2)
  await card.getByRole('button', { name: 'Filter by tag stigma' }).click()
  await expect(cards).toHaveCount(1)
  await expect(cards).toContainText(hypocrisy)
  await panel.getByRole('button', { name: 'Remove the filter: tag stigma' }).click()
  await expect(cards).toHaveCount(2)

  // Grouped by source: the group says how many; collapsing it hides its cards.
  const group = panel.getByRole('button', { name: /Sean Baker on why sex work/ })
  await expect(group).toContainText('2')
  await group.click()
  await expect(group).toHaveAttribute('aria-expanded', 'false')
  await expect(cards).toHaveCount(0)
  // A mark chosen in the reader opens its collapsed group, its card selected.
  // The clipping not chosen yet; clicked on its first line (a mark may wrap onto two).
  const mark = page.getByRole('region', { name: 'Reader' }).locator('mark.clip-mark', {
    hasText: 'Baker’s work',
  })
  const at = await mark.evaluate((element) => {
    element.scrollIntoView({ block: 'center' })
    const line = element.getClientRects()[0] as DOMRect
    return { x: line.left + 8, y: line.top + line.height / 2 }
  })
  await page.mouse.click(at.x, at.y)
  await expect(group).toHaveAttribute('aria-expanded', 'true')
  await expect(cards).toHaveCount(2)
  await expect(cards.locator('[aria-current="true"]')).toHaveCount(1)
  // Newest first, remembered after a restart.
  await panel.getByRole('button', { name: 'Newest' }).click()
  await expect(group).toBeHidden()
  await app.restart()
  await expect(
    page
      .getByRole('complementary', { name: 'Clippings panel' })
      .getByRole('button', { name: 'Newest' }),
  ).toHaveAttribute('aria-pressed', 'true')
})
