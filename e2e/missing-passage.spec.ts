import { expect, test } from './fixtures'
import { bakerQuote, bakerTitle, citeFromBaker, updateBaker } from './steps'

test('a passage cut from the updated source is Missing, and Show in source opens the old version', async ({
  app,
}) => {
  const { page } = app
  await citeFromBaker(app, [bakerQuote])
  const updated = await updateBaker(app, (html) =>
    html.replace(/<p>Well, it’s hard to argue with that\.[\s\S]*?<\/p>/, ''),
  )
  await expect(updated).toContainText('1 missing')
  const reader = page.getByRole('region', { name: 'Reader' })
  // Not in the text any more: listed as not found, and named in the update's summary.
  await expect(reader.locator('.reader-body')).not.toContainText(bakerQuote)
  await expect(reader.getByText('1 clipping not found in this version')).toBeVisible()
  await expect(updated.getByRole('button', { name: /Baker’s work does a great job/ })).toBeVisible()

  await page.getByRole('button', { name: 'Essays' }).click()
  const citation = page.getByRole('figure', { name: `Citation: ${bakerTitle}` })
  await expect(citation).toContainText('Missing')
  await citation.hover()
  await citation.getByRole('button', { name: 'Show in source' }).click()
  await expect(reader.getByRole('note')).toContainText('You are reading the version of')
  await expect(reader.locator('mark[aria-current="true"]')).toHaveText(bakerQuote)

  // The banner stays while the old version is shown, and leads back to the newest.
  await reader.getByRole('button', { name: 'Back to the newest version' }).click()
  await expect(reader.getByRole('note')).toBeHidden()
  await expect(reader.locator('.reader-body')).not.toContainText(bakerQuote)
})
