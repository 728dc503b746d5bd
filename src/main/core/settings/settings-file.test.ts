import { chmod, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../test/support'
import { DEFAULT_SETTINGS, EMPTY_RESUME_STATE } from '../../../shared/settings'
import { SETTINGS_FILE_NAME, SettingsFile } from './settings-file'

const tempDir = useTempDir()

async function fileHolding(text: string): Promise<{ dir: string; path: string }> {
  const dir = tempDir()
  const path = join(dir, SETTINGS_FILE_NAME)
  await writeFile(path, text)
  return { dir, path }
}

describe('SettingsFile', () => {
  it('starts with the defaults when there is no file, and writes nothing until asked', async () => {
    const dir = tempDir()
    const snapshot = await SettingsFile.in(dir).snapshot()
    expect(snapshot).toMatchObject({
      settings: DEFAULT_SETTINGS,
      resume: EMPTY_RESUME_STATE,
      problem: null,
    })
    expect(await readdir(dir)).toEqual([])
  })

  it('keeps settings and the place the writer left off across a restart', async () => {
    const dir = tempDir()
    const first = SettingsFile.in(dir)
    await first.update({ theme: 'dark', readerFontSize: 22 })
    await first.update({ exportFormat: 'pandoc' })
    const resume = {
      view: 'essay' as const,
      sourceId: 's-abc123',
      essayId: 'e-def456',
      reading: { sourceId: 's-abc123', offset: 1200, fraction: 0.25 },
    }
    await first.saveResume(resume)

    const again = await SettingsFile.in(dir).snapshot()
    expect(again.settings).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      readerFontSize: 22,
      exportFormat: 'pandoc',
    })
    expect(again.resume).toEqual(resume)
    expect(again.problem).toBeNull()
  })

  it('keeps both a settings change and a resume save made at the same moment', async () => {
    const dir = tempDir()
    const settings = SettingsFile.in(dir)
    await settings.snapshot()
    const resume = { ...EMPTY_RESUME_STATE, view: 'essay' as const, sourceId: 's-abc123' }
    await Promise.all([settings.update({ theme: 'dark' }), settings.saveResume(resume)])
    const again = await SettingsFile.in(dir).snapshot()
    expect(again.settings.theme).toBe('dark')
    expect(again.resume).toEqual(resume)
  })

  it('uses the default for a setting that does not validate, names it, and keeps the others', async () => {
    const { path } = await fileHolding(
      JSON.stringify({ schemaVersion: 1, settings: { theme: 'purple', readerFontSize: 22 } }),
    )
    const snapshot = await new SettingsFile(path).snapshot()
    expect(snapshot.settings).toEqual({ ...DEFAULT_SETTINGS, readerFontSize: 22 })
    expect(snapshot.problem).toContain(path)
    expect(snapshot.problem).toContain('theme')
    expect(snapshot.problem).toContain('"purple"')
  })

  it('moves a file that is not JSON aside, says where, and starts from the defaults', async () => {
    const { dir, path } = await fileHolding('{"settings": {"theme": "dark"')
    const settings = new SettingsFile(path)
    const snapshot = await settings.snapshot()
    expect(snapshot.settings).toEqual(DEFAULT_SETTINGS)
    expect(snapshot.problem).toMatch(/is not valid JSON/)
    const kept = (await readdir(dir)).find((name) => name.startsWith('settings.damaged-'))
    expect(kept).toBeDefined()
    expect(snapshot.problem).toContain(kept)
    // What was there is still there, under the new name, whatever is saved next.
    await settings.update({ theme: 'light' })
    expect(await readFile(join(dir, kept!), 'utf8')).toBe('{"settings": {"theme": "dark"')
  })

  it('treats a JSON value that is not an object as damaged', async () => {
    const { path } = await fileHolding('[1, 2, 3]')
    const snapshot = await new SettingsFile(path).snapshot()
    expect(snapshot.settings).toEqual(DEFAULT_SETTINGS)
    expect(snapshot.problem).toContain('does not hold a settings object')
  })

  it('keeps fields written by a newer version through its own writes', async () => {
    const { path } = await fileHolding(
      JSON.stringify({
        schemaVersion: 1,
        sync: { enabled: true },
        settings: { theme: 'dark', spellcheck: 'en-GB' },
      }),
    )
    await new SettingsFile(path).update({ essayFont: 'sans' })
    const written = JSON.parse(await readFile(path, 'utf8'))
    expect(written.sync).toEqual({ enabled: true })
    expect(written.settings).toMatchObject({
      theme: 'dark',
      spellcheck: 'en-GB',
      essayFont: 'sans',
    })
  })

  it('drops a bad part of the resume state quietly', async () => {
    const { path } = await fileHolding(
      JSON.stringify({ resume: { view: 'essay', essayId: '../../etc', sourceId: 's-ok1234' } }),
    )
    const snapshot = await new SettingsFile(path).snapshot()
    expect(snapshot.resume).toEqual({ ...EMPTY_RESUME_STATE, view: 'essay', sourceId: 's-ok1234' })
    expect(snapshot.problem).toBeNull()
  })

  it('refuses to replace a settings file made read-only, with a message', async () => {
    const { path } = await fileHolding(JSON.stringify({ settings: { theme: 'dark' } }))
    await chmod(path, 0o444)
    await expect(new SettingsFile(path).update({ theme: 'light' })).rejects.toThrow(/read-only/)
    expect(JSON.parse(await readFile(path, 'utf8')).settings.theme).toBe('dark')
  })
})
