import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { bakerQuote, citeFromBaker, clippingCards } from './steps'

const mod = process.platform === 'darwin' ? 'Meta' : 'Control'

async function widthOf(locator: Locator): Promise<number> {
  const box = await locator.boundingBox()
  if (!box) throw new Error('not on screen')
  return box.width
}

/** Every button shown in the toolbar sits on its one row and inside it. */
async function toolbarRows(page: Page): Promise<{ rows: number; spilled: number }> {
  return page.getByRole('toolbar', { name: 'Formatting' }).evaluate((bar) => {
    const box = bar.getBoundingClientRect()
    const shown = [...bar.querySelectorAll('button')].filter((b) => b.offsetParent !== null)
    const inRow = shown.filter((b) => !b.closest('.overflow-menu'))
    const tops = new Set(inRow.map((b) => Math.round(b.getBoundingClientRect().top)))
    const spilled = inRow.filter((b) => b.getBoundingClientRect().right > box.right + 0.5)
    return { rows: tops.size, spilled: spilled.length }
  })
}

test('the side panes collapse and expand with their buttons and shortcuts, and the text takes the room', async ({
  app,
}) => {
  const { page } = app
  await page.setViewportSize({ width: 1440, height: 900 })
  const workspace = page.locator('.workspace')
  const importButton = page.getByRole('button', { name: 'Import source' })
  const clippingsSearch = page.getByRole('searchbox', { name: 'Search clippings' })
  await expect(importButton).toBeVisible()
  await expect(clippingsSearch).toBeVisible()
  const wide = await widthOf(workspace)

  await page.getByRole('button', { name: 'Collapse sources' }).click()
  await expect(importButton).toBeHidden()
  await expect(page.getByRole('button', { name: 'Expand sources' })).toHaveAttribute(
    'aria-expanded',
    'false',
  )
  expect(await widthOf(workspace)).toBeGreaterThan(wide + 150)
  await page.keyboard.press(`${mod}+Backslash`)
  await expect(importButton).toBeVisible()
  expect(await widthOf(workspace)).toBe(wide)

  await page.keyboard.press(`${mod}+Shift+Backslash`)
  await expect(clippingsSearch).toBeHidden()
  expect(await widthOf(workspace)).toBeGreaterThan(wide + 200)
  await page.getByRole('button', { name: 'Expand clippings' }).click()
  await expect(clippingsSearch).toBeVisible()
  // What was typed in a pane is still there after it was away: it stays mounted.
  await clippingsSearch.fill('hypocrisy')
  await page.getByRole('button', { name: 'Collapse clippings' }).click()
  await page.keyboard.press(`${mod}+Shift+Backslash`)
  await expect(clippingsSearch).toHaveValue('hypocrisy')
})

test('at 1024×700 the panes step aside: the essay column is at least 560 px, nothing scrolls sideways, the toolbar is one row', async ({
  app,
}) => {
  const { page } = app
  await citeFromBaker(app, [bakerQuote])
  await page.setViewportSize({ width: 1024, height: 700 })

  // Both side panes collapsed by themselves; their buttons bring them back.
  await expect(page.getByRole('button', { name: 'Expand sources' })).toBeVisible()
  await expect(page.getByRole('searchbox', { name: 'Search clippings' })).toBeHidden()
  const essay = page.getByRole('textbox', { name: 'Essay' })
  await expect(essay).toBeVisible()
  const column = await widthOf(essay)
  test.info().annotations.push({ type: 'essay column at 1024×700', description: `${column} px` })
  expect(column).toBeGreaterThanOrEqual(560)
  expect(
    await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth),
  ).toBe(true)
  expect(await toolbarRows(page)).toEqual({ rows: 1, spilled: 0 })

  // Reopened on a narrow window, a pane lies over the text, which keeps its width.
  await page.getByRole('button', { name: 'Expand clippings' }).click()
  const clipping = clippingCards(page.getByRole('list', { name: 'Clippings' }))
  await expect(clipping).toContainText(bakerQuote)
  expect(await widthOf(essay)).toBe(column)
  await page.keyboard.press('Escape')
  await expect(clipping).toBeHidden()
  await page.keyboard.press(`${mod}+Backslash`)
  await expect(page.getByRole('button', { name: 'Import source' })).toBeVisible()
  await essay.click()
  await expect(page.getByRole('button', { name: 'Import source' })).toBeHidden()
})

