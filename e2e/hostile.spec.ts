import { expect, fixture, test } from './fixtures'

test('a hostile page imports as text: nothing in it runs and nothing is fetched', async ({
  app,
}) => {
  const { page } = app
  app.answerOpenDialog([fixture('hostile-article.html')])
  await page.getByRole('button', { name: 'Import source' }).click()
  await page.getByRole('list', { name: 'Sources' }).getByRole('listitem').first().click()

  const reader = page.getByRole('region', { name: 'Reader' })
  await expect(reader).toContainText('I hate the hypocrisy in our society')
  await expect(reader).toContainText('here')

  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
  ).toBeUndefined()
  await expect(
    reader.locator('script, iframe, svg, img, base, meta, [onerror], [onclick], [style]'),
  ).toHaveCount(0)
  await expect(reader.locator('a[href^="javascript:"]')).toHaveCount(0)
  expect(app.leakedRequests).toEqual([])
})
