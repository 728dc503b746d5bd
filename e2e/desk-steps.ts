// Steps for the desk's layout, theme and accessibility specs: a notebook with something in it.
import { expect, type RunningApp } from './fixtures'
import { selectInReader } from './reader-selection'
import {
  anoraQuote,
  bakerQuote,
  bakerTitle,
  clipBoth,
  clippingItem,
  startEssay,
  updateBaker,
} from './steps'

export const movedQuote = 'a fascinating look at the life of a washed-up porn star'
export const changedQuote = 'I hate the hypocrisy in our society'
const reworded = 'I really hate the hypocrisy in this society'
export const essayTitle = 'Why Baker keeps returning to sex work'

/**
 * Two sources with clippings, and an essay citing four of them, one in each health state after
 * the Baker interview is updated: Verified (the other source), Moved (a paragraph now comes
 * before it), Changed (reworded) and Missing (its paragraph cut).
 */
export async function essayInEveryHealthState(app: RunningApp): Promise<void> {
  const { page } = app
  await clipBoth(app)
  await page.getByRole('list', { name: 'Sources' }).getByText(bakerTitle).click()
  for (const quote of [movedQuote, changedQuote]) {
    await expect(page.getByRole('region', { name: 'Reader' })).toContainText(quote)
    await selectInReader(page, quote)
    await page.getByRole('button', { name: 'Clip selection' }).click()
    await expect(clippingItem(page, quote)).toBeVisible()
  }
  await startEssay(page)
  const title = page.getByRole('textbox', { name: 'Title' })
  await title.fill(essayTitle)
  await title.press('Enter')
  await page.getByRole('textbox', { name: 'Essay' }).click()
  await page.keyboard.type(
    'Baker films the people others leave at the edge of the frame, and he lets them speak.',
  )
  for (const quote of [anoraQuote, movedQuote, changedQuote, bakerQuote]) {
    await clippingItem(page, quote).getByRole('button', { name: 'Cite in essay' }).click()
    await expect(page.getByRole('figure').filter({ hasText: quote })).toBeVisible()
  }
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()

  const updated = await updateBaker(app, (html) =>
    html
      .replace('<article>', '<article>\n<p>Editor’s note: this interview was updated.</p>')
      .replace(changedQuote, reworded)
      .replace(/<p>Well, it’s hard to argue with that\.[\s\S]*?<\/p>/, ''),
  )
  await expect(updated).toContainText('1 missing')
  await page.getByRole('button', { name: 'Essays' }).click()
  const badges = page.locator('.citation-badge:visible')
  await expect(badges).toHaveText(['Verified', 'Moved', 'Changed', 'Missing'])
}
