import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, fixture, test } from './fixtures'
import { selectInReader } from './reader-selection'
import { bakerQuote, bakerTitle, clippingItem, startEssay } from './steps'

const unchangedQuote = 'I hate the hypocrisy in our society'

test('updating a source from an edited copy re-anchors its clippings and badges the citations', async ({
  app,
}) => {
  const { page } = app
  app.answerOpenDialog([fixture('baker-red-rocket-interview.html')])
  await page.getByRole('button', { name: 'Import source' }).click()
  const reader = page.getByRole('region', { name: 'Reader' })
  for (const quote of [bakerQuote, unchangedQuote]) {
    await expect(reader).toContainText(quote)
    await selectInReader(page, quote)
    await page.getByRole('button', { name: 'Clip selection' }).click()
    await expect(clippingItem(page, quote)).toBeVisible()
  }
  await startEssay(page)
  for (const quote of [bakerQuote, unchangedQuote]) {
    await clippingItem(page, quote).getByRole('button', { name: 'Cite in essay' }).click()
  }
  const citations = page.getByRole('figure', { name: `Citation: ${bakerTitle}` })
  await expect(citations.filter({ hasText: 'Verified' })).toHaveCount(2)

  // The publisher fixed a word in one passage and added a paragraph before both.
  const html = await readFile(fixture('baker-red-rocket-interview.html'), 'utf8')
  const edited = html
    .replace(
      '<article>',
      '<article>\n<p>Editor’s note: this interview was updated with a correction.</p>',
    )
    .replace('does a great job', 'does a fine job')
  const copy = join(app.dataDir, '..', `baker-updated-${Date.now()}.html`)
  await writeFile(copy, edited)

  await page.getByRole('button', { name: 'Source', exact: true }).click()
  app.answerOpenDialog([copy])
  await page.getByRole('button', { name: 'Update from file…' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Updated' })).toContainText(
    '1 moved, 1 changed',
  )
  await expect(reader).toContainText('Editor’s note')
  await expect(reader.locator('mark')).toHaveText([unchangedQuote])

  await page.getByRole('button', { name: 'Essays' }).click()
  await expect(citations.filter({ hasText: bakerQuote })).toContainText('Changed')
  await expect(citations.filter({ hasText: unchangedQuote })).toContainText('Moved')

  await page.getByRole('button', { name: 'Verify all' }).click()
  await expect(page.getByRole('status').filter({ hasText: '2 citations' })).toContainText(
    '0 verified, 1 moved, 1 changed, 0 missing',
  )

  // The writer reads the change word by word and accepts the source's new wording.
  const change = page.getByRole('group', { name: 'Changed in the source' })
  await expect(change.locator('del')).toHaveText('great')
  await expect(change.locator('ins')).toHaveText('fine')
  await change.getByRole('button', { name: 'Accept new wording' }).click()
  const fixedQuote = bakerQuote.replace('great', 'fine')
  await expect(citations.filter({ hasText: fixedQuote })).toContainText('Verified')

  // Nothing is changed or missing now: the gate lets the export through, moved quote and all.
  const target = join(app.dataDir, '..', `reanchored-${Date.now()}.md`)
  app.answerSaveDialog(target)
  await page.getByRole('button', { name: 'Export to Markdown' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Exported to' })).toContainText(target)
  const markdown = await readFile(target, 'utf8')
  expect(markdown).toContain(`> ${fixedQuote}[^1]`)
  expect(markdown).not.toContain('Unverified')
})
