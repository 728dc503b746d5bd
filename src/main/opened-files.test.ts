import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { filesFromArgv, OpenedFiles } from './opened-files'

const cwd = resolve('/home/writer/notes')

describe('filesFromArgv', () => {
  it('skips the program, its flags and the data folder, and makes paths absolute', () => {
    const argv = [
      '/opt/Commonplace/commonplace',
      '--no-sandbox',
      '--data-dir',
      '/srv/notebook',
      '--data-dir=/srv/other',
      'draft.md',
      join(cwd, 'essay.markdown'),
    ]
    expect(filesFromArgv(argv, { leading: 1, cwd })).toEqual([
      join(cwd, 'draft.md'),
      join(cwd, 'essay.markdown'),
    ])
  })

  it('skips the app path in development, where the executable is electron', () => {
    const argv = ['/usr/lib/electron/electron', 'out/main/index.js', 'a.md']
    expect(filesFromArgv(argv, { leading: 2, cwd })).toEqual([join(cwd, 'a.md')])
  })

  it('turns file URLs into paths and ignores other URLs', () => {
    const file = join(cwd, 'with space.md')
    const argv = ['commonplace', pathToFileURL(file).href, 'https://example.org/a.md']
    expect(filesFromArgv(argv, { leading: 1, cwd })).toEqual([file])
  })

  it('keeps names that may not exist: the importer reports them', () => {
    expect(filesFromArgv(['commonplace', 'missing.md', 'photo.jpg'], { leading: 1, cwd })).toEqual([
      join(cwd, 'missing.md'),
      join(cwd, 'photo.jpg'),
    ])
  })
})

describe('OpenedFiles', () => {
  it('hands each waiting file over once, in order', () => {
    const opened = new OpenedFiles()
    expect(opened.add(['/a.md', '/b.md'])).toBe(true)
    expect(opened.add(['/a.md'])).toBe(false)
    expect(opened.take()).toEqual(['/a.md', '/b.md'])
    expect(opened.take()).toEqual([])
  })
})
