import AxeBuilder from '@axe-core/playwright'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  articlePdf,
  fixtureParagraphs,
  imageOnlyPdf,
  printableHtml,
  printPdf,
} from '../test/pdf-fixtures'
import type { Locator } from '@playwright/test'
import { expect, test } from './fixtures'
import {
  dragOverLine,
  goToPage,
  importPdf,
  pageProblems,
  pdfPage,
  pdfToolbar,
  selectInTextLayer,
  textLayerOf,
} from './pdf-steps'
import { clippingItem, exportFromMenu, startEssay } from './steps'

/** The text of these marks together, as the passage reads. */
async function textOf(marks: Locator): Promise<string> {
  return (await marks.allTextContents()).join('').trim()
}

// Chromium prints the test PDFs the first time (then they are cached), and pdf.js draws in a
// worker on a loaded machine: these journeys get room.
test.setTimeout(120_000)

test('a PDF: clip a passage on page 2, cite it, export it, and Show in source lands on it', async ({
  app,
}) => {
  const { page } = app
  const problems = pageProblems(page)
  const pageCount = await importPdf(app, await articlePdf())
  expect(pageCount).toBeGreaterThan(2)
  await expect(pdfPage(page, 1).locator('canvas')).toBeVisible()

  await goToPage(page, 2)
  await expect(pdfToolbar(page)).toContainText(`Page 2 of ${pageCount}`)
  // A line of page 2, a few lines down, selected with the mouse over the drawn glyphs.
  const quote = await dragOverLine(page, pdfPage(page, 2), 3)
  expect(quote.length).toBeGreaterThan(20)
  await expect(page.getByRole('button', { name: 'Clip selection' })).toBeEnabled()
  await page.getByRole('button', { name: 'Clip selection' }).click()
  await expect(clippingItem(page, quote)).toBeVisible()
  // The passage is marked where it was selected (a mark per word span).
  await expect.poll(() => textOf(pdfPage(page, 2).locator('mark.clip-mark'))).toBe(quote)

  // Read on elsewhere, then write.
  await goToPage(page, pageCount)
  await expect(pdfToolbar(page)).toContainText(`Page ${pageCount} of ${pageCount}`)
  const editor = await startEssay(page)
  await clippingItem(page, quote).getByRole('button', { name: 'Cite in essay' }).click()
  const citation = editor.getByRole('figure').filter({ hasText: quote })
  await expect(citation).toBeVisible()

  const target = join(app.dataDir, '..', `pdf-export-${Date.now()}.md`)
  app.answerSaveDialog(target)
  await exportFromMenu(page)
  await expect(page.getByRole('status').filter({ hasText: 'Exported to' })).toBeVisible()
  const markdown = await readFile(target, 'utf8')
  expect(markdown).toContain(`> ${quote}[^1]`)
  const footnote = markdown.split('\n').find((row) => row.startsWith('[^1]:')) ?? ''
  expect(footnote).toContain('Sean Baker on Red Rocket')
  // The citation took the clipping's page as its locator, and the footnote names it.
  expect(footnote).toMatch(/, p\. 2\.$/)

  await citation.hover()
  await citation.getByRole('button', { name: 'Show in source' }).click()
  const current = pdfPage(page, 2).locator('mark[aria-current="true"]')
  await expect.poll(() => textOf(current)).toBe(quote)
  await expect(current.first()).toBeInViewport()
  await expect(pdfToolbar(page)).toContainText(`Page 2 of ${pageCount}`)
  expect(problems).toEqual([])
})

test('a selection across the break between pages 1 and 2 clips the joined sentence', async ({
  app,
}) => {
  const { page } = app
  await importPdf(app, await articlePdf())
  // The break in view: the end of page 1 just above, page 2 below.
  await goToPage(page, 2)
  const first = await textLayerOf(pdfPage(page, 1))
  const second = await textLayerOf(pdfPage(page, 2))
  const last = first[first.length - 1]
  const next = second[0]
  if (!last || !next) throw new Error('Pages 1 and 2 have no text')
  // The last words of page 1 and the first of page 2, as a drag over the break takes them.
  const tailAt = last.text.lastIndexOf(' ', last.text.length - 12) + 1
  const tail = last.text.slice(tailAt)
  const headEnd = next.text.indexOf(' ', 12)
  const head = next.text.slice(0, headEnd)
  await selectInTextLayer(
    page,
    { start: last.start, at: tailAt },
    { start: next.start, at: headEnd },
  )
  await page.getByRole('button', { name: 'Clip selection' }).click()
  // What stands between the pages in the text: a space where the sentence runs on, nothing
  // after a hyphen that was dropped.
  const between = next.start - (last.start + last.text.length)
  const joined = `${tail}${between === 0 ? '' : ' '}${head.trimStart()}`
  await expect(clippingItem(page, joined)).toBeVisible()
  await expect(page.locator('mark.clip-mark')).toHaveCount(2)
})

