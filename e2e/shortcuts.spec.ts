import type { Page } from '@playwright/test'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { startEssay } from './steps'

/** "Ctrl+Shift+E" or "⇧⌘E", as the sheet shows it, in Playwright's notation. */
function playwrightKeys(shown: string): string {
  if (shown.includes('⌘')) {
    return `${shown.includes('⇧') ? 'Shift+' : ''}Meta+${shown.replace(/[⇧⌘]/g, '')}`
  }
  return shown.replace(/^Ctrl\+/, 'Control+')
}

/** The keys the sheet lists for an action. */
async function keysFor(page: Page, does: string): Promise<string> {
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  return (await sheet.getByRole('row', { name: does }).getByRole('rowheader').textContent()) ?? ''
}

test('Ctrl+/ opens the shortcut sheet listing Ctrl+E, and the keys it lists are the ones that work', async ({
  app,
}) => {
  const { page } = app
  await expect(page.getByRole('button', { name: 'Import source' })).toBeVisible()
  await page.keyboard.press('ControlOrMeta+/')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toBeVisible()
  const exportKeys = await keysFor(page, 'Export the open essay to Markdown')
  expect(exportKeys).toMatch(/^(Ctrl\+E|⌘E)$/)
  const settingsKeys = await keysFor(page, 'Open Settings')
  const citationKeys = await keysFor(page, 'Insert a citation (pick a clipping)')
  for (const area of ['Anywhere', 'Reading', 'Writing', 'Clippings']) {
    await expect(sheet.getByRole('region', { name: area })).toBeVisible()
  }
  // Escape closes it, and focus is back where it was.
  await page.keyboard.press('Escape')
  await expect(sheet).toBeHidden()

  // The sheet's keys, pressed, do what it says.
  await page.keyboard.press(playwrightKeys(settingsKeys))
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible()
  await page.keyboard.press('Escape')

  const editor = await startEssay(page)
  await editor.pressSequentially('A short essay.')
  await page.keyboard.press(playwrightKeys(citationKeys))
  await expect(page.getByRole('dialog', { name: /citation/i })).toBeVisible()
  await page.keyboard.press('Escape')
  const target = join(app.dataDir, 'short-essay.md')
  app.answerSaveDialog(target)
  await editor.click()
  await page.keyboard.press(playwrightKeys(exportKeys))
  await expect(page.getByRole('status').filter({ hasText: 'Exported to' })).toContainText(target)

  // The Help menu's items.
  await app.sendMenuCommand('show-shortcuts')
  await expect(sheet).toBeVisible()
  await page.keyboard.press('Escape')
  await app.sendMenuCommand('show-about')
  const about = page.getByRole('dialog', { name: 'About Commonplace' })
  await expect(about).toContainText(/Version\s*\d+\.\d+\.\d+/)
  await expect(about).toContainText(app.dataDir)
})

test('a control reached by the keyboard shows a focus ring', async ({ app }) => {
  const { page } = app
  const button = page.getByRole('button', { name: 'Import source' })
  // Tried again if the app, still starting, moves the focus elsewhere in between.
  await expect(async () => {
    await button.focus()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Shift+Tab')
    await expect(button).toBeFocused({ timeout: 1000 })
  }).toPass()
  const ring = await button.evaluate((element) => {
    const style = getComputedStyle(element)
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) }
  })
  expect(ring.style).not.toBe('none')
  expect(ring.width).toBeGreaterThanOrEqual(2)
})
