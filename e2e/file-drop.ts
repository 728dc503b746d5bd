// Drops files on the app as the OS does: a real DataTransfer holding File objects, dispatched as
// dragenter, dragover and drop. Each File is registered with the preload shim as standing for a
// file on disk, which is what Electron's webUtils.getPathForFile answers for a dropped file.
import type { Locator, Page } from '@playwright/test'
import { dropPathHook } from './preload-shim'

export interface DroppedFile {
  /** The file on disk main imports. */
  path: string
  /** The name the File carries, as the OS gives it. */
  name: string
}

/** Drags the files over `target` (the window's body by default) and leaves them hovering. */
export async function dragFilesOver(
  page: Page,
  files: DroppedFile[],
  target: Locator = page.locator('body'),
): Promise<{ drop: () => Promise<void> }> {
  const dataTransfer = await page.evaluateHandle(
    ([files, hook]) => {
      const transfer = new DataTransfer()
      const register = (window as unknown as Record<string, (file: File, path: string) => void>)[
        hook
      ]
      for (const { path, name } of files) {
        const file = new File(['(the file on disk is what is imported)'], name)
        register!(file, path)
        transfer.items.add(file)
      }
      return transfer
    },
    [files, dropPathHook] as const,
  )
  await target.dispatchEvent('dragenter', { dataTransfer })
  await target.dispatchEvent('dragover', { dataTransfer })
  return { drop: () => target.dispatchEvent('drop', { dataTransfer }) }
}