test('a phrase found by the source search opens the PDF at its page, marked', async ({ app }) => {
  const { page } = app
  const pageCount = await importPdf(app, await articlePdf())
  // Words on the last page, found from the library's search.
  await page.getByRole('searchbox', { name: 'Search the sources’ text' }).fill('pretty wild film')
  const hits = page.getByRole('list', { name: 'Source text matches' })
  await hits.getByRole('button').first().click()
  const found = pdfPage(page, pageCount).locator('mark.found-mark')
  await expect.poll(() => textOf(found), { timeout: 20_000 }).toBe('pretty wild film')
  await expect(found.first()).toHaveAttribute('aria-current', 'true')
  await expect(found.first()).toBeInViewport()
})

test('a scanned PDF shows its pages and says its passages cannot be clipped', async ({ app }) => {
  const { page } = app
  const problems = pageProblems(page)
  await importPdf(app, await imageOnlyPdf())
  const reader = page.getByRole('region', { name: 'Reader' })
  await expect(reader.getByRole('note')).toHaveText(
    'This PDF has no text layer: its passages cannot be clipped.',
  )
  await expect(pdfPage(page, 1).locator('canvas')).toBeVisible()
  await expect(pdfPage(page, 1).locator('.pdf-text-layer span')).toHaveCount(0)
  expect(problems).toEqual([])
})

test('a long PDF draws only the pages near the view', async ({ app }) => {
  const { page } = app
  const paragraphs = await fixtureParagraphs()
  const pageCount = await importPdf(
    app,
    await printPdf(printableHtml(paragraphs, { repeat: 8, title: 'A long document' })),
  )
  expect(pageCount).toBeGreaterThan(10)
  const spansOf = (number: number) => pdfPage(page, number).locator('.pdf-text-layer span')
  await expect(spansOf(1).first()).toBeAttached()
  await expect(spansOf(pageCount)).toHaveCount(0)
  await expect(pdfPage(page, pageCount).locator('canvas')).toHaveCount(0)

  await goToPage(page, pageCount)
  await expect(spansOf(pageCount).first()).toBeAttached({ timeout: 20_000 })
  await expect(pdfPage(page, pageCount).locator('canvas')).toBeVisible()
  // Page 1, far behind now, has given back its canvas and its text.
  await expect(spansOf(1)).toHaveCount(0)
  await expect(pdfPage(page, 1).locator('canvas')).toHaveCount(0)

  // A passage of the last page, shown from its card while that page is far away and not drawn.
  const quote = await dragOverLine(page, pdfPage(page, pageCount), 1)
  await page.getByRole('button', { name: 'Clip selection' }).click()
  await expect(clippingItem(page, quote)).toBeVisible()
  await goToPage(page, 1)
  await expect(spansOf(pageCount)).toHaveCount(0)
  await clippingItem(page, quote).getByRole('button', { name: quote }).click()
  const current = pdfPage(page, pageCount).locator('mark[aria-current="true"]')
  await expect.poll(() => textOf(current), { timeout: 20_000 }).toBe(quote)
  await expect(current.first()).toBeInViewport()
  await expect(pdfToolbar(page)).toContainText(`Page ${pageCount} of ${pageCount}`)
})