test('a toolbar too wide for the window keeps one row and puts the rest under More', async ({
  app,
}) => {
  const { page } = app
  await citeFromBaker(app, [bakerQuote])
  await page.setViewportSize({ width: 800, height: 700 })
  const essay = page.getByRole('textbox', { name: 'Essay' })
  await essay.click()
  await page.keyboard.press('ControlOrMeta+Home')
  await essay.pressSequentially('Bold claim')
  await page.keyboard.press('Shift+Home')
  expect(await toolbarRows(page)).toEqual({ rows: 1, spilled: 0 })
  await expect(page.getByRole('button', { name: 'Bold' })).toBeHidden()
  await page.getByRole('button', { name: 'More formatting' }).click()
  const more = page.getByRole('group', { name: 'More formatting' })
  await more.getByRole('button', { name: 'Bold' }).click()
  await expect(essay.locator('strong, .essay-bold')).toHaveText('Bold claim')
  await page.keyboard.press('Escape')
  await expect(more).toBeHidden()
})

test('focus mode shows the essay alone, from its button or Ctrl/Cmd+Shift+F, and Esc leaves it', async ({
  app,
}) => {
  const { page } = app
  await citeFromBaker(app, [bakerQuote])
  const essay = page.getByRole('textbox', { name: 'Essay' })
  const aside = [
    page.getByRole('button', { name: 'Import source' }),
    page.getByRole('searchbox', { name: 'Search clippings' }),
    page.getByRole('button', { name: 'New essay' }),
    page.getByRole('group', { name: 'View' }),
  ]
  const focusButton = page.getByRole('button', { name: 'Focus mode' })
  await focusButton.click()
  await expect(focusButton).toHaveAttribute('aria-pressed', 'true')
  for (const part of aside) await expect(part).toBeHidden()
  await expect(essay).toBeVisible()
  expect(await widthOf(page.locator('.essays-main'))).toBe(
    await page.evaluate(() => window.innerWidth),
  )
  await essay.click()
  await page.keyboard.press('Escape')
  for (const part of aside) await expect(part).toBeVisible()

  // From the Source view, the shortcut opens the essay in focus mode.
  await page.getByRole('button', { name: 'Source', exact: true }).click()
  await page.keyboard.press(`${mod}+Shift+KeyF`)
  await expect(essay).toBeVisible()
  for (const part of aside) await expect(part).toBeHidden()
  await page.keyboard.press(`${mod}+Shift+KeyF`)
  for (const part of aside) await expect(part).toBeVisible()

  // Asking for a pane in focus mode leaves it and shows that pane, rather than hiding it.
  await page.keyboard.press(`${mod}+Shift+KeyF`)
  await expect(aside[0]!).toBeHidden()
  await page.keyboard.press(`${mod}+Backslash`)
  for (const part of aside) await expect(part).toBeVisible()
})

test('the theme follows the system, and data-theme on <html> (set by Settings) overrides it', async ({
  app,
}) => {
  const { page } = app
  // The desk's colour, as a luminance between 0 (black) and 1 (white).
  const deskLuminance = (): Promise<number> =>
    page.evaluate(() => {
      const probe = document.createElement('div')
      probe.style.color = 'var(--desk)'
      document.body.append(probe)
      const [r, g, b] = getComputedStyle(probe).color.match(/\d+/g)!.map(Number) as [
        number,
        number,
        number,
      ]
      probe.remove()
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
    })
  await page.emulateMedia({ colorScheme: 'light' })
  expect(await deskLuminance()).toBeGreaterThan(0.8)
  await page.emulateMedia({ colorScheme: 'dark' })
  expect(await deskLuminance()).toBeLessThan(0.2)
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'))
  expect(await deskLuminance()).toBeGreaterThan(0.8)
  await page.emulateMedia({ colorScheme: 'light' })
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'))
  expect(await deskLuminance()).toBeLessThan(0.2)
  // Native controls follow the same scheme (a dark <select> list, dark checkboxes).
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(
    'dark',
  )
})
