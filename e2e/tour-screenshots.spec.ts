import { expect, test } from './fixtures'
import { essayInEveryHealthState } from './desk-steps'
import { bakerTitle } from './steps'

// Pictures for the README's tour: written only when asked for, since they are not a check.
// SCREENSHOTS=docs/screenshots npx playwright test e2e/tour-screenshots.spec.ts --project harness
const folder = process.env.SCREENSHOTS

test('the tour: Source and Essays views, light and dark, at 1440×900', async ({ app }) => {
  test.skip(!folder, 'SCREENSHOTS=<folder> writes the README tour screenshots')
  const { page } = app
  await page.setViewportSize({ width: 1440, height: 900 })
  await essayInEveryHealthState(app)
  await page.getByRole('button', { name: 'Dismiss' }).click()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.getByRole('button', { name: 'Source', exact: true }).click()
    await page.getByRole('list', { name: 'Sources' }).getByText(bakerTitle).click()
    await expect(page.getByRole('region', { name: 'Reader' })).toContainText('Red Rocket')
    await page.screenshot({ path: `${folder}/source-${scheme}.png` })
    await page.getByRole('button', { name: 'Essays' }).click()
    await expect(page.getByRole('figure').first()).toBeVisible()
    await page.screenshot({ path: `${folder}/essays-${scheme}.png` })
  }
})