// A picture to look at (alignment of the text layer, sharpness of the canvas), not a check:
// SCREENSHOTS=<folder> xvfb-run npx playwright test e2e/pdf.spec.ts --project harness --headed -g picture
test('picture: a PDF page with a clipping marked and a passage selected', async ({ app }) => {
  const folder = process.env.SCREENSHOTS
  test.skip(!folder, 'SCREENSHOTS=<folder> writes the picture')
  const { page } = app
  await page.setViewportSize({ width: 1440, height: 900 })
  await importPdf(app, await articlePdf())
  const spans = await textLayerOf(pdfPage(page, 1))
  const [clipped, selected] = spans.filter((span) => span.text.trim().length > 30).slice(3, 5)
  if (!clipped || !selected) throw new Error('Page 1 has too few lines')
  await selectInTextLayer(page, { start: clipped.start, at: 0 }, { start: selected.start, at: 12 })
  await page.getByRole('button', { name: 'Clip selection' }).click()
  await expect(pdfPage(page, 1).locator('mark.clip-mark').first()).toBeVisible()
  // A drag with the mouse over two later lines: where the selection paints shows the alignment.
  const lines = pdfPage(page, 1).locator('.pdf-text-layer span[data-start]')
  const from = await lines.nth(4).boundingBox()
  const to = await lines.nth(5).boundingBox()
  if (from && to) {
    await page.mouse.move(from.x + 2, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(to.x + to.width * 0.6, to.y + to.height / 2, { steps: 8 })
    await page.mouse.up()
  }
  await page.screenshot({ path: `${folder}/pdf-page.png` })
  await pdfPage(page, 1).screenshot({ path: `${folder}/pdf-page-close.png` })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: `${folder}/pdf-page-dark.png` })
})

test('after a restart a PDF opens at the page the writer was reading', async ({ app }) => {
  const { page } = app
  const pageCount = await importPdf(app, await articlePdf())
  await goToPage(page, 2)
  await expect(pdfToolbar(page)).toContainText(`Page 2 of ${pageCount}`)
  // The place is saved once the scroll settles and main has it.
  await expect
    .poll(async () =>
      page.evaluate(async () => {
        const settings = await window.commonplace.getSettings()
        return settings.ok ? (settings.value.resume.reading?.offset ?? 0) : 0
      }),
    )
    .toBeGreaterThan(0)
  await app.restart()
  await expect(pdfToolbar(page)).toContainText(`Page 2 of ${pageCount}`, { timeout: 20_000 })
  await expect(pdfPage(page, 2).locator('canvas')).toBeInViewport()
})

test('zoom: − and + step the page size, Fit width fits it again; axe finds nothing serious', async ({
  app,
}) => {
  const { page } = app
  await importPdf(app, await articlePdf())
  const toolbar = pdfToolbar(page)
  const fit = toolbar.getByRole('button', { name: 'Fit width' })
  await expect(fit).toHaveAttribute('aria-pressed', 'true')
  const widthOf = async (): Promise<number> => (await pdfPage(page, 1).boundingBox())?.width ?? 0
  const fitted = await widthOf()

  await toolbar.getByRole('button', { name: 'Zoom out' }).click()
  await expect(fit).toHaveAttribute('aria-pressed', 'false')
  await expect.poll(widthOf).toBeLessThan(fitted)
  // The text layer is laid out again at the new size: its spans stay over the page.
  const span = pdfPage(page, 1).locator('.pdf-text-layer span').first()
  await expect
    .poll(
      async () =>
        ((await span.boundingBox())?.x ?? 0) - ((await pdfPage(page, 1).boundingBox())?.x ?? 0),
    )
    .toBeLessThan((await widthOf()) / 3)
  const zoomIn = toolbar.getByRole('button', { name: 'Zoom in' })
  await zoomIn.click()
  await zoomIn.click()
  await expect.poll(widthOf).toBeGreaterThan(fitted)
  await fit.click()
  await expect.poll(widthOf).toBeCloseTo(fitted, 0)

  await dragOverLine(page, pdfPage(page, 1), 2)
  await page.getByRole('button', { name: 'Clip selection' }).click()
  await expect(pdfPage(page, 1).locator('mark.clip-mark').first()).toBeVisible()
  for (const scheme of ['light', 'dark'] as const) {
    // No transitions: a card's colours read halfway from light to dark would be no one's colours.
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
    const { violations } = await new AxeBuilder({ page }).analyze()
    const serious = violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`,
      )
    expect.soft(serious, scheme).toEqual([])
  }
})
