import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { exportFromMenu, startEssay } from './steps'

// Blocks as another tool or a damaged copy might leave them: a kind Commonplace does not have,
// and a citation that lost its snapshot, each with its keys in its own order.
const table = {
  version: 1,
  type: 'table',
  caption: 'Zoë’s “numbers”\u00a0— 𝔘',
  rows: [['a', 1.5, null, true]],
  children: [{ type: 'tablerow', version: 1, children: [] }],
}
const snapshotless = {
  clippingId: 'c_gone',
  type: 'citation-block',
  version: 1,
  sourceId: 's_gone',
  locator: 'p. 3',
  comment: 'from the old notebook',
}

/** A block as the store writes it: compact JSON, its keys in their own order. */
const asWritten = (block: unknown): string => JSON.stringify(block)

test('an essay with blocks it cannot read opens, keeps them byte for byte, and lets one go', async ({
  app,
}) => {
  const { page } = app
  const editor = await startEssay(page)
  await page.keyboard.type('Written before.')
  const library = JSON.parse(await readFile(join(app.dataDir, 'library.json'), 'utf8'))
  const file = join(app.dataDir, 'essays', `${library.essays[0].id}.json`)
  await expect.poll(() => readFile(file, 'utf8')).toContain('Written before.')

  // Another tool adds the two blocks to the file; Commonplace starts again.
  const saved = JSON.parse(await readFile(file, 'utf8'))
  saved.editorState.root.children.push(table, snapshotless)
  const original = JSON.stringify(saved)
  expect(original).toContain(asWritten(table))
  await writeFile(file, original)
  await app.restart()
  await page.getByRole('button', { name: 'Essays' }).click()

  const placeholders = editor.getByRole('group', { name: 'Unreadable block' })
  await expect(placeholders).toHaveCount(2)
  await expect(placeholders.nth(0)).toContainText('a “table” block')
  await expect(placeholders.nth(1)).toContainText('a “citation-block” block')
  await placeholders.nth(1).getByRole('button', { name: 'Show contents' }).click()
  await expect(placeholders.nth(1)).toContainText('"clippingId": "c_gone"')

  // The export gate lists both, and nothing is written unless the writer agrees.
  await exportFromMenu(page)
  const gate = page.getByRole('alertdialog', { name: 'Unverified quotes' })
  await expect(gate).toContainText('2 blocks of the essay could not be read:')
  await expect(gate.getByRole('listitem')).toHaveCount(2)
  await gate.getByRole('button', { name: 'Cancel' }).click()

  // Typing elsewhere saves the essay; the two blocks go back exactly as they were read.
  await editor.getByText('Written before.').click()
  await page.keyboard.press('End')
  await page.keyboard.type(' And after.')
  await expect.poll(() => readFile(file, 'utf8')).toContain('Written before. And after.')
  const written = await readFile(file, 'utf8')
  expect(written).toContain(asWritten(table))
  expect(written).toContain(asWritten(snapshotless))

  // The writer removes one; the other stays, as it was.
  await placeholders.nth(0).getByRole('button', { name: 'Remove block' }).click()
  await expect(placeholders).toHaveCount(1)
  await expect.poll(() => readFile(file, 'utf8')).not.toContain('"tablerow"')
  expect(await readFile(file, 'utf8')).toContain(asWritten(snapshotless))
  await app.restart()
  await page.getByRole('button', { name: 'Essays' }).click()
  await expect(editor).toContainText('Written before. And after.')
  await expect(placeholders).toHaveCount(1)
})
