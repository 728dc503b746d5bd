import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { commonplace as cli } from './environment'
import { anoraQuote, bakerQuote, clipBoth, clippingItem, exportFromMenu, startEssay } from './steps'

test('export an essay with three citations through the save dialog; the CLI gives the same bytes', async ({
  app,
}) => {
  const { page } = app
  await clipBoth(app)
  await page.getByRole('button', { name: 'Essays' }).click()
  await page.getByRole('button', { name: 'New essay' }).click()
  await page.getByRole('textbox', { name: 'Title' }).fill('Why Baker listens')
  await page.getByRole('textbox', { name: 'Title' }).press('Enter')
  const editor = page.getByRole('textbox', { name: 'Essay' })
  await editor.click()
  await page.keyboard.type('Baker ')
  await page.keyboard.press('ControlOrMeta+i')
  await page.keyboard.type('listens')
  await page.keyboard.press('ControlOrMeta+i')
  await page.keyboard.type('.')
  for (const quote of [bakerQuote, anoraQuote, bakerQuote]) {
    await clippingItem(page, quote).getByRole('button', { name: 'Cite in essay' }).click()
  }
  await expect(editor.getByRole('figure')).toHaveCount(3)

  const target = join(app.dataDir, '..', `export-${Date.now()}.md`)
  app.answerSaveDialog(target)
  await exportFromMenu(page)
  await expect(page.getByRole('status').filter({ hasText: 'Exported to' })).toContainText(target)

  const markdown = await readFile(target, 'utf8')
  expect(markdown).toMatch(/^# Why Baker listens\n/)
  expect(markdown).toContain('Baker *listens*.')
  expect(markdown).toContain(`> ${bakerQuote}[^1]`)
  expect(markdown).toContain(`> ${anoraQuote}[^2]`)
  expect(markdown).toContain(`> ${bakerQuote}[^3]`)
  expect(markdown).toContain('## References')
  expect(markdown.match(/^- .*Accessed/gm)).toHaveLength(2)
  expect(markdown).toContain('#:~:text=')

  const { stdout: list } = await cli(app.dataDir, 'essays', '--json')
  const [essay] = JSON.parse(list) as [{ id: string }]
  const { stdout } = await cli(app.dataDir, 'export', essay.id)
  expect(stdout).toBe(markdown)

  // Round trip: the exported file imports as an essay whose citations link to the same clippings.
  app.answerOpenDialog([target])
  await page.getByRole('button', { name: 'Import essay' }).click()
  await expect(page.getByRole('list', { name: 'Essays' }).getByRole('listitem')).toHaveCount(2)
  await expect(editor.getByRole('figure')).toHaveCount(3)
  await expect(clippingItem(page, bakerQuote)).toContainText('Cited in 2 essays')
  const { stdout: after } = await cli(app.dataDir, 'essays', '--json')
  const imported = (JSON.parse(after) as { id: string }[]).find((e) => e.id !== essay.id)
  const { stdout: again } = await cli(app.dataDir, 'export', imported?.id ?? '')
  expect(again).toBe(markdown)
})

test('the export gate lists a quote whose clipping is gone, and exports it marked only when asked', async ({
  app,
}) => {
  const { page } = app
  await clipBoth(app)
  await startEssay(page)
  await clippingItem(page, bakerQuote).getByRole('button', { name: 'Cite in essay' }).click()
  await expect(clippingItem(page, bakerQuote)).toContainText('Cited in 1 essay')
  await clippingItem(page, bakerQuote).getByRole('button', { name: 'Delete clipping' }).click()
  await page
    .getByRole('alertdialog', { name: 'Delete cited clipping' })
    .getByRole('button', { name: 'Delete anyway' })
    .click()
  // The writer sees it gone, and the citation saying so, before exporting.
  await expect(page.getByRole('status').filter({ hasText: 'Clipping deleted' })).toBeVisible()
  await expect(page.getByRole('figure').filter({ hasText: bakerQuote })).toContainText('Missing')

  // The gate opens over the essay: the text stays where the writer was reading it.
  const quote = page.getByRole('figure').filter({ hasText: bakerQuote })
  const before = await quote.boundingBox()
  await page.keyboard.press('ControlOrMeta+e')
  const gate = page.getByRole('alertdialog', { name: 'Unverified quotes' })
  await expect(gate).toContainText('missing')
  await expect(gate).toContainText(bakerQuote)
  expect((await quote.boundingBox())?.y).toBe(before?.y)

  const target = join(app.dataDir, '..', `gated-${Date.now()}.md`)
  app.answerSaveDialog(target)
  await gate.getByRole('button', { name: 'Export anyway' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Exported to' })).toContainText(
    '1 unverified',
  )
  expect(await readFile(target, 'utf8')).toContain('Unverified quote (missing)')
})
