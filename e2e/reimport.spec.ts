import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { bakerQuote, bakerTitle, citeFromBaker, exportFromMenu, updateBaker } from './steps'

const unchangedQuote = 'I hate the hypocrisy in our society'

test('updating a source from an edited copy re-anchors its clippings and badges the citations', async ({
  app,
}) => {
  const { page } = app
  await citeFromBaker(app, [bakerQuote, unchangedQuote])
  const citations = page.getByRole('figure', { name: `Citation: ${bakerTitle}` })
  await expect(citations.filter({ hasText: 'Verified' })).toHaveCount(2)

  // The publisher fixed a word in one passage and added a paragraph before both.
  const updated = await updateBaker(app, (html) =>
    html
      .replace(
        '<article>',
        '<article>\n<p>Editor’s note: this interview was updated with a correction.</p>',
      )
      .replace('does a great job', 'does a fine job'),
  )
  await expect(updated).toContainText('1 moved, 1 changed')
  const reader = page.getByRole('region', { name: 'Reader' })
  await expect(reader).toContainText('Editor’s note')
  // The moved passage is marked where it is now; the changed one at its new words, apart.
  await expect(reader.locator('mark.clip-mark:not(.is-changed)')).toHaveText([unchangedQuote])
  await expect(reader.locator('mark.is-changed')).toHaveText(bakerQuote.replace('great', 'fine'))

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
  await exportFromMenu(page)
  await expect(page.getByRole('status').filter({ hasText: 'Exported to' })).toContainText(target)
  const markdown = await readFile(target, 'utf8')
  expect(markdown).toContain(`> ${fixedQuote}[^1]`)
  expect(markdown).not.toContain('Unverified')
})
