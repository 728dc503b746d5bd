import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, fixture, test } from './fixtures'
import { selectInReader } from './reader-selection'
import { anoraTitle, bakerQuote, bakerTitle, citeFromBaker, clippingItem } from './steps'

test('deleting a source shows its citations Missing, and Undo brings it back verified', async ({
  app,
}) => {
  const { page } = app
  await citeFromBaker(app, [bakerQuote])
  const citation = page.getByRole('figure', { name: `Citation: ${bakerTitle}` })
  await expect(citation).toContainText('Verified')
  const sources = page.getByRole('list', { name: 'Sources' })

  // From the library, while writing: the citation turns Missing at once.
  await sources.getByRole('listitem').filter({ hasText: bakerTitle }).hover()
  await page.getByRole('button', { name: `Delete “${bakerTitle}”` }).click()
  await expect(citation).toContainText('Missing')
  await expect(sources).not.toContainText(bakerTitle)
  await expect(clippingItem(page, bakerQuote)).toHaveCount(0)
  const toast = page.getByRole('status').filter({ hasText: `Deleted “${bakerTitle}”` })
  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(citation).toContainText('Verified')
  await expect(sources).toContainText(bakerTitle)
  await expect(clippingItem(page, bakerQuote)).toBeVisible()

  // From the reader: it closes, and Undo opens the very same source again, marks and all.
  await page.getByRole('button', { name: 'Source', exact: true }).click()
  await sources.getByText(bakerTitle).click()
  const reader = page.getByRole('region', { name: 'Reader' })
  await reader.getByRole('button', { name: 'Delete source' }).click()
  await expect(reader).toContainText('Choose a source to read')
  await expect(reader.getByRole('heading', { name: bakerTitle })).toHaveCount(0)
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click()
  await expect(reader.getByRole('heading', { name: bakerTitle })).toBeVisible()
  await expect(reader.locator('mark')).toHaveText([bakerQuote])
})

const anoraPage = 'anora-sex-work-oscars.html'
const anoraQuote = 'For a film about sex work to win an Oscar is rare.'

test('the reader names the byline once, and the versions list opens an older version', async ({
  app,
}) => {
  const { page } = app
  app.answerOpenDialog([fixture(anoraPage)])
  await page.getByRole('button', { name: 'Import source' }).click()
  const reader = page.getByRole('region', { name: 'Reader' })
  await expect(reader.getByRole('heading', { name: anoraTitle })).toBeVisible()

  // "AFP · AFP · 24 Feb 2025" over a first paragraph "By AFP" was the byline twice over.
  await expect(reader.locator('.reader-byline')).toHaveText('AFP · 24 Feb 2025')
  await expect(reader.getByText('By AFP', { exact: true })).toBeHidden()
  // Hidden, not removed: a passage clipped after it still quotes exactly what was selected.
  await selectInReader(page, anoraQuote)
  await page.getByRole('button', { name: 'Clip selection' }).click()
  await expect(clippingItem(page, anoraQuote)).toBeVisible()
  await expect(reader.locator('mark')).toHaveText([anoraQuote])

  await reader.getByRole('button', { name: 'Versions' }).click()
  const versions = reader.getByRole('region', { name: 'Versions' })
  await expect(versions.getByRole('listitem')).toHaveCount(1)
  await expect(versions).toContainText('First version')

  // The publisher's corrected copy: a new version, and the open list shows it.
  const html = await readFile(fixture(anoraPage), 'utf8')
  const copy = join(app.dataDir, '..', `anora-updated-${Date.now()}.html`)
  await writeFile(copy, html.replace('is rare.', 'is very rare.'))
  app.answerOpenDialog([copy])
  await reader.getByRole('button', { name: 'Update from file…' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Updated' })).toContainText('1 changed')

  await expect(versions.getByRole('listitem')).toHaveCount(2)
  const [newest, first] = [
    versions.getByRole('listitem').first(),
    versions.getByRole('listitem').last(),
  ]
  await expect(newest).toContainText('Newest')
  await expect(newest).toContainText('+1 / −0 words')
  await expect(newest).toContainText('clippings: 1 changed')
  await expect(first).toContainText('First version')

  await first.getByRole('button', { name: /^Open the version of/ }).click()
  const banner = page.getByRole('note', { name: 'Older version' })
  await expect(banner).toContainText('You are reading the version of')
  await expect(reader).toContainText(anoraQuote)
  await expect(reader.locator('mark')).toHaveText([anoraQuote])
  // Persistent: still in view at the end of the article.
  await page.locator('.reader-scroll').evaluate((scroller) => scroller.scrollTo(0, 1e6))
  await expect(banner).toBeInViewport()

  await banner.getByRole('button', { name: 'Back to the newest version' }).click()
  await expect(banner).toHaveCount(0)
  await expect(reader).toContainText('is very rare.')
})
