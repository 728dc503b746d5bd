import { openCommonplace } from '../src/main/core/commonplace'
import { expect, test } from './fixtures'
import { openEssayCiting } from './long-essay-steps'

const CITATIONS = 1000

test('Find in essay reaches a match far down a long essay, steps through the matches, and Esc returns to the text with the match selected', async ({
  app,
}) => {
  test.setTimeout(120_000)
  const { page } = app
  const { essayId, editor } = await openEssayCiting(app, CITATIONS)
  await editor.getByText('Paragraph 2:').click()

  await page.keyboard.press('ControlOrMeta+f')
  const bar = page.getByRole('search', { name: 'Find in essay' })
  const find = bar.getByRole('searchbox', { name: 'Find in essay' })
  const count = bar.getByRole('status')
  await expect(find).toBeFocused()

  // Far below the view, in a block not laid out: shown, and marked.
  await find.fill('paragraph 990:')
  await expect(count).toHaveText('1 of 1')
  await expect(editor.getByText('Paragraph 990:')).toBeInViewport()
  await expect
    .poll(() => page.evaluate(() => CSS.highlights.get('essay-find-current')?.size ?? 0))
    .toBe(1)

  // Enter and Shift+Enter go round the matches.
  await find.fill('Paragraph 99')
  await expect(count).toHaveText('1 of 11')
  await page.keyboard.press('Enter')
  await expect(count).toHaveText('2 of 11')
  await page.keyboard.press('Shift+Enter')
  await page.keyboard.press('Shift+Enter')
  await expect(count).toHaveText('11 of 11')
  await expect(editor.getByText('Paragraph 999:')).toBeInViewport()

  await find.fill('words no paragraph has')
  await expect(count).toHaveText('No matches')

  // Esc: back in the essay, the match selected, so typing replaces it.
  await find.fill('Paragraph 990:')
  await expect(count).toHaveText('1 of 1')
  await page.keyboard.press('Escape')
  await expect(bar).toBeHidden()
  await page.keyboard.type('Found:')
  await expect(editor.getByText('Found: the writer weighs')).toBeInViewport()
  await expect(editor.getByText('Paragraph 990:')).toHaveCount(0)
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('essay-find-current'))).toBe(false)

  // Saved as typed.
  const saved = async (): Promise<string> =>
    JSON.stringify((await (await openCommonplace(app.dataDir)).essays.get(essayId)).editorState)
  await expect.poll(saved, { timeout: 30_000 }).toContain('Found: the writer weighs')
})
