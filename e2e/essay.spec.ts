import { expect, test } from './fixtures'
import {
  anoraQuote,
  anoraTitle,
  bakerQuote,
  bakerTitle,
  clipBoth,
  clippingItem,
  startEssay,
} from './steps'

test('an essay cites two sources, links back to each passage, and survives a restart', async ({
  app,
}) => {
  const { page } = app
  await clipBoth(app)

  const editor = await startEssay(page)
  await page.keyboard.type('Why Baker ')
  await page.keyboard.press('ControlOrMeta+b')
  await page.keyboard.type('listens')
  await page.keyboard.press('ControlOrMeta+b')
  await page.keyboard.type(' to the people he films.')
  await expect(page.getByText('8 words')).toBeVisible()

  // One citation by the clipping's Cite button, one by dragging the clipping into the essay.
  await clippingItem(page, bakerQuote).getByRole('button', { name: 'Cite in essay' }).click()
  await expect(editor.getByRole('figure', { name: `Citation: ${bakerTitle}` })).toContainText(
    bakerQuote,
  )
  await clippingItem(page, anoraQuote).dragTo(editor, { targetPosition: { x: 40, y: 10 } })
  await expect(editor.getByRole('figure', { name: `Citation: ${anoraTitle}` })).toContainText(
    anoraQuote,
  )
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()

  // A citation's controls appear when it is in use: under the pointer, focused or selected.
  const anoraCitation = editor.getByRole('figure', { name: `Citation: ${anoraTitle}` })
  await anoraCitation.hover()
  await anoraCitation.getByRole('button', { name: 'Show in source' }).click()
  const current = page.getByRole('region', { name: 'Reader' }).locator('mark[aria-current="true"]')
  await expect(current).toHaveText(anoraQuote)
  await expect(page.getByRole('heading', { level: 1, name: anoraTitle })).toBeVisible()

  await app.restart()
  await page.getByRole('button', { name: 'Essays' }).click()
  const reopened = page.getByRole('textbox', { name: 'Essay' })
  await expect(reopened).toContainText('Why Baker listens to the people he films.')
  await expect(
    reopened.locator('strong, b, .editor-text-bold').filter({ hasText: 'listens' }),
  ).toHaveCount(1)
  await expect(reopened.getByRole('figure', { name: `Citation: ${bakerTitle}` })).toContainText(
    bakerQuote,
  )
  await expect(reopened.getByRole('figure', { name: `Citation: ${anoraTitle}` })).toContainText(
    anoraQuote,
  )
  await expect(clippingItem(page, bakerQuote)).toContainText('Cited in 1 essay')
})

test('undo removes an inserted citation in one step', async ({ app }) => {
  const { page } = app
  await clipBoth(app)
  const editor = await startEssay(page)
  await page.keyboard.type('Before the quote.')
  await clippingItem(page, bakerQuote).getByRole('button', { name: 'Cite in essay' }).click()
  await expect(editor.getByRole('figure')).toHaveCount(1)
  await editor.getByText('Before the quote.').click()
  await page.keyboard.press('ControlOrMeta+z')
  await expect(editor.getByRole('figure')).toHaveCount(0)
  await expect(editor).toContainText('Before the quote.')
})

test('deleting a cited clipping warns first, and the citation then shows Missing', async ({
  app,
}) => {
  const { page } = app
  await clipBoth(app)
  await startEssay(page)
  await clippingItem(page, bakerQuote).getByRole('button', { name: 'Cite in essay' }).click()
  await expect(clippingItem(page, bakerQuote)).toContainText('Cited in 1 essay')

  await clippingItem(page, bakerQuote).getByRole('button', { name: 'Delete clipping' }).click()
  const warning = page.getByRole('alertdialog', { name: 'Delete cited clipping' })
  await expect(warning).toContainText('Cited in 1 essay')
  await warning.getByRole('button', { name: 'Delete anyway' }).click()

  const citation = page.getByRole('figure', { name: `Citation: ${bakerTitle}` })
  await expect(citation).toContainText('Missing')
  await expect(citation).toContainText(bakerQuote)
})

test('deleting a clipping right after citing it, before autosave, still warns', async ({ app }) => {
  const { page } = app
  await clipBoth(app)
  const editor = await startEssay(page)
  await clippingItem(page, bakerQuote).getByRole('button', { name: 'Cite in essay' }).click()
  // At once: the citation is in the editor, not yet on disk.
  await clippingItem(page, bakerQuote).getByRole('button', { name: 'Delete clipping' }).click()

  const warning = page.getByRole('alertdialog', { name: 'Delete cited clipping' })
  await expect(warning).toContainText('Cited in 1 essay')
  await warning.getByRole('button', { name: 'Keep' }).click()
  await expect(clippingItem(page, bakerQuote)).toContainText('Cited in 1 essay')
  await expect(editor.getByRole('figure', { name: `Citation: ${bakerTitle}` })).not.toContainText(
    'Missing',
  )
})

test('"Cite in essay" with no essay yet makes one and puts the citation in it; the next goes in too', async ({
  app,
}) => {
  const { page } = app
  await clipBoth(app)
  await clippingItem(page, bakerQuote).getByRole('button', { name: 'Cite in essay' }).click()
  const editor = page.getByRole('textbox', { name: 'Essay' })
  await expect(editor.getByRole('figure', { name: `Citation: ${bakerTitle}` })).toContainText(
    bakerQuote,
  )
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Untitled essay')
  await clippingItem(page, anoraQuote).getByRole('button', { name: 'Cite in essay' }).click()
  await expect(editor.getByRole('figure')).toHaveCount(2)
  // One essay made, not one per citation.
  await expect(page.getByRole('list', { name: 'Essays' }).getByRole('listitem')).toHaveCount(1)
})
