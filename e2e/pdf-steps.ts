// Steps of the PDF journeys: importing a generated PDF and selecting in a page's text layer, where
// every line is a span of its own (positioned over the drawn glyphs), not a paragraph of text.
import type { Locator, Page } from '@playwright/test'
import { expect, type RunningApp } from './fixtures'

/** Imports the PDF at `path` through the Import dialog; resolves to the page count shown. */
export async function importPdf(app: RunningApp, path: string): Promise<number> {
  const { page } = app
  app.answerOpenDialog([path])
  await page.getByRole('button', { name: 'Import source' }).click()
  const count = pdfToolbar(page).getByText(/^Page \d+ of \d+$/)
  await expect(count).toHaveText(/^Page 1 of \d+$/, { timeout: 30_000 })
  return Number((await count.textContent())?.match(/of (\d+)/)?.[1])
}

export function pdfToolbar(page: Page): Locator {
  return page.getByRole('region', { name: 'Reader' }).getByRole('toolbar', { name: 'PDF pages' })
}

export function pdfPage(page: Page, number: number): Locator {
  return page
    .getByRole('region', { name: 'Reader' })
    .getByRole('group', { name: `Page ${number}`, exact: true })
}

export async function goToPage(page: Page, number: number): Promise<void> {
  const input = pdfToolbar(page).getByRole('textbox', { name: 'Go to page' })
  await input.fill(String(number))
  await input.press('Enter')
}

/** The spans of a page's text layer, once it is drawn: their text and offsets. */
export async function textLayerOf(pageGroup: Locator): Promise<{ text: string; start: number }[]> {
  const spans = pageGroup.locator('.pdf-text-layer span[data-start]')
  await expect(spans.first()).toBeAttached({ timeout: 20_000 })
  return spans.evaluateAll((elements) =>
    elements.map((span) => ({
      text: span.textContent ?? '',
      start: Number((span as HTMLElement).dataset.start),
    })),
  )
}

export interface LayerPoint {
  /** The span's offset (its data-start), and characters into its text. */
  start: number
  at: number
}

/** Selects from one point of the text layer to another, as a drag over the page would. */
export async function selectInTextLayer(
  page: Page,
  from: LayerPoint,
  to: LayerPoint,
): Promise<void> {
  await page.evaluate(
    ([from, to]) => {
      const pointOf = ({ start, at }: { start: number; at: number }): [Node, number] => {
        const span = document.querySelector(`.pdf-text-layer span[data-start="${start}"]`)
        const text = span?.firstChild
        if (!text) throw new Error(`No span at ${start}`)
        return [text, at]
      }
      const range = document.createRange()
      range.setStart(...pointOf(from))
      range.setEnd(...pointOf(to))
      const selection = window.getSelection()
      selection?.removeAllRanges()
      selection?.addRange(range)
    },
    [from, to] as const,
  )
}

/** Errors the page logs (a CSP refusal among them) and uncaught exceptions, as they happen. */
export function pageProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text()))
      problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  return problems
}

/**
 * Drags the mouse over a whole line of a drawn page (its `lineNumber`th, from 0), from the first
 * glyph to the last, as a reader selects; resolves to the line's text as the text layer has it.
 */
export async function dragOverLine(
  page: Page,
  pageGroup: Locator,
  lineNumber: number,
): Promise<string> {
  await expect(pageGroup.locator('.pdf-text-layer span[data-start]').first()).toBeAttached({
    timeout: 20_000,
  })
  const line = await pageGroup.evaluate((group, wanted) => {
    const rows = new Map<number, HTMLElement[]>()
    for (const span of group.querySelectorAll<HTMLElement>('.pdf-text-layer span[data-start]')) {
      const top = Math.round(span.getBoundingClientRect().top)
      rows.set(top, [...(rows.get(top) ?? []), span])
    }
    const row = [...rows.entries()].sort(([a], [b]) => a - b)[wanted]?.[1] ?? []
    const first = row[0]?.getBoundingClientRect()
    const last = row[row.length - 1]?.getBoundingClientRect()
    if (!first || !last) return null
    return {
      text: row.map((span) => span.textContent).join(''),
      from: { x: first.left + 1, y: first.top + first.height / 2 },
      to: { x: last.right - 1, y: last.top + last.height / 2 },
    }
  }, lineNumber)
  if (!line) throw new Error(`The page has no line ${lineNumber}`)
  await page.mouse.move(line.from.x, line.from.y)
  await page.mouse.down()
  await page.mouse.move(line.to.x, line.to.y, { steps: 10 })
  await page.mouse.up()
  return line.text.trim()
}
