// Two writers on two devices (two data dirs, two app pages) and one sync server: what one types
// in a shared essay shows in the other's editor, with the other's caret and name.
import { existsSync } from 'node:fs'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { openCommonplace } from '../src/main/core/commonplace'
import { SettingsFile } from '../src/main/core/settings/settings-file'
import { fileNameOf } from '../src/main/core/sync/persisted-doc'
import { startTestSyncServer } from '../test/sync-test-server'
import { expect, test } from './fixtures'
import { startHarness, type RunningApp } from './harness'
import { bakerQuote, bakerTitle, clipBoth, clippingItem } from './steps'

/**
 * One notebook with one essay, copied to a second data dir: the same essay on both devices, as
 * the catalog sync (Y2) brings it. Ada's name is in her settings file already.
 */
async function twoDevices(): Promise<[string, string]> {
  const first = await mkdtemp(join(tmpdir(), 'commonplace-sync-a-'))
  const app = await openCommonplace(first, { create: true })
  await app.essays.create('Shared essay')
  const second = await mkdtemp(join(tmpdir(), 'commonplace-sync-b-'))
  await cp(first, second, { recursive: true })
  await rm(join(second, 'notebook.lock'), { recursive: true, force: true })
  await SettingsFile.in(first).update({ userName: 'Ada' })
  return [first, second]
}

async function openEssay(page: Page): Promise<ReturnType<Page['getByRole']>> {
  await page.getByRole('button', { name: 'Essays' }).click()
  const editor = page.getByRole('textbox', { name: 'Essay' })
  await expect(editor).toBeVisible({ timeout: 30_000 })
  return editor
}

