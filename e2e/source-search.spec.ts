import { expect, fixture, test } from './fixtures'
import { selectInReader } from './reader-selection'
import { clippingCards } from './steps'

test('search the sources’ text, open the reader at the passage, and see search matches marked in Clippings', async ({
  app,
}) => {
  const { page } = app
  app.answerOpenDialog([
    fixture('baker-red-rocket-interview.html'),
    fixture('anora-sex-work-oscars.html'),
  ])
  await page.getByRole('button', { name: 'Import source' }).click()
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(2, {
    timeout: 30_000,
  })

  // Case and accents do not matter; the phrase is found word for word.
  await page
    .getByRole('searchbox', { name: 'Search the sources’ text' })
    .fill('SEX WORKERS CHEERING')
  const hits = page.getByRole('list', { name: 'Source text matches' })
  await expect(hits.getByRole('listitem')).toHaveCount(1)
  await expect(hits.locator('mark')).toHaveText('sex workers cheering')
  await hits.getByRole('button').click()

  const reader = page.getByRole('region', { name: 'Reader' })
  const found = reader.locator('mark.found-mark')
  await expect(found).toHaveText('sex workers cheering')
  await expect(found).toHaveAttribute('aria-current', 'true')
  await expect(found).toBeInViewport()

  await selectInReader(page, 'the respect of sex workers')
  await page.getByRole('button', { name: 'Clip selection' }).click()
  const clippings = page.getByRole('list', { name: 'Clippings' })
  await expect(clippingCards(clippings)).toHaveCount(1)
  await page.getByRole('searchbox', { name: 'Search clippings' }).fill('RESPECT wor')
  await expect(clippings.locator('mark')).toHaveText(['respect', 'wor'])

  await page
    .getByRole('searchbox', { name: 'Search the sources’ text' })
    .fill('"cheering workers sex"')
  await expect(page.getByText('No source contains “"cheering workers sex"”')).toBeVisible()
})
