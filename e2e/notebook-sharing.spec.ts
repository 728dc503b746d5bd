import { join } from 'node:path'
import { commonplace } from './environment'
import { expect, fixture, test } from './fixtures'
import { bakerTitle, clippingItem, startEssay } from './steps'

test('what the CLI does while the app is open shows in the app, without a restart', async ({
  app,
}) => {
  const { page } = app
  await commonplace(app.dataDir, 'import', fixture('baker-red-rocket-interview.html'))
  const sources = page.getByRole('list', { name: 'Sources' })
  await expect(sources).toContainText(bakerTitle)

  const { stdout } = await commonplace(app.dataDir, 'sources', '--json')
  const [baker] = JSON.parse(stdout) as { id: string }[]
  const quote = 'I hate the hypocrisy in our society'
  await commonplace(app.dataDir, 'clip', baker?.id ?? '', '--quote', quote, '--tag', 'from-cli')
  await expect(clippingItem(page, quote)).toBeVisible()

  // The app goes on writing the same source: the CLI's clipping is not overwritten.
  await sources.getByText(bakerTitle).click()
  await startEssay(page)
  await clippingItem(page, quote).getByRole('button', { name: 'Cite in essay' }).click()
  await expect(clippingItem(page, quote)).toContainText('Cited in 1 essay')
  const listed = await commonplace(app.dataDir, 'clippings', '--json')
  expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ tags: ['from-cli'] })])

  // An essay imported by the CLI appears in the app's list.
  const { stdout: exported } = await commonplace(app.dataDir, 'essays', '--json')
  const [essay] = JSON.parse(exported) as { id: string }[]
  const path = join(app.dataDir, '..', `exported-${Date.now()}.md`)
  await commonplace(app.dataDir, 'export', essay?.id ?? '', '-o', path)
  await commonplace(app.dataDir, 'import-essay', path)
  await expect(page.getByRole('list', { name: 'Essays' }).getByRole('listitem')).toHaveCount(2)
})
