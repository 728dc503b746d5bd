import { expect, test } from './fixtures'
import { anoraQuote, bakerQuote, bakerTitle, clipBoth, clippingItem, startEssay } from './steps'

test('a citation reads as a quotation: its controls come on hover or focus and work from the keyboard', async ({
  app,
}) => {
  const { page } = app
  await clipBoth(app)
  const editor = await startEssay(page)
  await page.keyboard.type('Before the quote.')
  await clippingItem(page, bakerQuote).getByRole('button', { name: 'Cite in essay' }).click()
  const citation = editor.getByRole('figure', { name: `Citation: ${bakerTitle}` })
  await expect(citation).toContainText(bakerQuote)

  // At rest: the quote and its attribution, a quiet check for a verified passage, no fields.
  await page.mouse.move(0, 0)
  await expect(citation.getByRole('textbox')).toHaveCount(0)
  await expect(citation.getByRole('button')).toHaveCount(0)
  const badge = citation.locator('.citation-badge')
  await expect(badge).toHaveText('Verified')
  await expect(badge).toBeVisible()
  const quiet = await badge.boundingBox()
  expect(quiet?.width, 'only a check is drawn for a verified quote').toBeLessThan(20)

  // Under the pointer: locator, comment, Show in source and remove, each with its name.
  await citation.hover()
  await expect(citation.getByRole('textbox', { name: 'Locator' })).toBeVisible()
  await expect(citation.getByRole('textbox', { name: 'Comment' })).toBeVisible()
  await expect(citation.getByRole('button', { name: 'Show in source' })).toBeVisible()
  await expect(citation.getByRole('button', { name: 'Remove citation' })).toBeVisible()
  // Clicked into a field, the controls stay while it has the focus, wherever the pointer goes.
  const locator = citation.getByRole('textbox', { name: 'Locator' })
  await locator.click()
  await page.mouse.move(0, 0)
  await page.keyboard.type('p. 12')
  await expect(locator).toBeFocused()
  await expect(locator).toHaveValue('p. 12')
  await editor.getByText('Before the quote.').click()
  await expect(citation.getByRole('textbox')).toHaveCount(0)
  // The attribution line carries the locator.
  await expect(citation.locator('figcaption')).toContainText('10 Dec 2021, p. 12')

  // From the keyboard alone: the arrow key selects the block, Tab goes into its controls.
  await editor.getByText('Before the quote.').click()
  await page.keyboard.press('End')
  await page.mouse.move(0, 0)
  await page.keyboard.press('ArrowRight')
  // Selected, the block shows its controls; Tab waits for them (a loaded machine is slow to).
  await expect(locator).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(locator).toBeFocused()
  await expect(locator).toHaveValue('p. 12')
  await page.keyboard.press('Tab')
  const comment = citation.getByRole('textbox', { name: 'Comment' })
  await expect(comment).toBeFocused()
  await page.keyboard.type('Compare with the Anora piece.')
  await expect(comment).toHaveValue('Compare with the Anora piece.')

  await page.keyboard.press('Tab')
  await expect(citation.getByRole('button', { name: 'Show in source' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(citation.getByRole('button', { name: 'Remove citation' })).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Enter')
  const reader = page.getByRole('region', { name: 'Reader' })
  await expect(reader.locator('mark[aria-current="true"]')).toHaveText(bakerQuote)

  // Back in the essay: the comment shows under the quote; remove works from the keyboard too.
  await page.getByRole('button', { name: 'Essays' }).click()
  await expect(citation).toContainText('Compare with the Anora piece.')
  await citation.locator('blockquote').click()
  await page.mouse.move(0, 0)
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(citation.getByRole('button', { name: 'Remove citation' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(editor.getByRole('figure')).toHaveCount(0)
  await page.keyboard.press('ControlOrMeta+z')
  await expect(citation).toContainText('Compare with the Anora piece.')
})

test('a passage that is not verified says so in words, in colour', async ({ app }) => {
  const { page } = app
  await clipBoth(app)
  const editor = await startEssay(page)
  await clippingItem(page, anoraQuote).getByRole('button', { name: 'Cite in essay' }).click()
  await clippingItem(page, bakerQuote).getByRole('button', { name: 'Cite in essay' }).click()
  await expect(editor.locator('.citation-badge-verified')).toHaveCount(2)
  await clippingItem(page, bakerQuote).getByRole('button', { name: 'Delete clipping' }).click()
  await page
    .getByRole('alertdialog', { name: 'Delete cited clipping' })
    .getByRole('button', { name: 'Delete anyway' })
    .click()

  const missing = editor.getByRole('figure', { name: `Citation: ${bakerTitle}` })
  const badge = missing.locator('.citation-badge')
  await expect(badge).toHaveText('Missing')
  // The word itself is drawn, not only a mark: wider than the verified check beside it.
  const verified = await editor.locator('.citation-badge-verified').boundingBox()
  const loud = await badge.boundingBox()
  expect(loud?.width ?? 0).toBeGreaterThan((verified?.width ?? 0) * 3)
  await expect(missing.getByText('Missing')).toBeVisible()
})
