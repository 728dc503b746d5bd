import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, fixture, test } from './fixtures'
import { anoraTitle } from './steps'

const entry = `@online{afpSexWorkersCheer2025,
  title = {Sex Workers Cheer {Anora} Ahead of the {Oscars}},
  author = {{Agence France-Presse}},
  date = {2025-02-24},
  doi = {10.5555/afp.2025.0224},
}`

test('Edit details: a pasted BibTeX entry fills the fields, and Save keeps its citation key', async ({
  app,
}) => {
  test.setTimeout(90_000)
  const { page } = app
  app.answerOpenDialog([fixture('anora-sex-work-oscars.html')])
  await page.getByRole('button', { name: 'Import source' }).click()
  const reader = page.getByRole('region', { name: 'Reader' })
  await expect(reader.getByRole('heading', { name: anoraTitle })).toBeVisible()

  await reader.getByRole('button', { name: 'Edit details' }).click()
  const form = reader.getByRole('form', { name: 'Source details' })
  await form.getByRole('button', { name: 'Paste BibTeX or CSL-JSON…' }).click()
  const pasteBox = form.getByRole('textbox', { name: 'BibTeX or CSL-JSON entry' })

  // Two entries at once are refused, and the fields stay as they were.
  await pasteBox.fill(`${entry}\n@misc{other, title = {Other}}`)
  await form.getByRole('button', { name: 'Fill details from entry' }).click()
  await expect(form.getByRole('alert')).toHaveText('The pasted entry holds 2 entries: paste one.')
  await expect(form.getByRole('textbox', { name: 'Author' })).toHaveValue('AFP')

  await pasteBox.fill(entry)
  await form.getByRole('button', { name: 'Fill details from entry' }).click()
  await expect(form.getByRole('status')).toContainText('Filled 5 fields from the entry')
  await expect(form.getByRole('textbox', { name: 'Citation key' })).toHaveValue(
    'afpSexWorkersCheer2025',
  )
  await expect(form.getByRole('textbox', { name: 'Author' })).toHaveValue('Agence France-Presse')
  await expect(form.getByRole('textbox', { name: 'ISBN or DOI' })).toHaveValue(
    '10.5555/afp.2025.0224',
  )
  await expect(form.getByRole('textbox', { name: 'Published' })).toHaveValue('2025-02-24')
  // What the entry does not give is left as it was.
  await expect(form.getByRole('textbox', { name: 'URL' })).toHaveValue(
    'https://example.org/afp/anora-sex-workers-oscars',
  )

  await form.getByRole('button', { name: 'Save details' }).click()
  await expect(form).toBeHidden()
  const newTitle = 'Sex Workers Cheer Anora Ahead of the Oscars'
  await expect(reader.getByRole('heading', { name: newTitle })).toBeVisible()
  // Saved: the form opens with the key, and the notebook holds it for exports.
  await reader.getByRole('button', { name: 'Edit details' }).click()
  await expect(form.getByRole('textbox', { name: 'Citation key' })).toHaveValue(
    'afpSexWorkersCheer2025',
  )
  await expect
    .poll(async () => readFile(join(app.dataDir, 'library.json'), 'utf8'))
    .toContain('"citationKey":"afpSexWorkersCheer2025"')
})