test('typing in a shared essay shows in the co-author’s editor, with their caret and name', async ({
  harnessBrowser,
}) => {
  test.skip(!harnessBrowser, 'two app pages on one server run in the harness project only')
  test.setTimeout(120_000)
  const server = await startTestSyncServer('tok')
  const apps: RunningApp[] = []
  try {
    const [firstDir, secondDir] = await twoDevices()
    const essaySync = { server: server.url, notebook: 'shared', token: 'tok' }
    const ada = await startHarness(harnessBrowser!, { dataDir: firstDir, essaySync })
    apps.push(ada)
    const adaEditor = await openEssay(ada.page)
    // Ada's device shared the essay first; Bea's finds it on the server and does not add a copy.
    const bea = await startHarness(harnessBrowser!, { dataDir: secondDir, essaySync })
    apps.push(bea)
    // Bea gives her name in Settings > Sync (until then it is her computer account's).
    await bea.page.getByRole('button', { name: 'Settings…' }).click()
    const settings = bea.page.getByRole('dialog', { name: 'Settings' })
    await settings.getByRole('textbox', { name: 'Your name' }).fill('Bea')
    await settings.getByRole('textbox', { name: 'Your name' }).blur()
    await expect
      .poll(async () => (await SettingsFile.in(secondDir).snapshot()).settings.userName)
      .toBe('Bea')
    await bea.page.keyboard.press('Escape')
    await expect(settings).toBeHidden()
    const beaEditor = await openEssay(bea.page)

    // Two windows, one focus: each writer's window is brought to the front before typing, as a
    // person would click into it (an editor in a window behind reports itself not focused).
    await ada.page.bringToFront()
    await adaEditor.click()
    await ada.page.keyboard.type('Words typed on Ada’s device.')
    await expect(beaEditor).toContainText('Words typed on Ada’s device.', { timeout: 30_000 })

    await bea.page.bringToFront()
    await beaEditor.click()
    await bea.page.keyboard.press('ControlOrMeta+End')
    await bea.page.keyboard.type(' And Bea’s.')
    await expect(adaEditor).toContainText('Words typed on Ada’s device. And Bea’s.', {
      timeout: 30_000,
    })
    // Bea's caret is drawn in Ada's page, with her name.
    // Lexical draws a co-author's caret while their editor has the focus. Two pages of one test
    // browser take the focus from each other (two devices never do), so Bea's editor is given it
    // back until Ada's page draws her caret.
    await expect
      .poll(
        async () => {
          await beaEditor.focus()
          return ada.page.getByText('Bea', { exact: true }).isVisible()
        },
        { timeout: 30_000 },
      )
      .toBe(true)

    // Ada renames the essay: Bea's page follows the title and leaves her editor as it is, so
    // she goes on typing where she was.
    await ada.page.bringToFront()
    await ada.page.getByRole('textbox', { name: 'Title' }).fill('Our essay')
    await ada.page.getByRole('textbox', { name: 'Title' }).press('Enter')
    await expect(bea.page.getByRole('textbox', { name: 'Title' })).toHaveValue('Our essay', {
      timeout: 30_000,
    })
    await bea.page.bringToFront()
    await bea.page.keyboard.type(' Still here.')
    await expect(adaEditor).toContainText('Still here.', { timeout: 30_000 })
    // Each device keeps the essay in its own store too (autosave, and main's writes of what
    // arrived), so it exports and reopens without the server.
    await expect(ada.page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()

    // A new essay is shared from the start: main seeds its doc, and the editor edits that.
    await ada.page.getByRole('button', { name: 'New essay' }).click()
    await expect(ada.page.getByRole('textbox', { name: 'Title' })).toHaveValue('Untitled essay')
    const newest = await ada.page.evaluate(async () => {
      const essays = await window.commonplace.listEssays()
      return essays.ok ? essays.value.find((essay) => essay.title === 'Untitled essay')?.id : null
    })
    const docFile = join(firstDir, 'sync', 'docs', `${fileNameOf(`shared/essays/${newest}`)}.yjs`)
    await expect.poll(() => existsSync(docFile), { timeout: 30_000 }).toBe(true)
    await expect(adaEditor).toBeVisible({ timeout: 30_000 })
    await expect(ada.page.locator('.essay-cursors')).toHaveCount(1)
    await adaEditor.click()
    await ada.page.keyboard.type('A second essay.')
    await expect(ada.page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()

    // Back to the shared essay, and to it again after a look at the other: its text is there
    // once, and what Bea types still arrives.
    for (const title of ['Our essay', 'Untitled essay', 'Our essay']) {
      await ada.page.getByRole('button', { name: title }).click()
      await expect(ada.page.getByRole('textbox', { name: 'Title' })).toHaveValue(title)
    }
    await bea.page.bringToFront()
    await beaEditor.click()
    await bea.page.keyboard.press('ControlOrMeta+End')
    await bea.page.keyboard.type(' Last words.')
    await expect(adaEditor).toContainText('Last words.', { timeout: 30_000 })
    const text = (await adaEditor.textContent()) ?? ''
    expect(text.split('Words typed on Ada’s device.')).toHaveLength(2)
    // Ada's word count takes in Bea's words too.
    await expect(ada.page.locator('.word-count')).toHaveText('11 words')
  } finally {
    for (const app of apps) await app.close()
    await server.stop()
  }
})

test('an essay deleted on one device closes in the co-author’s editor, who can undo that', async ({
  harnessBrowser,
}) => {
  test.skip(!harnessBrowser, 'two app pages on one server run in the harness project only')
  test.setTimeout(120_000)
  const server = await startTestSyncServer('tok')
  const apps: RunningApp[] = []
  try {
    const [firstDir, secondDir] = await twoDevices()
    const essaySync = { server: server.url, notebook: 'shared', token: 'tok' }
    const ada = await startHarness(harnessBrowser!, { dataDir: firstDir, essaySync })
    apps.push(ada)
    const adaEditor = await openEssay(ada.page)
    const bea = await startHarness(harnessBrowser!, { dataDir: secondDir, essaySync })
    apps.push(bea)
    const beaEditor = await openEssay(bea.page)
    await ada.page.bringToFront()
    await adaEditor.click()
    await ada.page.keyboard.type('Words from Ada.')
    await expect(beaEditor).toContainText('Words from Ada.', { timeout: 30_000 })
    await expect(ada.page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()

    await ada.page.getByRole('button', { name: 'Essay actions' }).click()
    await ada.page.getByRole('menuitem', { name: 'Delete essay…' }).click()
    await ada.page
      .getByRole('alertdialog', { name: 'Delete essay' })
      .getByRole('button', { name: 'Delete essay' })
      .click()

    // Bea's editor closes with word of why, and the essay leaves her list (it stays deleted:
    // her editor showing Ada's words is not writing in it).
    const told = bea.page.getByRole('group', {
      name: 'The essay you had open was deleted on another device.',
    })
    await expect(told).toBeVisible({ timeout: 30_000 })
    await expect(beaEditor).toBeHidden()
    const beaList = bea.page.getByRole('list', { name: 'Essays' }).getByRole('listitem')
    await expect(beaList).toHaveCount(0)

    await told.getByRole('button', { name: 'Undo' }).click()
    await expect(beaEditor).toContainText('Words from Ada.', { timeout: 30_000 })
    await expect(ada.page.getByRole('list', { name: 'Essays' }).getByRole('listitem')).toHaveCount(
      1,
      { timeout: 30_000 },
    )
  } finally {
    for (const app of apps) await app.close()
    await server.stop()
  }
})

// Sources and clippings reach the other device through the catalog sync, the essay through its doc.
test('a citation inserted on one device shows its passage through Show in source on the other', async ({
  harnessBrowser,
}) => {
  test.skip(!harnessBrowser, 'two app pages on one server run in the harness project only')
  test.setTimeout(180_000)
  const server = await startTestSyncServer('tok')
  const apps: RunningApp[] = []
  try {
    const [firstDir, secondDir] = await twoDevices()
    const essaySync = { server: server.url, notebook: 'shared', token: 'tok' }
    const ada = await startHarness(harnessBrowser!, { dataDir: firstDir, essaySync })
    apps.push(ada)
    await clipBoth(ada)
    const adaEditor = await openEssay(ada.page)
    await adaEditor.click()
    await clippingItem(ada.page, bakerQuote).getByRole('button', { name: 'Cite in essay' }).click()
    await expect(adaEditor.getByRole('figure', { name: `Citation: ${bakerTitle}` })).toContainText(
      bakerQuote,
    )

    const bea = await startHarness(harnessBrowser!, { dataDir: secondDir, essaySync })
    apps.push(bea)
    const beaEditor = await openEssay(bea.page)
    const citation = beaEditor.getByRole('figure', { name: `Citation: ${bakerTitle}` })
    await expect(citation).toContainText(bakerQuote, { timeout: 30_000 })
    await citation.hover()
    await citation.getByRole('button', { name: 'Show in source' }).click()
    const current = bea.page
      .getByRole('region', { name: 'Reader' })
      .locator('mark[aria-current="true"]')
    await expect(current).toHaveText(bakerQuote, { timeout: 30_000 })
  } finally {
    for (const app of apps) await app.close()
    await server.stop()
  }
})
