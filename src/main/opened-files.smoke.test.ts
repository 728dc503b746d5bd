// Files opened with Commonplace (a double-clicked .md, paths on the command line, macOS's
// open-file) through the built main bundle on the stand-in for `electron`: main queues them, tells
// the page, and imports them when the page asks, as the page does on loading.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { channels, menuCommandChannel, type ImportReport, type Result } from '../shared/ipc'
import { navigationEvent } from '../../test/electron-stand-in'
import {
  appExecutable,
  fromApp,
  handlerFor,
  startWindow,
  tempDir,
  type Started,
} from '../../test/main-bundle'

/** A Markdown file to open, in a folder of its own. */
async function markdownFile(name: string, title: string): Promise<string> {
  const path = join(await tempDir(), name)
  await writeFile(path, `# ${title}\n\nA paragraph worth quoting about ${title.toLowerCase()}.\n`)
  return path
}

/** What the page does on loading, and when told files were opened: asks main to import them. */
async function pageImportsOpenedFiles(started: Started): Promise<ImportReport> {
  const result = (await handlerFor(
    started,
    channels.importOpenedFiles,
  )(fromApp)) as Result<ImportReport>
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

async function sourceTitles(started: Started): Promise<string[]> {
  const result = (await handlerFor(started, channels.listSources)(fromApp)) as Result<{
    items: { title: string }[]
  }>
  return result.ok ? result.value.items.map((source) => source.title) : []
}

const toldThePage = [menuCommandChannel, 'import-opened-files']

describe('files opened with Commonplace', () => {
  it('macOS: a file opened before the app was ready is imported once the page asks', async () => {
    const file = await markdownFile('field-notes.md', 'Field Notes')
    const openFile = navigationEvent('')
    const started = await startWindow({
      platform: 'darwin',
      beforeReady: ({ app }) => app.emit('open-file', openFile, file),
    })
    // Handled by the app, not by macOS's default (which would refuse the document).
    expect(openFile.prevented).toBe(true)
    const report = await pageImportsOpenedFiles(started)
    expect(report.imported.map((source) => source.title)).toEqual(['Field Notes'])
    expect(report.failed).toEqual([])
    expect(await sourceTitles(started)).toEqual(['Field Notes'])
    // Taken once: asking again imports nothing twice.
    expect(await pageImportsOpenedFiles(started)).toEqual({ imported: [], failed: [] })
  })

  it('macOS: a file opened while running tells the page and brings the window to the front', async () => {
    const started = await startWindow({ platform: 'darwin' })
    const file = await markdownFile('later.markdown', 'Later Thoughts')
    const openFile = navigationEvent('')
    started.app.emit('open-file', openFile, file)
    expect(openFile.prevented).toBe(true)
    expect(started.window.webContents.sent).toContainEqual(toldThePage)
    expect(started.window.focusCount).toBe(1)
    const report = await pageImportsOpenedFiles(started)
    expect(report.imported.map((source) => source.title)).toEqual(['Later Thoughts'])
  })

  it('macOS: a file opened after the window closed opens one window, whose page imports it', async () => {
    const started = await startWindow({ platform: 'darwin' })
    started.window.close()
    await handlerFor(started, channels.readyToClose)(fromApp)
    expect(started.window.isDestroyed()).toBe(true)
    const file = await markdownFile('reopened.md', 'Reopened')
    started.app.emit('open-file', navigationEvent(''), file)
    // macOS may also report the app activated: still one new window.
    started.app.emit('activate')
    await expect.poll(() => started.record.windows.length).toBe(2)
    const report = await pageImportsOpenedFiles(started)
    expect(report.imported.map((source) => source.title)).toEqual(['Reopened'])
    expect(started.record.windows.filter((window) => !window.isDestroyed())).toHaveLength(1)
  })

  it('Windows and Linux: files on the first command line are imported, flags and the data folder skipped', async () => {
    const file = await markdownFile('reading-list.md', 'Reading List')
    const started = await startWindow({
      platform: 'win32',
      args: (dataDir) => ['--no-sandbox', '--data-dir', dataDir, file],
    })
    const report = await pageImportsOpenedFiles(started)
    expect(report.imported.map((source) => source.title)).toEqual(['Reading List'])
    // The data folder named after --data-dir is the notebook, not a file to import.
    expect(report.failed).toEqual([])
  })

  it('a second start hands its files to the running app, relative to where it was started', async () => {
    const started = await startWindow()
    const folder = await tempDir()
    await mkdir(join(folder, 'drafts'))
    await writeFile(join(folder, 'drafts', 'essay.md'), '# Second Start\n\nOpened from a shell.\n')
    started.app.emit(
      'second-instance',
      navigationEvent(''),
      [appExecutable, '--enable-features=Something', join('drafts', 'essay.md')],
      folder,
    )
    expect(started.window.webContents.sent).toContainEqual(toldThePage)
    expect(started.window.focusCount).toBe(1)
    const report = await pageImportsOpenedFiles(started)
    expect(report.imported.map((source) => source.title)).toEqual(['Second Start'])
  })

  it('a missing file or one of a kind it cannot import is reported by name; the app carries on', async () => {
    const folder = await tempDir()
    const picture = join(folder, 'photo.jpg')
    await writeFile(picture, Buffer.from([0xff, 0xd8, 0xff, 0xe0]))
    const good = await markdownFile('kept.md', 'Still Imported')
    const started = await startWindow({
      args: () => [join(folder, 'missing.md'), picture, good],
    })
    const report = await pageImportsOpenedFiles(started)
    expect(report.imported.map((source) => source.title)).toEqual(['Still Imported'])
    expect(report.failed).toEqual([
      { fileName: 'missing.md', message: expect.stringContaining('missing.md') },
      { fileName: 'photo.jpg', message: expect.stringMatching(/^photo\.jpg: Commonplace imports/) },
    ])
    expect(started.record.errorBoxes).toEqual([])
    expect(started.window.isDestroyed()).toBe(false)
  })
})
