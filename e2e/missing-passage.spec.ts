import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, fixture, test } from './fixtures'
import { selectInReader } from './reader-selection'
import { bakerQuote, bakerTitle, clippingItem, startEssay } from './steps'

test('a passage cut from the updated source is Missing, and Show in source opens the old version', async ({
  app,
}) => {
  const { page } = app
  app.answerOpenDialog([fixture('baker-red-rocket-interview.html')])
  await page.getByRole('button', { name: 'Import source' }).click()
  const reader = page.getByRole('region', { name: 'Reader' })
  await expect(reader).toContainText(bakerQuote)
  await selectInReader(page, bakerQuote)
  await page.getByRole('button', { name: 'Clip selection' }).click()
  await startEssay(page)
  await clippingItem(page, bakerQuote).getByRole('button', { name: 'Cite in essay' }).click()

  const html = await readFile(fixture('baker-red-rocket-interview.html'), 'utf8')
  const cut = html.replace(/<p>Well, it’s hard to argue with that\.[\s\S]*?<\/p>/, '')
  const copy = join(app.dataDir, '..', `baker-cut-${Date.now()}.html`)
  await writeFile(copy, cut)
  await page.getByRole('button', { name: 'Source', exact: true }).click()
  app.answerOpenDialog([copy])
  await page.getByRole('button', { name: 'Update from file…' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Updated' })).toContainText('1 missing')
  await expect(reader).not.toContainText(bakerQuote)

  await page.getByRole('button', { name: 'Essays' }).click()
  const citation = page.getByRole('figure', { name: `Citation: ${bakerTitle}` })
  await expect(citation).toContainText('Missing')
  await citation.getByRole('button', { name: 'Show in source' }).click()
  await expect(reader.getByRole('note')).toContainText('An older version')
  await expect(reader.locator('mark[aria-current="true"]')).toHaveText(bakerQuote)
})
