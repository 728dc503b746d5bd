import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { bakerTitle, citeFromBaker, exportFromMenu, updateBaker } from './steps'

const quote = 'I hate the hypocrisy in our society'
const reworded = 'I really hate the hypocrisy in this society'

test('keeping the old wording of a changed passage lasts after a restart and lets the export through, noted', async ({
  app,
}) => {
  const { page } = app
  await citeFromBaker(app, [quote])
  const citation = page.getByRole('figure', { name: `Citation: ${bakerTitle}` })
  await expect(citation).toContainText('Verified')

  // The publisher added a word before the passage and changed one inside it.
  const updated = await updateBaker(app, (html) => html.replace(quote, reworded))
  await expect(updated).toContainText('1 changed')

  await page.getByRole('button', { name: 'Essays' }).click()
  await expect(citation).toContainText('Changed')
  // Whole words on both sides of the diff: "really" added, "our" replaced by "this".
  const change = citation.getByRole('group', { name: 'Changed in the source' })
  await expect(change.locator('ins')).toHaveText(['really ', 'this'])
  await expect(change.locator('del')).toHaveText(['our'])
  await change.getByRole('button', { name: 'Keep old wording' }).click()
  await expect(citation).toContainText('Kept')
  await expect(change).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()

  await app.restart()
  await page.getByRole('button', { name: 'Essays' }).click()
  const reopened = page.getByRole('figure', { name: `Citation: ${bakerTitle}` })
  await expect(reopened).toContainText(quote)
  await expect(reopened.locator('.citation-badge')).toHaveText('Kept')
  await expect(reopened.getByRole('group', { name: 'Changed in the source' })).toBeHidden()

  // The writer's decision is not a problem for the gate: the export is written, and notes it.
  const target = join(app.dataDir, '..', `kept-${Date.now()}.md`)
  app.answerSaveDialog(target)
  await exportFromMenu(page)
  const done = page.getByRole('status').filter({ hasText: 'Exported to' })
  await expect(done).toContainText(target)
  await expect(done).toContainText('keeps the wording you clipped')
  await expect(done).toContainText(reworded)
  await expect(page.getByRole('alertdialog', { name: 'Unverified quotes' })).toBeHidden()
  const markdown = await readFile(target, 'utf8')
  expect(markdown).toContain(`> ${quote}[^1]`)
  expect(markdown).toContain(`The updated source reads: “${reworded}”`)

  // Changing one's mind later: review the change and accept the source's words.
  await reopened.hover()
  await reopened.getByRole('button', { name: 'Review change' }).click()
  await reopened.getByRole('button', { name: 'Accept new wording' }).click()
  await expect(reopened).toContainText(reworded)
  await expect(reopened.locator('.citation-badge')).toHaveText('Verified')
})
