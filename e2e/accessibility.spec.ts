import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { essayInEveryHealthState } from './desk-steps'
import { bakerTitle } from './steps'

const sizes = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
]

/** Serious and critical violations, each with the nodes it was found on, to read in a failure. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary ?? ''}`,
      ),
    )
}

test('axe finds no serious or critical violation, light and dark, wide and narrow', async ({
  app,
}) => {
  test.setTimeout(120_000)
  const { page } = app
  await essayInEveryHealthState(app)
  // The update's summary is a toast; it is checked with the rest, then dismissed for the scans.
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    for (const size of sizes) {
      await page.setViewportSize(size)
      const where = `${scheme}, ${size.width}×${size.height}`

      await page.getByRole('button', { name: 'Source', exact: true }).click()
      await page
        .getByRole('button', { name: 'Expand sources' })
        .or(page.getByRole('button', { name: 'Collapse sources' }))
        .first()
        .waitFor()
      const sources = page.getByRole('list', { name: 'Sources' })
      if (!(await sources.isVisible()))
        await page.getByRole('button', { name: 'Expand sources' }).click()
      await sources.getByText(bakerTitle).click()
      await page.keyboard.press('Escape')
      const clippings = page.getByRole('list', { name: 'Clippings' })
      if (!(await clippings.isVisible()))
        await page.getByRole('button', { name: 'Expand clippings' }).click()
      await expect(clippings.getByRole('listitem')).toHaveCount(4)
      expect.soft(await seriousViolations(page), `Source view, ${where}`).toEqual([])

      await page.getByRole('button', { name: 'Essays' }).click()
      await expect(page.locator('.citation-badge:visible')).toHaveCount(4)
      expect.soft(await seriousViolations(page), `Essays view, ${where}`).toEqual([])
    }
  }
})
