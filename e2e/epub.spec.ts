// A book's journey: import an EPUB, go to its second chapter from the Contents, clip a passage
// there, cite it in an essay, export it, and find the passage again from the citation.
import AxeBuilder from '@axe-core/playwright'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { bookEpub, bookMetadata } from '../test/epub-fixtures'
import { expect, test } from './fixtures'
import { selectInReader } from './reader-selection'
import { clippingItem, exportFromMenu, startEssay } from './steps'

// In chapter 2, across the marker where printed page 11 begins (after "Oscars").
const quote = 'Baker’s journey to the Oscars began in the San Fernando Valley'

test('import an EPUB, clip from chapter 2 through the Contents, cite, export, show in source', async ({
  app,
}) => {
  test.setTimeout(180_000)
  const { page } = app
  app.answerOpenDialog([await bookEpub()])
  await page.getByRole('button', { name: 'Import source' }).click()
  const reader = page.getByRole('region', { name: 'Reader' })
  await expect(reader.getByRole('heading', { level: 1, name: bookMetadata.title })).toBeVisible({
    timeout: 60_000,
  })

  const contents = reader.getByRole('navigation', { name: 'Contents' })
  await expect(contents.getByRole('link')).toHaveText([
    'Red Rocket',
    'Anora at the Oscars',
    'A Film That Gets It Right',
  ])
  // The contents and the chapter sections read well to axe, light and dark.
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
    const { violations } = await new AxeBuilder({ page }).include('.reader').analyze()
    const serious = violations.filter((each) => ['serious', 'critical'].includes(each.impact ?? ''))
    expect(serious.map((each) => `${scheme}: ${each.id}`)).toEqual([])
  }
  await page.emulateMedia({ colorScheme: 'light' })

  const chapter = reader.getByRole('region', { name: 'Anora at the Oscars' })
  const chapterHeading = chapter.getByRole('heading', { name: 'Anora at the Oscars' })
  await expect(chapterHeading).not.toBeInViewport()
  await expect(contents.getByRole('link', { name: 'Red Rocket' })).toHaveAttribute(
    'aria-current',
    'location',
  )
  await contents.getByRole('link', { name: 'Anora at the Oscars' }).click()
  await expect(chapterHeading).toBeInViewport()
  await expect(contents.getByRole('link', { name: 'Anora at the Oscars' })).toHaveAttribute(
    'aria-current',
    'location',
  )
  await expect(chapter).toBeFocused()

  await selectInReader(page, quote)
  await page.getByRole('button', { name: 'Clip selection' }).click()
  await expect(clippingItem(page, quote)).toBeVisible()

  const editor = await startEssay(page)
  await clippingItem(page, quote).getByRole('button', { name: 'Cite in essay' }).click()
  const citation = editor.getByRole('figure', { name: `Citation: ${bookMetadata.title}` })
  await expect(citation).toContainText(quote)
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()

  const target = join(app.dataDir, '..', `book-export-${Date.now()}.md`)
  app.answerSaveDialog(target)
  await exportFromMenu(page)
  await expect(page.getByRole('status').filter({ hasText: 'Exported to' })).toContainText(target)
  const markdown = await readFile(target, 'utf8')
  expect(markdown).toContain(`> ${quote}[^1]`)
  const footnote = markdown.split('\n').find((line) => line.startsWith('[^1]:'))
  expect(footnote).toContain(bookMetadata.title)
  expect(footnote).toContain('Ada Reviewer')
  // The book has a page list: the citation names the printed page(s) the passage is on.
  expect(footnote).toMatch(/, pp?\. \d+(–\d+)?/)

  // The essay took the reader's place; "Show in source" brings the book back at the passage.
  await citation.hover()
  await citation.getByRole('button', { name: 'Show in source' }).click()
  const current = reader.locator('mark[aria-current="true"]')
  await expect(current).toHaveText(quote)
  await expect(current.first()).toBeInViewport()
})
