import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { dragFilesOver } from './file-drop'
import { expect, fixture, test } from './fixtures'
import { anoraTitle, clippingCards } from './steps'

const sampleTitle = 'A short history of the commonplace book'
const sampleEssay = 'Why keep a commonplace book?'
const sampleQuote = 'A quotation is only as trustworthy as the path back to its source.'

test('an empty notebook opens on one welcome, with Import first and nothing that does nothing', async ({
  app,
}) => {
  const { page } = app
  const reader = page.getByRole('region', { name: 'Reader' })
  await expect(reader.getByRole('heading', { name: 'Welcome to Commonplace' })).toBeVisible()
  await expect(reader.getByRole('button', { name: 'Import files…' })).toBeVisible()
  await expect(reader).toContainText('or drop web pages, Markdown or text files here')
  await expect(reader.getByRole('button', { name: 'Open the sample notebook' })).toBeVisible()
  // Said once: the library says only that it is empty.
  await expect(page.getByText('Import an article to start')).toHaveCount(0)
  await expect(page.getByRole('navigation', { name: 'Library' })).toContainText('No sources yet.')
  await expect(page.getByRole('checkbox', { name: 'This source only' })).toHaveCount(0)

  await page.getByRole('button', { name: 'Essays' }).click()
  const essays = page.getByRole('region', { name: 'Essays workspace' })
  await expect(essays.getByRole('heading', { name: 'Write from your clippings' })).toBeVisible()
  await expect(essays.getByRole('button', { name: 'Verify all' })).toHaveCount(0)
  await essays.getByRole('button', { name: 'New essay' }).click()
  await expect(page.getByRole('textbox', { name: 'Essay' })).toBeVisible()

  // The welcome's Import is the library's import: the dialog, then the source open to read.
  await page.getByRole('button', { name: 'Source', exact: true }).click()
  app.answerOpenDialog([fixture('anora-sex-work-oscars.html')])
  await reader.getByRole('button', { name: 'Import files…' }).click()
  await expect(page.getByRole('heading', { level: 1, name: anoraTitle })).toBeVisible()
  await expect(page.getByRole('checkbox', { name: 'This source only' })).toBeVisible()
})

test('files dropped on the window import; a bad one is named and the other still imports', async ({
  app,
  harnessBrowser,
}) => {
  test.skip(!harnessBrowser, 'a drop of files from the OS cannot be scripted in Electron')
  const { page } = app
  const scan = join(app.dataDir, '..', `scan-${Date.now()}.pdf`)
  // Refused as it is read, before any extraction: not a PDF at all, whatever its name says.
  await writeFile(scan, 'a photo of a page, not a PDF')
  await expect(page.getByRole('button', { name: 'Import files…' })).toBeVisible()
  // Every text the progress line shows during the drop, in order.
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { progressSeen: string[] }).progressSeen = seen
    const status = document.querySelector('.file-drop-progress')
    new MutationObserver(() => {
      const text = status?.textContent ?? ''
      if (text && seen.at(-1) !== text) seen.push(text)
    }).observe(status!, { childList: true, characterData: true, subtree: true })
  })

  const held = await dragFilesOver(page, [
    { path: scan, name: scan.split('/').pop()! },
    { path: fixture('anora-sex-work-oscars.html'), name: 'anora-sex-work-oscars.html' },
  ])
  const target = page.getByTestId('file-drop-target')
  await expect(target).toContainText('Drop to import')
  await held.drop()
  await expect(target).toBeHidden()

  await expect(page.getByRole('alert')).toContainText(`${scan.split('/').pop()}: is not a PDF.`)
  const sources = page.getByRole('list', { name: 'Sources' })
  await expect(sources.getByRole('listitem')).toHaveCount(1)
  await expect(sources).toContainText(anoraTitle)
  await expect(page.getByRole('heading', { level: 1, name: anoraTitle })).toBeVisible()
  // The line counted up through the files, in order. Its last step may not reach the screen:
  // when the second file is read as fast as it is refused, React draws its end in the same frame.
  const seen = await page.evaluate(
    () => (window as unknown as { progressSeen: string[] }).progressSeen,
  )
  expect(seen[0]).toBe('Importing 1 of 2…')
  expect(seen).toEqual(['Importing 1 of 2…', 'Importing 2 of 2…'].slice(0, seen.length))
})

test('the sample notebook opens with an essay whose citations verify and lead to their passages', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'Open the sample notebook' }).click()

  // The first import of a session starts the import worker (jsdom): a few seconds on 2 cores.
  const essays = page.getByRole('region', { name: 'Essays workspace' })
  await expect(essays.getByRole('list', { name: 'Essays' })).toContainText(sampleEssay, {
    timeout: 20_000,
  })
  const editor = page.getByRole('textbox', { name: 'Essay' })
  const citations = editor.getByRole('figure', { name: `Citation: ${sampleTitle}` })
  await expect(citations).toHaveCount(4)
  await expect(citations.filter({ hasText: 'Verified' })).toHaveCount(4)
  await expect(page.getByRole('list', { name: 'Sources' })).toContainText(sampleTitle)
  await expect(clippingCards(page.getByRole('list', { name: 'Clippings' }))).toHaveCount(5)

  const citation = citations.filter({ hasText: sampleQuote })
  await citation.hover()
  await citation.getByRole('button', { name: 'Show in source' }).click()
  const reader = page.getByRole('region', { name: 'Reader' })
  await expect(reader.locator('mark[aria-current="true"]')).toHaveText(sampleQuote)

  // Once only: a notebook that holds anything is left as it is.
  await app.sendMenuCommand('open-sample')
  await expect(page.getByRole('alert')).toContainText(
    'The sample notebook opens only in an empty notebook, and this one already has 1 source and 1 essay.',
  )
  await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(1)
})
