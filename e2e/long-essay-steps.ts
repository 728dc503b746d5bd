// Opening a long essay in the e2e tests: the notebook seeded through the services, then the app.
import type { Locator } from '@playwright/test'
import { seedEssayWithCitations } from '../bench/essay-seed'
import { openCommonplace } from '../src/main/core/commonplace'
import { expect, type RunningApp } from './fixtures'

/**
 * Seeds an essay citing `citations` clippings, restarts the app on it and opens Essays; resolves
 * once every citation block is in the editor (laid out or not).
 */
export async function openEssayCiting(
  app: RunningApp,
  citations: number,
): Promise<{ essayId: string; editor: Locator }> {
  const essayId = await seedEssayWithCitations(await openCommonplace(app.dataDir), citations)
  await app.restart()
  await app.page.getByRole('button', { name: 'Essays' }).click()
  const editor = app.page.getByRole('textbox', { name: 'Essay' })
  await expect(editor.locator('figure')).toHaveCount(citations, { timeout: 30_000 })
  return { essayId, editor }
}
