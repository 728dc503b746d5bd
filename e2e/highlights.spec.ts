import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { repoRoot } from './environment'
import { expect, fixture, test } from './fixtures'
import { bakerPage, bakerTitle, clippingItem, startEssay } from './steps'

// Importing a page and a highlights file take a while on a loaded machine; nothing here is timed.
test.setTimeout(90_000)

const hypocrisy = 'I hate the hypocrisy in our society'
const wildFilm = 'it’s a pretty wild film.'

test('File > Import highlights: a Hypothesis export anchors in the page already imported, and its clippings can be cited', async ({
  app,
}) => {
  const { page } = app
  app.answerOpenDialog([fixture(bakerPage)])
  await page.getByRole('button', { name: 'Import source' }).click()
  const reader = page.getByRole('region', { name: 'Reader' })
  await expect(reader).toContainText(hypocrisy, { timeout: 20_000 })

  app.answerOpenDialog([join(repoRoot, 'test', 'highlights', 'hypothesis.json')])
  await app.sendMenuCommand('import-highlights')
  await expect(page.getByRole('status').filter({ hasText: 'highlights imported' })).toContainText(
    '2 highlights imported: 2 verified',
    { timeout: 20_000 },
  )
  // The broken annotation is named, by file and index.
  await expect(page.getByText('hypothesis.json, annotation 4: uri')).toBeVisible()

  // Both appear in the panel with their note, and are marked in the reader where they stand.
  await expect(clippingItem(page, hypocrisy)).toContainText(
    'Why Baker keeps coming back to the subject.',
  )
  await expect(clippingItem(page, wildFilm)).toBeVisible()
  await expect(reader.locator('mark.clip-mark')).toHaveText([hypocrisy, wildFilm])

  await startEssay(page)
  await clippingItem(page, hypocrisy).getByRole('button', { name: 'Cite in essay' }).click()
  const citation = page.getByRole('figure', { name: `Citation: ${bakerTitle}` })
  await expect(citation).toContainText(hypocrisy)
  await expect(citation).toContainText('Verified')
})

test('highlights of a page not in the library make a "Highlights only" source, until the page is imported', async ({
  app,
}) => {
  const { page } = app
  // The page listens for menu commands once it has started.
  await expect(page.getByRole('heading', { name: 'Welcome to Commonplace' })).toBeVisible()
  app.answerOpenDialog([join(repoRoot, 'test', 'highlights', 'hypothesis.json')])
  await app.sendMenuCommand('import-highlights')
  await expect(page.getByRole('status').filter({ hasText: 'highlights imported' })).toContainText(
    'highlights only: import the page itself to anchor them',
    { timeout: 20_000 },
  )
  const library = page.getByRole('list', { name: 'Sources' })
  const row = library.getByRole('listitem').filter({ hasText: bakerTitle })
  await expect(row).toContainText('Highlights only')
  await row.getByRole('button', { name: `${bakerTitle} Highlights only` }).click()
  const reader = page.getByRole('region', { name: 'Reader' })
  await expect(reader).toContainText('Import the page itself to anchor these highlights in it.')

  // The page itself: the same source, now with the whole article, and the highlights in it.
  app.answerOpenDialog([fixture(bakerPage)])
  await page.getByRole('button', { name: 'Import source' }).click()
  await expect(reader).toContainText('Sean Baker’s new film Red Rocket', { timeout: 20_000 })
  await expect(library.getByRole('listitem')).toHaveCount(1)
  await expect(library).not.toContainText('Highlights only')
  await expect(reader).not.toContainText('Import the page itself')
  await expect(reader.locator('mark.clip-mark')).toHaveText([hypocrisy, wildFilm])
})

test('a highlight the page words otherwise shows the change, and the page’s wording can be accepted', async ({
  app,
}, testInfo) => {
  const { page } = app
  app.answerOpenDialog([fixture(bakerPage)])
  await page.getByRole('button', { name: 'Import source' }).click()
  const reader = page.getByRole('region', { name: 'Reader' })
  await expect(reader).toContainText(hypocrisy, { timeout: 20_000 })

  // Hypothesis kept an earlier wording of the page; the page imported here says "hard to watch".
  const file = testInfo.outputPath('reworded.json')
  const annotation = {
    id: 'hyp-reworded',
    uri: 'https://example.org/cinemablend/sean-baker-red-rocket-sex-work',
    text: '',
    tags: [],
    document: { title: [bakerTitle] },
    target: [
      {
        source: 'https://example.org/cinemablend/sean-baker-red-rocket-sex-work',
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'Equal parts bizarre, funny, dramatic, and difficult to watch.',
          },
        ],
      },
    ],
  }
  await writeFile(file, JSON.stringify([annotation]))
  app.answerOpenDialog([file])
  await app.sendMenuCommand('import-highlights')
  await expect(page.getByRole('status').filter({ hasText: 'imported' })).toContainText(
    '1 highlight imported: 1 changed',
    { timeout: 20_000 },
  )
  const card = clippingItem(page, 'Equal parts bizarre, funny, dramatic, and hard to watch.')
  const change = card.getByRole('group', { name: 'Changed in the updated source' })
  // The diff runs from the highlight's words to the page's; the highlight's own words verify
  // nowhere, so only the page's can be taken.
  await expect(change.locator('del')).toHaveText('difficult')
  await expect(change.locator('ins')).toHaveText('hard')
  await expect(change.getByRole('button', { name: 'Keep old wording' })).toHaveCount(0)
  await change.getByRole('button', { name: 'Accept new wording' }).click()
  await expect(change).toHaveCount(0)
  await expect(card.locator('.health-badge')).toHaveCount(0)
})
