import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { ResumeState } from '../src/shared/settings'
import { expect, fixture, test } from './fixtures'
import { anoraTitle, bakerPage, bakerTitle } from './steps'

/** Where the app has saved that the writer is, as main would read it at the next start. */
async function savedResume(page: Page): Promise<ResumeState & { essayTitle: string | null }> {
  return page.evaluate(async () => {
    const api = window.commonplace
    const settings = await api.getSettings()
    const essays = await api.listEssays()
    if (!settings.ok || !essays.ok) throw new Error('main did not answer')
    const resume = settings.value.resume
    const essay = essays.value.find((summary) => summary.id === resume.essayId)
    return { ...resume, essayTitle: essay?.title ?? null }
  })
}

/** The paragraph at the top of the reader and how far below the reader's top edge it starts. */
async function topParagraph(page: Page): Promise<{ text: string; top: number } | null> {
  return page.evaluate(() => {
    const scroller = document.querySelector<HTMLElement>('.reader-scroll')
    if (!scroller || scroller.clientHeight === 0) return null
    const edge = scroller.getBoundingClientRect().top
    for (const block of document.querySelectorAll<HTMLElement>('.reader-body [data-start]')) {
      const rect = block.getBoundingClientRect()
      if (rect.bottom > edge) {
        return { text: block.textContent ?? '', top: Math.round(rect.top - edge) }
      }
    }
    return null
  })
}

async function nameEssay(page: Page, title: string, text: string): Promise<void> {
  await page.getByRole('button', { name: 'New essay' }).click()
  // The new essay's own title field, not the one of the essay open before it.
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Untitled essay')
  await page.getByRole('textbox', { name: 'Title' }).fill(title)
  await page.getByRole('textbox', { name: 'Title' }).press('Enter')
  await page.getByRole('textbox', { name: 'Essay' }).click()
  await page.keyboard.type(text)
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
}

test('after a restart the app is back at the same essay, view, source and place in the source', async ({
  app,
}) => {
  // Two restarts and two essays on a shared, busy machine.
  test.setTimeout(90_000)
  const { page } = app
  app.answerOpenDialog([fixture(bakerPage), fixture('anora-sex-work-oscars.html')])
  await page.getByRole('button', { name: 'Import source' }).click()
  const reader = page.getByRole('region', { name: 'Reader' })

  // Reading the Baker interview, some way down.
  await page.getByRole('list', { name: 'Sources' }).getByText(bakerTitle).click()
  await expect(reader.getByRole('heading', { level: 1, name: bakerTitle })).toBeVisible()
  await reader.locator('.reader-body').hover()
  await page.mouse.wheel(0, 1500)
  await expect.poll(async () => (await savedResume(page)).reading?.offset ?? 0).toBeGreaterThan(0)
  const place = await topParagraph(page)
  expect(place?.text).not.toBe('')

  // Two essays; the older one is the one left open, so "the latest" would be the wrong answer.
  await page.getByRole('button', { name: 'Essays', exact: true }).click()
  await nameEssay(page, 'On Baker', 'Baker listens.')
  await nameEssay(page, 'On Anora', 'Anora won.')
  await page
    .getByRole('list', { name: 'Essays' })
    .getByRole('button', { name: /On Baker/ })
    .click()
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('On Baker')
  await expect
    .poll(async () => {
      const saved = await savedResume(page)
      return [saved.view, saved.essayTitle]
    })
    .toEqual(['essay', 'On Baker'])

  await app.restart()

  // The Essays view, with the essay that was open: nothing clicked.
  await expect(page.getByRole('button', { name: 'Essays', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('On Baker')
  await expect(page.getByRole('textbox', { name: 'Essay' })).toContainText('Baker listens.')

  // The source that was open, at the same paragraph in the same spot.
  await page.getByRole('button', { name: 'Source', exact: true }).click()
  await expect(reader.getByRole('heading', { level: 1, name: bakerTitle })).toBeVisible()
  await expect.poll(() => topParagraph(page)).toEqual(place)

  // Left on the Source view this time: it opens there, at that place again.
  await expect.poll(async () => (await savedResume(page)).view).toBe('reader')
  await app.restart()
  await expect(page.getByRole('button', { name: 'Source', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(reader.getByRole('heading', { level: 1, name: bakerTitle })).toBeVisible()
  await expect.poll(() => topParagraph(page)).toEqual(place)
  // Opening another source starts at its top, as before.
  await page.getByRole('list', { name: 'Sources' }).getByText(anoraTitle).click()
  await expect(reader.getByRole('heading', { level: 1, name: anoraTitle })).toBeVisible()
  await expect.poll(async () => (await topParagraph(page))?.top).toBeGreaterThan(0)
})

test.describe('a remembered essay and source that no longer exist', () => {
  test.use({
    notebook: {
      prepare: async () => {
        const dataDir = await mkdtemp(join(tmpdir(), 'commonplace-e2e-'))
        const resume: ResumeState = {
          view: 'essay',
          sourceId: 's-gone1234',
          essayId: 'e-gone1234',
          reading: { sourceId: 's-gone1234', offset: 500, fraction: 0.5 },
        }
        await writeFile(
          join(dataDir, 'settings.json'),
          JSON.stringify({ schemaVersion: 1, resume }),
        )
        return dataDir
      },
    },
  })

  test('are passed over quietly: the last view opens, with nothing missing announced', async ({
    app,
  }) => {
    const { page } = app
    await expect(page.getByRole('button', { name: 'Essays', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await expect(page.getByRole('heading', { name: 'Write from your clippings' })).toBeVisible()
    await expect(page.getByRole('alert')).toHaveCount(0)
  })
})
