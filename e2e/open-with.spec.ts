// Opening files with Commonplace (a double-clicked .md, a second start naming files): the page is
// told, imports them as it imports from the dialog, and shows the same summary.
import { join } from 'node:path'
import { expect, fixture, test } from './fixtures'

const anoraTitle = 'Sex workers cheer Anora ahead of the Oscars'

test('a file opened with the app is imported, opened in the reader and announced', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'Import source' }).waitFor()
  await app.openWithApp([fixture('anora-sex-work-oscars.html')])
  await expect(page.getByRole('list', { name: 'Sources' })).toContainText(anoraTitle)
  await expect(page.getByText(`Imported “${anoraTitle}”`)).toBeVisible()
  await expect(page.getByRole('region', { name: 'Reader' })).toContainText(
    '“Sean gets sex work. He just does,”',
  )
})

test('a missing file opened with the app is named in an alert; the others import', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'Import source' }).waitFor()
  const missing = join(app.dataDir, '..', `gone-${Date.now()}.md`)
  await app.openWithApp([missing, fixture('anora-sex-work-oscars.txt')])
  await expect(page.getByRole('alert')).toContainText(missing.split('/').pop()!)
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(1)
})
