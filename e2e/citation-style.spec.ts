import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { commonplace as cli } from './environment'
import { anoraQuote, bakerQuote, clipBoth, clippingItem, exportFromMenu, startEssay } from './steps'

const bakerNote =
  '“Sean Baker on Why Sex Work Keeps Returning in His Films,” CinemaBlend, December 10, 2021, <https://example.org/cinemablend/sean-baker-red-rocket-sex-work>.'

test('export an essay in Chicago style through the essay menu: style notes, short form, bibliography', async ({
  app,
}) => {
  test.setTimeout(180_000)
  const { page } = app
  await clipBoth(app)
  const editor = await startEssay(page)
  for (const quote of [bakerQuote, anoraQuote, bakerQuote]) {
    await clippingItem(page, quote).getByRole('button', { name: 'Cite in essay' }).click()
  }
  await expect(editor.getByRole('figure')).toHaveCount(3)

  // The style is a choice in the essay's menu, remembered in Settings.
  await page.getByRole('button', { name: 'Essay actions' }).click()
  const menu = page.getByRole('menu', { name: 'Essay actions' })
  await expect(menu.getByRole('menuitemradio', { name: 'Plain' })).toHaveAttribute(
    'aria-checked',
    'true',
  )
  await menu.getByRole('menuitemradio', { name: 'Chicago notes and bibliography' }).click()
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const result = await window.commonplace.getSettings()
        return result.ok ? result.value.settings.citationStyle : null
      }),
    )
    .toBe('chicago-notes-bibliography')

  const target = join(app.dataDir, '..', `chicago-${Date.now()}.md`)
  app.answerSaveDialog(target)
  await exportFromMenu(page)
  await expect(page.getByRole('status').filter({ hasText: 'Exported to' })).toContainText(target, {
    timeout: 60_000,
  })

  const markdown = await readFile(target, 'utf8')
  expect(markdown).toContain(`> ${bakerQuote}[^1]`)
  const notes = [...markdown.matchAll(/^\[\^(\d)\]: (.*)$/gm)].map((match) => match[2])
  // The style's note, then the link to the passage itself, as every export has.
  expect(notes[0]?.startsWith(`${bakerNote} <https://example.org/cinemablend/`)).toBe(true)
  expect(notes[0]).toContain('#:~:text=')
  expect(notes[1]).toMatch(
    /^AFP, “Sex Workers Cheer Anora Ahead of the Oscars,” AFP, February 24, 2025, /,
  )
  // The same source again: Chicago's shortened note (no author: the site, then the title).
  expect(notes[2]).toMatch(
    /^CinemaBlend, “Sean Baker on Why Sex Work Keeps Returning in His Films\.” <https:\/\/example\.org\/cinemablend\/[^>]*#:~:text=/,
  )
  expect(markdown).toContain(
    '## References\n\n' +
      '- AFP. “Sex Workers Cheer Anora Ahead of the Oscars.” AFP, February 24, 2025. <https://example.org/afp/anora-sex-workers-oscars>.\n' +
      '- CinemaBlend. “Sean Baker on Why Sex Work Keeps Returning in His Films.” December 10, 2021. <https://example.org/cinemablend/sean-baker-red-rocket-sex-work>.\n',
  )

  // The CLI's --style gives the same bytes.
  const { stdout: list } = await cli(app.dataDir, 'essays', '--json')
  const [essay] = JSON.parse(list) as { id: string }[]
  const { stdout } = await cli(
    app.dataDir,
    'export',
    essay?.id ?? '',
    '--style',
    'chicago-notes-bibliography',
  )
  expect(stdout).toBe(markdown)
})
