import { join } from 'node:path'
import { repoRoot } from './environment'
import { expect, fixture, test } from './fixtures'
import { bakerPage, bakerTitle, clippingItem, startEssay } from './steps'

// Importing a page and a highlights file take a while on a loaded machine; nothing here is timed.
test.setTimeout(90_000)

const hypocrisy = 'I hate the hypocrisy in our society'
const wildFilm = 'it’s a pretty wild film.'

test('File > Import highlights: a Hypothesis export anchors in the page already imported, and its clippings can be cited', async ({
  app,
}) => {
  const { page } = app
  app.answerOpenDialog([fixture(bakerPage)])
  await page.getByRole('button', { name: 'Import source' }).click()
  const reader = page.getByRole('region', { name: 'Reader' })
  await expect(reader).toContainText(hypocrisy, { timeout: 20_000 })

  app.answerOpenDialog([join(repoRoot, 'test', 'highlights', 'hypothesis.json')])
  await app.sendMenuCommand('import-highlights')
  await expect(page.getByRole('status').filter({ hasText: 'highlights imported' })).toContainText(
    '2 highlights imported: 2 verified',
    { timeout: 20_000 },
  )
  // The broken annotation is named, by file and index.
  await expect(page.getByText('hypothesis.json, annotation 4: uri')).toBeVisible()

  // Both appear in the panel with their note, and are marked in the reader where they stand.
  await expect(clippingItem(page, hypocrisy)).toContainText(
    'Why Baker keeps coming back to the subject.',
  )
  await expect(clippingItem(page, wildFilm)).toBeVisible()
  await expect(reader.locator('mark.clip-mark')).toHaveText([hypocrisy, wildFilm])

  await startEssay(page)
  await clippingItem(page, hypocrisy).getByRole('button', { name: 'Cite in essay' }).click()
  const citation = page.getByRole('figure', { name: `Citation: ${bakerTitle}` })
  await expect(citation).toContainText(hypocrisy)
  await expect(citation).toContainText('Verified')
})
