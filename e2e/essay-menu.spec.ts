import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { bakerQuote, clipBoth, clippingItem, startEssay } from './steps'

test('the essay menu works from the keyboard, exports in the chosen format, and the file can be revealed in its folder', async ({
  app,
}) => {
  const { page } = app
  await clipBoth(app)
  const editor = await startEssay(page)
  await page.keyboard.type('Baker listens.')
  await clippingItem(page, bakerQuote).getByRole('button', { name: 'Cite in essay' }).click()
  await expect(editor.getByRole('figure')).toHaveCount(1)

  // The title comes first and is the largest type on the page, above the essay's own headings.
  const title = page.getByRole('textbox', { name: 'Title' })
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' })
  expect((await title.boundingBox())!.y).toBeLessThan((await toolbar.boundingBox())!.y)
  const titleSize = await title.evaluate((element) =>
    parseFloat(getComputedStyle(element).fontSize),
  )
  await editor.getByText('Baker listens.').click()
  await toolbar.getByRole('button', { name: 'Heading 1' }).click()
  const h1 = editor.locator('h1')
  const h1Size = await h1.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))
  expect(titleSize).toBeGreaterThan(h1Size)

  const actions = page.getByRole('button', { name: 'Essay actions' })
  const menu = page.getByRole('menu', { name: 'Essay actions' })
  await actions.focus()
  await page.keyboard.press('Enter')
  const exportItem = menu.getByRole('menuitem', { name: 'Export…' })
  await expect(exportItem).toBeFocused()
  await expect(exportItem).toContainText(/Ctrl\+E|⌘E/)
  // Escape closes it and gives the focus back to its button.
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(actions).toBeFocused()

  // The arrow keys move through it; choosing a format closes it.
  await page.keyboard.press('ArrowDown')
  await expect(exportItem).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  const pandoc = menu.getByRole('menuitemradio', { name: 'Pandoc (citations)' })
  await expect(pandoc).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(menu).toBeHidden()
  await page.keyboard.press('Enter')
  await expect(pandoc).toHaveAttribute('aria-checked', 'true')
  await expect(menu.getByRole('menuitemradio', { name: 'Markdown (footnotes)' })).toHaveAttribute(
    'aria-checked',
    'false',
  )
  await page.keyboard.press('End')
  await expect(menu.getByRole('menuitem', { name: 'Delete essay…' })).toBeFocused()
  await page.keyboard.press('Home')
  await expect(exportItem).toBeFocused()

  const target = join(app.dataDir, '..', `menu-export-${Date.now()}.md`)
  app.answerSaveDialog(target)
  await page.keyboard.press('Enter')
  const done = page.getByRole('status').filter({ hasText: 'Exported to' })
  await expect(done).toContainText(target)
  const markdown = await readFile(target, 'utf8')
  expect(markdown).toContain('[@')
  expect(markdown).not.toContain('[^1]')

  expect(app.shownInFolder).toEqual([])
  await done.getByRole('button', { name: 'Reveal in folder' }).click()
  await expect.poll(() => app.shownInFolder).toEqual([target])
})

test('Delete essay… asks first; the essay stays when the writer cancels', async ({ app }) => {
  const { page } = app
  await startEssay(page)
  await page.keyboard.type('Worth keeping.')
  await page.getByRole('button', { name: 'Essay actions' }).click()
  await page.getByRole('menuitem', { name: 'Delete essay…' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Delete essay' })
  await expect(confirm).toContainText('Untitled essay')
  await page.keyboard.press('Escape')
  await expect(confirm).toBeHidden()
  await expect(page.getByRole('textbox', { name: 'Essay' })).toContainText('Worth keeping.')

  await page.getByRole('button', { name: 'Essay actions' }).click()
  await page.getByRole('menuitem', { name: 'Delete essay…' }).click()
  await confirm.getByRole('button', { name: 'Delete essay' }).click()
  await expect(page.getByRole('list', { name: 'Essays' }).getByRole('listitem')).toHaveCount(0)
  await page
    .getByRole('group', { name: 'Deleted “Untitled essay”.' })
    .getByRole('button', { name: 'Undo' })
    .click()
  await expect(page.getByRole('textbox', { name: 'Essay' })).toContainText('Worth keeping.')
})
