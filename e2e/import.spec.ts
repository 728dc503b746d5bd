import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, fixture, test } from './fixtures'

const bakerTitle = 'Sean Baker on why sex work keeps returning in his films'
const anoraTitle = 'Sex workers cheer Anora ahead of the Oscars'

test('importing two web pages through the open dialog lists both by title', async ({ app }) => {
  const { page } = app
  app.answerOpenDialog([
    fixture('baker-red-rocket-interview.html'),
    fixture('anora-sex-work-oscars.html'),
  ])
  await page.getByRole('button', { name: 'Import source' }).click()

  const sources = page.getByRole('list', { name: 'Sources' })
  await expect(sources).toContainText(bakerTitle)
  await expect(sources).toContainText(anoraTitle)
  await expect(sources).toContainText('CinemaBlend')

  await sources.getByText(anoraTitle).click()
  const reader = page.getByRole('region', { name: 'Reader' })
  await expect(reader).toContainText('“Sean gets sex work. He just does,”')
})

test('a bad file in a batch is named and the rest still import', async ({ app }) => {
  const { page } = app
  const empty = join(app.dataDir, '..', `empty-${Date.now()}.txt`)
  await writeFile(empty, '')
  app.answerOpenDialog([
    fixture('baker-red-rocket-interview.html'),
    empty,
    fixture('anora-sex-work-oscars.txt'),
  ])
  await page.getByRole('button', { name: 'Import source' }).click()

  await expect(page.getByRole('alert')).toContainText(`${empty.split('/').pop()}: is empty`)
  const sources = page.getByRole('list', { name: 'Sources' })
  await expect(sources).toContainText(bakerTitle)
  await expect(sources.getByRole('listitem')).toHaveCount(2)
})

test('Ctrl+O opens the import dialog too', async ({ app }) => {
  const { page } = app
  app.answerOpenDialog([fixture('anora-sex-work-oscars.html')])
  await page.getByRole('button', { name: 'Import source' }).waitFor()
  await page.keyboard.press('ControlOrMeta+o')
  await expect(page.getByRole('list', { name: 'Sources' })).toContainText(anoraTitle)
})

test('Ctrl+O pressed while an import runs opens the dialog once that import is done', async ({
  app,
}) => {
  test.skip(!app.holdOpenDialog, 'only the harness can keep a dialog open for the test')
  const { page } = app
  const importButton = page.getByRole('button', { name: 'Import source' })
  await expect(importButton).toBeEnabled()
  const firstDialog = app.holdOpenDialog!()
  app.answerOpenDialog([fixture('anora-sex-work-oscars.html')])
  await importButton.click()
  await expect(importButton).toBeDisabled()
  // The app asked for the next import while this one runs: it must not be forgotten.
  await page.keyboard.press('ControlOrMeta+o')
  firstDialog.choose([fixture('baker-red-rocket-interview.html')])

  const sources = page.getByRole('list', { name: 'Sources' })
  await expect(sources).toContainText(bakerTitle)
  await expect(sources).toContainText(anoraTitle)
  await expect(importButton).toBeEnabled()
})
