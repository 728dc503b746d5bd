import type { Page } from '@playwright/test'
import { expect, fixture, test, type RunningApp } from './fixtures'
import { selectInReader } from './reader-selection'

const bakerTitle = 'Sean Baker on why sex work keeps returning in his films'
const anoraTitle = 'Sex workers cheer Anora ahead of the Oscars'
const bakerQuote = 'Baker’s work does a great job at showing us that sex workers are just people'
const anoraQuote = '“Sean gets sex work. He just does,”'

/** Two sources, one clipping from each, as a writer would have them before an essay. */
async function clipBoth(app: RunningApp): Promise<void> {
  const { page } = app
  app.answerOpenDialog([
    fixture('baker-red-rocket-interview.html'),
    fixture('anora-sex-work-oscars.html'),
  ])
  await page.getByRole('button', { name: 'Import source' }).click()
  const sources = page.getByRole('list', { name: 'Sources' })
  for (const [title, quote] of [
    [bakerTitle, bakerQuote],
    [anoraTitle, anoraQuote],
  ]) {
    await sources.getByText(title).click()
    await expect(page.getByRole('region', { name: 'Reader' })).toContainText(quote)
    await selectInReader(page, quote)
    await page.getByRole('button', { name: 'Clip selection' }).click()
    await expect(page.getByRole('list', { name: 'Clippings' })).toContainText(quote)
  }
}

function clippingItem(page: Page, quote: string) {
  return page
    .getByRole('list', { name: 'Clippings' })
    .getByRole('listitem')
    .filter({ hasText: quote })
}

test('an essay cites two sources, links back to each passage, and survives a restart', async ({
  app,
}) => {
  const { page } = app
  await clipBoth(app)

  await page.getByRole('button', { name: 'Essays' }).click()
  await page.getByRole('button', { name: 'New essay' }).click()
  const editor = page.getByRole('textbox', { name: 'Essay' })
  await editor.click()
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

  await editor
    .getByRole('figure', { name: `Citation: ${anoraTitle}` })
    .getByRole('button', { name: 'Show in source' })
    .click()
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
  await page.getByRole('button', { name: 'Essays' }).click()
  await page.getByRole('button', { name: 'New essay' }).click()
  const editor = page.getByRole('textbox', { name: 'Essay' })
  await editor.click()
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
  await page.getByRole('button', { name: 'Essays' }).click()
  await page.getByRole('button', { name: 'New essay' }).click()
  await page.getByRole('textbox', { name: 'Essay' }).click()
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
