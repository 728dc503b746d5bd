// Citing a clipping of a PDF: its card names the page, and the citation starts with that page in
// its locator field. The notebook holds a paged source made through the store (no PDF import).
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCommonplace } from '../src/main/core/commonplace'
import { createLaidOutSource } from '../test/laid-out-sources'
import { expect, test } from './fixtures'
import { clippingItem, startEssay } from './steps'

const QUOTE = 'The silt returned within a year.'

async function pagedNotebook(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'commonplace-e2e-paged-')), 'notebook')
  const app = await openCommonplace(dir)
  const report = await createLaidOutSource(
    app.store,
    [
      { label: '11', text: 'Dredging began in the spring.' },
      { label: '12', text: QUOTE },
    ],
    { title: 'Harbour Report', publisher: 'Port Authority' },
  )
  await app.clippings.createFromQuote({ sourceId: report.id, quote: QUOTE })
  return dir
}

test.use({ notebook: { prepare: pagedNotebook } })
test.setTimeout(120_000)

test('a citation of a paged clipping starts with its page in the locator field', async ({
  app,
}) => {
  const { page } = app
  const card = clippingItem(page, QUOTE)
  await expect(card.locator('.clipping-source')).toContainText('Harbour Report, p. 12', {
    timeout: 30_000,
  })
  const editor = await startEssay(page)
  await card.getByRole('button', { name: 'Cite in essay' }).click()
  const citation = editor.getByRole('figure', { name: 'Citation: Harbour Report' })
  await expect(citation).toContainText(QUOTE)
  await expect(citation.locator('figcaption')).toContainText('Harbour Report, p. 12')
  await citation.hover()
  await expect(citation.getByRole('textbox', { name: 'Locator' })).toHaveValue('p. 12')
})
