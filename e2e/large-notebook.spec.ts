import { clippingCards } from './steps'
import { expect, test } from './fixtures'
import { copyOfLargeNotebook, largeNotebook, LARGE_NOTEBOOK_CLIPPINGS } from './large-notebook'

test.use({ notebook: { prepare: copyOfLargeNotebook } })
// Making and opening 10,000 clippings takes a while on a loaded machine; nothing here is timed.
test.setTimeout(180_000)

/** The first words of a quote, as the list shows them (whitespace folded). */
const opening = (quote: string, words = 6): string =>
  quote.trim().split(/\s+/).slice(0, words).join(' ')

test('a notebook of 10,000 clippings opens on its newest, scrolls to its oldest, and search finds that one', async ({
  app,
}) => {
  const { page } = app
  const { newest, oldest } = await largeNotebook()
  const list = page.getByRole('list', { name: 'Clippings' })
  const items = clippingCards(list)

  await expect(items.first()).toContainText(opening(newest.target[0].exact), { timeout: 60_000 })
  await expect(items.first()).toHaveAttribute('aria-setsize', String(LARGE_NOTEBOOK_CLIPPINGS))
  // Windowed: the page holds the clippings in view, not ten thousand of them.
  expect(await items.count()).toBeLessThan(100)

  // Scrolling to the end loads page after page until the oldest clipping is in view.
  const scroller = page
    .getByRole('complementary', { name: 'Clippings panel' })
    .locator('.windowed-scroller')
  await expect
    .poll(
      async () => {
        await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight))
        return items.last().getAttribute('aria-posinset')
      },
      { timeout: 120_000, intervals: [50, 100, 250] },
    )
    .toBe(String(LARGE_NOTEBOOK_CLIPPINGS))
  await expect(items.last()).toContainText(opening(oldest.target[0].exact))
  expect(await items.count()).toBeLessThan(100)

  const phrase = opening(oldest.target[0].exact, 8)
  await page.getByRole('searchbox', { name: 'Search clippings' }).fill(`"${phrase}"`)
  await expect(items.filter({ hasText: phrase }).first()).toBeVisible()
})

test('in a notebook of 10,000 clippings an essay opens and takes typing', async ({ app }) => {
  const { page } = app
  const { essayTitle } = await largeNotebook()
  await page.getByRole('button', { name: 'Essays' }).click()
  await page.getByRole('listitem').filter({ hasText: essayTitle }).first().click()
  const editor = page.getByRole('textbox', { name: 'Essay' })
  await expect(editor).toContainText('What the oldest and the newest clipping say together.')
  await editor.click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(' They agree.')
  await expect(editor).toContainText('say together. They agree.')
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
})
