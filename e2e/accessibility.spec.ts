import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { essayInEveryHealthState } from './desk-steps'
import { bakerTitle, exportFromMenu, clippingCards } from './steps'

// At 1024 px both side panes have collapsed by themselves; they are scanned opened over the text.
const sizes = [
  { width: 1440, height: 900, narrow: false },
  { width: 1024, height: 700, narrow: true },
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
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    for (const { narrow, ...size } of sizes) {
      await page.setViewportSize(size)
      const where = `${scheme}, ${size.width}×${size.height}`

      await page.getByRole('button', { name: 'Source', exact: true }).click()
      if (narrow) await page.getByRole('button', { name: 'Expand sources' }).click()
      await page.getByRole('list', { name: 'Sources' }).getByText(bakerTitle).click()
      if (narrow) {
        await page.keyboard.press('Escape')
        await page.getByRole('button', { name: 'Expand clippings' }).click()
      }
      await expect(clippingCards(page.getByRole('list', { name: 'Clippings' }))).toHaveCount(4)
      expect.soft(await seriousViolations(page), `Source view, ${where}`).toEqual([])
      if (narrow) await page.keyboard.press('Escape')

      await page.getByRole('button', { name: 'Essays' }).click()
      await expect(page.locator('.citation-badge:visible')).toHaveCount(4)
      expect.soft(await seriousViolations(page), `Essays view, ${where}`).toEqual([])

      // The export gate, listing the quotes that no longer match, in the same colours.
      await exportFromMenu(page)
      const gate = page.getByRole('alertdialog', { name: 'Unverified quotes' })
      await expect(gate).toBeVisible()
      expect.soft(await seriousViolations(page), `Export gate, ${where}`).toEqual([])
      await gate.getByRole('button', { name: 'Cancel' }).click()
    }
  }
})
