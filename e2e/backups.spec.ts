import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { bakerQuote, citeFromBaker, clippingItem } from './steps'

test('a backup restored from the Backups dialog brings back a deleted clipping', async ({
  app,
}) => {
  const { page } = app
  await citeFromBaker(app, [bakerQuote])
  await page.getByRole('button', { name: 'Backups…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Backups' })
  await dialog.getByRole('button', { name: 'Back up now' }).click()
  const backups = dialog.getByRole('list', { name: 'Backups' }).getByRole('listitem')
  await expect(backups.first()).toContainText('1 source, 1 clipping, 1 essay')
  await dialog.getByRole('button', { name: 'Close' }).click()

  await clippingItem(page, bakerQuote).getByRole('button', { name: 'Delete clipping' }).click()
  await page
    .getByRole('alertdialog', { name: 'Delete cited clipping' })
    .getByRole('button', { name: 'Delete anyway' })
    .click()
  await expect(clippingItem(page, bakerQuote)).toHaveCount(0)

  await page.getByRole('button', { name: 'Backups…' }).click()
  await backups
    .first()
    .getByRole('button', { name: /^Restore the backup of/ })
    .click()
  const confirm = dialog.getByRole('alertdialog', { name: 'Restore backup' })
  await expect(confirm).toContainText('backed up first')
  await confirm.getByRole('button', { name: 'Restore', exact: true }).click()

  await expect(clippingItem(page, bakerQuote)).toBeVisible()
  await page.getByRole('button', { name: 'Backups…' }).click()
  // The notebook as it was before the restore is a backup of its own.
  await expect(backups.first()).toContainText('before a restore')
  await expect(backups.first()).toContainText('1 source, 0 clippings, 1 essay')
})

test('a damaged index opens the recovery screen, which restores the newest good backup', async ({
  app,
}) => {
  const { page } = app
  await citeFromBaker(app, [bakerQuote])
  await page.getByRole('button', { name: 'Backups…' }).click()
  await page
    .getByRole('dialog', { name: 'Backups' })
    .getByRole('button', { name: 'Back up now' })
    .click()
  await expect(page.getByRole('status').filter({ hasText: 'Backed up' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()

  // Another program damages the index while nothing is waiting to be saved.
  await writeFile(join(app.dataDir, 'library.json'), 'null')
  await app.restart()
  const recovery = page.getByRole('main', { name: 'Recover the notebook' })
  await expect(recovery.getByRole('alert')).toContainText('holds null, not an index')
  await expect(recovery.getByRole('alert')).toContainText('library.json.damaged-')
  await recovery
    .getByRole('button', { name: /^Restore the backup of/ })
    .first()
    .click()
  await recovery
    .getByRole('alertdialog', { name: 'Restore backup' })
    .getByRole('button', { name: 'Restore', exact: true })
    .click()
  await expect(clippingItem(page, bakerQuote)).toBeVisible()
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(1)
})

test('the recovery screen rebuilds a missing index from the files', async ({ app }) => {
  const { page } = app
  await citeFromBaker(app, [bakerQuote])
  await expect(clippingItem(page, bakerQuote)).toContainText('Cited in 1 essay')
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  await rm(join(app.dataDir, 'library.json'))
  await app.restart()
  const recovery = page.getByRole('main', { name: 'Recover the notebook' })
  await expect(recovery.getByRole('alert')).toContainText('library.json is missing')
  await recovery.getByRole('button', { name: 'Rebuild from files' }).click()
  await expect(clippingItem(page, bakerQuote)).toContainText('Cited in 1 essay')
})
