import { expect, test } from './fixtures'
import { essayInEveryHealthState } from './desk-steps'
import { bakerTitle } from './steps'

// Pictures for the README's tour: written only when asked for, since they are not a check.
// SCREENSHOTS=docs/screenshots npx playwright test e2e/tour-screenshots.spec.ts --project harness
const folder = process.env.SCREENSHOTS

test('the tour: the Source view in the dark theme and the Essays view in the light one, at 1440×900', async ({
  app,
}) => {
  test.skip(!folder, 'SCREENSHOTS=<folder> writes the README tour screenshots')
  const { page } = app
  await page.setViewportSize({ width: 1440, height: 900 })
  await essayInEveryHealthState(app)
  await page.getByRole('button', { name: 'Dismiss' }).click()
  // The README shows the Source view in the dark theme and the Essays view in the light one.
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.getByRole('button', { name: 'Source', exact: true }).click()
  await page.getByRole('list', { name: 'Sources' }).getByText(bakerTitle).click()
  await expect(page.getByRole('region', { name: 'Reader' })).toContainText('Red Rocket')
  await page.screenshot({ path: `${folder}/source-dark.png` })
  await page.emulateMedia({ colorScheme: 'light' })
  await page.getByRole('button', { name: 'Essays' }).click()
  await expect(page.getByRole('figure').first()).toBeVisible()
  await page.screenshot({ path: `${folder}/essays-light.png` })
})
