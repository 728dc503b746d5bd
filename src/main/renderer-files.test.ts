import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rendererResponse, resolveRendererFile } from './renderer-files'
import { appOrigin } from './trusted-sender'

const at = (path: string): string => `${appOrigin}${path}`

describe('resolveRendererFile', () => {
  it('maps the page and its assets to files with their content types', () => {
    expect(resolveRendererFile(at('/'), appOrigin)).toEqual({
      path: 'index.html',
      contentType: 'text/html; charset=utf-8',
    })
    expect(resolveRendererFile(at('/index.html?x=1#top'), appOrigin)?.path).toBe('index.html')
    expect(resolveRendererFile(at('/assets/index-CBin.js'), appOrigin)).toEqual({
      path: 'assets/index-CBin.js',
      contentType: 'text/javascript; charset=utf-8',
    })
    expect(resolveRendererFile(at('/assets/index.css'), appOrigin)?.contentType).toBe(
      'text/css; charset=utf-8',
    )
    expect(resolveRendererFile(at('/assets/font.woff2'), appOrigin)?.contentType).toBe('font/woff2')
    expect(resolveRendererFile(at('/assets/icon.SVG'), appOrigin)?.contentType).toBe(
      'image/svg+xml',
    )
  })

  it('decodes an encoded name once', () => {
    expect(resolveRendererFile(at('/assets/my%20file.png'), appOrigin)?.path).toBe(
      'assets/my file.png',
    )
  })

  it.each([
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///index.html'],
    ['credentials', 'app://x@commonplace/index.html'],
    ['a malformed URL', 'app://commonplace:x/index.html'],
    ['not a URL', 'index.html'],
    ['an unknown kind of file', at('/assets/tool.exe')],
    ['a file without extension', at('/assets/LICENSE')],
    ['a folder', at('/assets/')],
    ['an empty segment', at('/assets//index.js')],
    ['an encoded slash climbing out', at('/..%2F..%2Fetc%2Fpasswd.txt')],
    ['an encoded slash inside a segment', at('/assets%2Findex.js')],
    ['dot segments after an encoded slash', at('/assets/%2e%2e%2f%2e%2e%2fsecret.json')],
    ['an encoded backslash', at('/..%5C..%5Csecret.json')],
    ['a raw backslash', 'app://commonplace/assets\\..\\..\\secret.json'],
    ['a NUL byte', at('/index.html%00.png')],
    ['a control character', at('/assets/a%0a.js')],
    ['a Windows drive', at('/C:%5Cwindows%5Cwin.ini.txt')],
    ['an alternate data stream', at('/index.html:stream.txt')],
    ['a dot-file', at('/.env.json')],
    ['broken percent-encoding', at('/assets/%E0%A4%A.js')],
  ])('refuses %s', (_name, url) => {
    expect(resolveRendererFile(url, appOrigin)).toBeNull()
  })

  it('lets URL parsing fold plain dot segments, which can never climb above the root', () => {
    expect(resolveRendererFile(at('/assets/../../../index.html'), appOrigin)?.path).toBe(
      'index.html',
    )
    expect(resolveRendererFile(at('/%2e%2e/%2e%2e/index.html'), appOrigin)?.path).toBe('index.html')
  })
})

describe('rendererResponse', () => {
  let base: string
  let root: string

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'commonplace-renderer-'))
    root = join(base, 'renderer')
    await mkdir(join(root, 'assets'), { recursive: true })
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Commonplace</title>')
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)')
    await writeFile(join(base, 'secret.json'), '{"token":"s3cret"}')
    await symlink(join(base, 'secret.json'), join(root, 'assets', 'leak.json'))
    await mkdir(join(root, 'assets', 'dir.js'))
  })
  afterAll(() => rm(base, { recursive: true, force: true }))

  it('serves a file with its content type and no sniffing', async () => {
    const response = await rendererResponse(root, at('/assets/app.js'), appOrigin)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toBe('console.log(1)')
    expect(await (await rendererResponse(root, at('/'), appOrigin)).text()).toContain('<title>')
  })

  it.each([
    ['a missing file', at('/assets/missing.js')],
    ['a folder named like a file', at('/assets/dir.js')],
    ['a symlink to a file outside the folder', at('/assets/leak.json')],
    ['a file outside by encoded traversal', at('/..%2Fsecret.json')],
    ['another origin', 'app://evil/assets/app.js'],
  ])('answers 404 for %s', async (_name, url) => {
    const response = await rendererResponse(root, url, appOrigin)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('s3cret')
  })
})
