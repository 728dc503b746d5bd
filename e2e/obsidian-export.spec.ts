import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { bakerQuote, clipBoth, clippingItem, startEssay } from './steps'

test('an essay exported for Obsidian has its quote as a callout with a block id', async ({
  app,
}) => {
  const { page } = app
  await clipBoth(app)
  const editor = await startEssay(page)
  await page.keyboard.type('Baker listens.')
  await clippingItem(page, bakerQuote).getByRole('button', { name: 'Cite in essay' }).click()
  await expect(editor.getByRole('figure')).toHaveCount(1)

  await page.getByRole('button', { name: 'Essay actions' }).click()
  const menu = page.getByRole('menu', { name: 'Essay actions' })
  await menu.getByRole('menuitemradio', { name: 'Obsidian' }).click()
  await expect(menu).toBeHidden()

  const target = join(app.dataDir, '..', `obsidian-export-${Date.now()}.md`)
  app.answerSaveDialog(target)
  await page.getByRole('button', { name: 'Essay actions' }).click()
  await menu.getByRole('menuitem', { name: 'Export…' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Exported to' })).toContainText(target)
  const markdown = await readFile(target, 'utf8')
  expect(markdown).toMatch(/^> \[!quote\] .+$/m)
  expect(markdown).toMatch(/\[\^1\]\n\n\^cite-1\n/)
  expect(markdown).toContain('\n[^1]: ')
})
