// Steps several journeys share: what a writer does before the part a spec is about.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, fixture, type RunningApp } from './fixtures'
import { selectInReader } from './reader-selection'

export const bakerTitle = 'Sean Baker on why sex work keeps returning in his films'
export const anoraTitle = 'Sex workers cheer Anora ahead of the Oscars'
export const bakerQuote =
  'Baker’s work does a great job at showing us that sex workers are just people'
export const anoraQuote = '“Sean gets sex work. He just does,”'

/** Two sources, one clipping from each, as a writer would have them before an essay. */
export async function clipBoth(app: RunningApp): Promise<void> {
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
  ] as [string, string][]) {
    await sources.getByText(title).click()
    await expect(page.getByRole('region', { name: 'Reader' })).toContainText(quote)
    await selectInReader(page, quote)
    await page.getByRole('button', { name: 'Clip selection' }).click()
    await expect(page.getByRole('list', { name: 'Clippings' })).toContainText(quote)
  }
}

export function clippingItem(page: Page, quote: string): Locator {
  return page
    .getByRole('list', { name: 'Clippings' })
    .getByRole('listitem')
    .filter({ hasText: quote })
}

/** A new, empty essay, with the caret in it: where each essay journey starts. */
export async function startEssay(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Essays' }).click()
  await page.getByRole('button', { name: 'New essay' }).click()
  const editor = page.getByRole('textbox', { name: 'Essay' })
  await editor.click()
  return editor
}

/** Export… from the open essay's "⋯" menu (the gate, then the save dialog, follow). */
export async function exportFromMenu(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Essay actions' }).click()
  await page
    .getByRole('menu', { name: 'Essay actions' })
    .getByRole('menuitem', { name: 'Export…' })
    .click()
}

export const bakerPage = 'baker-red-rocket-interview.html'

/** The Baker interview imported, these passages clipped in the reader, and cited in a new essay. */
export async function citeFromBaker(app: RunningApp, quotes: string[]): Promise<void> {
  const { page } = app
  app.answerOpenDialog([fixture(bakerPage)])
  await page.getByRole('button', { name: 'Import source' }).click()
  const reader = page.getByRole('region', { name: 'Reader' })
  for (const quote of quotes) {
    await expect(reader).toContainText(quote)
    await selectInReader(page, quote)
    await page.getByRole('button', { name: 'Clip selection' }).click()
    await expect(clippingItem(page, quote)).toBeVisible()
  }
  await startEssay(page)
  for (const quote of quotes) {
    await clippingItem(page, quote).getByRole('button', { name: 'Cite in essay' }).click()
  }
}

/**
 * The publisher's edited copy of the Baker page, given to "Update from file…" in the reader;
 * resolves to the status line that reports what happened to the clippings.
 */
export async function updateBaker(
  app: RunningApp,
  edit: (html: string) => string,
): Promise<Locator> {
  const { page } = app
  const html = await readFile(fixture(bakerPage), 'utf8')
  const copy = join(app.dataDir, '..', `baker-updated-${Date.now()}.html`)
  await writeFile(copy, edit(html))
  await page.getByRole('button', { name: 'Source', exact: true }).click()
  app.answerOpenDialog([copy])
  await page.getByRole('button', { name: 'Update from file…' }).click()
  return page.getByRole('status').filter({ hasText: 'Updated' })
}

/** The clipping cards of a Clippings list: its items without the group headers "By source" adds. */
export function clippingCards(list: Locator): Locator {
  return list.getByRole('listitem').filter({ hasNot: list.page().locator('.clipping-group') })
}
