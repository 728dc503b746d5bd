import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { channels } from '../src/shared/ipc'
import { expect, fixture, test } from './fixtures'
import { bakerPage, bakerTitle } from './steps'

/** What the page's colours and native controls follow: the theme attribute and colour scheme. */
function appearance(page: Page): Promise<{ theme: string | null; scheme: string }> {
  return page.evaluate(() => ({
    theme: document.documentElement.getAttribute('data-theme'),
    scheme: getComputedStyle(document.documentElement).colorScheme,
  }))
}

function readerTextSize(page: Page): Promise<string> {
  return page.locator('.reader-page').evaluate((element) => getComputedStyle(element).fontSize)
}

test('Settings, all by keyboard: theme, reader text size, essay font, screen reader support and export format apply at once and last after a restart', async ({
  app,
}) => {
  test.setTimeout(60_000)
  const { page } = app
  app.answerOpenDialog([fixture(bakerPage)])
  await page.getByRole('button', { name: 'Import source' }).click()
  // Reading the page in a worker takes a while on a busy machine.
  await expect(page.getByRole('heading', { level: 1, name: bakerTitle })).toBeVisible({
    timeout: 20_000,
  })
  expect(await readerTextSize(page)).toBe('18px')

  await page.keyboard.press('ControlOrMeta+,')
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('radio', { name: 'System' })).toBeChecked()

  // Arrow keys move through the theme choices, each applied as it is chosen.
  await dialog.getByRole('radio', { name: 'System' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect.poll(() => appearance(page)).toEqual({ theme: 'light', scheme: 'light' })
  await page.keyboard.press('ArrowRight')
  await expect(dialog.getByRole('radio', { name: 'Dark' })).toBeChecked()
  await expect.poll(() => appearance(page)).toEqual({ theme: 'dark', scheme: 'dark' })

  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('slider', { name: 'Reader text size' })).toBeFocused()
  for (let step = 0; step < 4; step++) await page.keyboard.press('ArrowRight')
  await expect(dialog.getByText('22 px')).toBeVisible()
  await expect.poll(() => readerTextSize(page)).toBe('22px')

  await page.keyboard.press('Tab')
  await page.keyboard.press('ArrowRight')
  await expect(dialog.getByRole('radio', { name: 'Sans-serif' })).toBeChecked()

  await page.keyboard.press('Tab')
  const whenRunning = dialog.getByRole('radio', { name: 'When one is running' })
  await expect(whenRunning).toBeFocused()
  await expect(whenRunning).toBeChecked()
  await page.keyboard.press('ArrowRight')
  await expect(dialog.getByRole('radio', { name: 'On', exact: true })).toBeChecked()

  await page.keyboard.press('Tab')
  const format = dialog.getByRole('combobox', { name: 'Default export format' })
  await expect(format).toBeFocused()
  await format.selectOption('pandoc')

  await page.keyboard.press('Tab')
  const style = dialog.getByRole('combobox', { name: 'Citation style (Markdown export)' })
  await expect(style).toBeFocused()
  await style.selectOption('apa')

  // The data folder, shown and handed to the file manager.
  await expect(dialog.getByText(app.dataDir, { exact: true })).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('button', { name: 'Reveal in file manager' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect.poll(() => app.openedFolders()).toEqual([app.dataDir])

  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  await expect
    .poll(() =>
      page.evaluate(async () => {
        const result = await window.commonplace.getSettings()
        return result.ok ? result.value.settings : null
      }),
    )
    .toEqual({
      theme: 'dark',
      readerFontSize: 22,
      essayFont: 'sans',
      exportFormat: 'pandoc',
      citationStyle: 'apa',
      userName: '',
      screenReaderSupport: 'on',
    })

  await app.restart()

  await expect(page.getByRole('heading', { level: 1, name: bakerTitle })).toBeVisible()
  expect(await appearance(page)).toEqual({ theme: 'dark', scheme: 'dark' })
  expect(await readerTextSize(page)).toBe('22px')
  await page.getByRole('button', { name: 'Essays', exact: true }).click()
  await page.getByRole('button', { name: 'New essay' }).click()
  // Export starts from the default format chosen in Settings.
  await page.getByRole('button', { name: 'Essay actions' }).click()
  await expect(page.getByRole('menuitemradio', { name: 'Pandoc (citations)' })).toHaveAttribute(
    'aria-checked',
    'true',
  )
  await expect(page.getByRole('menuitemradio', { name: 'APA' })).toHaveAttribute(
    'aria-checked',
    'true',
  )
  await page.keyboard.press('Escape')
  const essayFont = await page
    .getByRole('textbox', { name: 'Essay' })
    .evaluate((element) => getComputedStyle(element).fontFamily)
  expect(essayFont).toContain('system-ui')

  // Back to following the system: no theme of the app's own.
  await page.getByRole('button', { name: 'Settings…' }).click()
  await page
    .getByRole('dialog', { name: 'Settings' })
    .getByRole('radio', { name: 'System' })
    .check()
  await expect.poll(() => appearance(page)).toEqual({ theme: null, scheme: 'light dark' })
})

test('a slider stepped while main is still saving the last step ends where the keys put it', async ({
  app,
}) => {
  test.skip(!app.holdAnswers, "only the harness can hold main's answers back")
  const { page } = app
  const saves = app.holdAnswers!(channels.updateSettings)
  await page.getByRole('button', { name: 'Settings…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  const slider = dialog.getByRole('slider', { name: 'Reader text size' })
  await slider.focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(dialog.getByText('20 px')).toBeVisible()
  await expect.poll(() => saves.waiting()).toBe(2)
  // Main's answer to the first step (19) arrives after the second step was shown: it must not
  // take the slider back, or the next key steps on from 19.
  saves.releaseNext()
  await expect.poll(() => saves.waiting()).toBe(1)
  await page.evaluate(() => new Promise((frame) => requestAnimationFrame(() => frame(null))))
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  saves.releaseAll()
  await expect(dialog.getByText('22 px')).toBeVisible()
  await expect(slider).toHaveValue('22')
  await expect
    .poll(async () => JSON.parse(await readFile(join(app.dataDir, 'settings.json'), 'utf8')))
    .toMatchObject({ settings: { readerFontSize: 22 } })
})

test.describe('a settings file that is not JSON', () => {
  test.use({
    notebook: {
      prepare: async () => {
        const dataDir = await mkdtemp(join(tmpdir(), 'commonplace-e2e-'))
        await writeFile(join(dataDir, 'settings.json'), '{"settings": {"theme": "dark"')
        return dataDir
      },
    },
  })

  test('opens the app with the default settings and says what was wrong and where it was kept', async ({
    app,
  }) => {
    const { page } = app
    const notice = page.getByRole('alert').filter({ hasText: 'settings.json' })
    await expect(notice).toContainText('is not valid JSON')
    await expect(notice).toContainText('default settings')
    await expect(notice).toContainText('settings.damaged-')
    expect(await appearance(page)).toEqual({ theme: null, scheme: 'light dark' })
    // The app works as usual, and a setting can be changed and saved again.
    await page.keyboard.press('ControlOrMeta+,')
    await page
      .getByRole('dialog', { name: 'Settings' })
      .getByRole('radio', { name: 'Dark' })
      .check()
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const result = await window.commonplace.getSettings()
          return result.ok ? result.value.settings.theme : null
        }),
      )
      .toBe('dark')
  })
})
