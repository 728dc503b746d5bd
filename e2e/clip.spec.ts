import { clippingCards } from './steps'
import { expect, fixture, test } from './fixtures'
import { selectInReader } from './reader-selection'

const bakerTitle = 'Sean Baker on why sex work keeps returning in his films'
// Curly apostrophes, exactly as the article prints them.
const passage = 'Baker’s work does a great job at showing us that sex workers are just people'

test('clip a passage with curly quotes, find it in Clippings and highlighted, after a restart too', async ({
  app,
}) => {
  const { page } = app
  app.answerOpenDialog([
    fixture('baker-red-rocket-interview.html'),
    fixture('anora-sex-work-oscars.html'),
  ])
  await page.getByRole('button', { name: 'Import source' }).click()
  await page.getByRole('list', { name: 'Sources' }).getByText(bakerTitle).click()

  const reader = page.getByRole('region', { name: 'Reader' })
  await expect(reader).toContainText(passage)
  await selectInReader(page, passage)
  await reader.getByRole('button', { name: 'Clip selection' }).click()

  const clippings = page.getByRole('list', { name: 'Clippings' })
  await expect(clippingCards(clippings)).toHaveCount(1)
  await expect(clippings).toContainText(passage)
  await expect(reader.locator('mark')).toHaveText(passage)

  await app.restart()

  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(2)
  await expect(page.getByRole('list', { name: 'Clippings' })).toContainText(passage)
  await page.getByRole('list', { name: 'Sources' }).getByText(bakerTitle).click()
  await expect(page.getByRole('region', { name: 'Reader' }).locator('mark')).toHaveText(passage)
})

test('a clipping that spans two paragraphs keeps both, and search finds clippings', async ({
  app,
}) => {
  const { page } = app
  app.answerOpenDialog([fixture('anora-sex-work-oscars.html')])
  await page.getByRole('button', { name: 'Import source' }).click()
  await page.getByRole('list', { name: 'Sources' }).getByRole('listitem').first().click()

  await selectInReader(page, 'it will have done both.“Sean gets sex work.')
  await page.keyboard.press('ControlOrMeta+Shift+C')
  const clippings = page.getByRole('list', { name: 'Clippings' })
  await expect(clippings).toContainText('it will have done both.')
  await expect(clippings).toContainText('“Sean gets sex work.')

  await selectInReader(page, 'the respect of sex workers')
  await page.getByRole('button', { name: 'Clip selection' }).click()
  await expect(clippingCards(clippings)).toHaveCount(2)

  await page.getByRole('searchbox', { name: 'Search clippings' }).fill('respect')
  await expect(clippingCards(clippings)).toHaveCount(1)
  await expect(clippings).toContainText('the respect of sex workers')
})
