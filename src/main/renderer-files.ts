import { readFile, realpath } from 'node:fs/promises'
import { extname, join, sep } from 'node:path'
import { originOf } from './trusted-sender'

// The renderer's files as the app:// protocol (and the e2e harness) serve them. Plain Node, no
// Electron: the resolver is a pure function tested with hostile paths, the reader with real files.

/** What the build emits, and nothing else: an unknown kind of file is not served at all. */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

export interface RendererFile {
  /** Relative to the renderer folder, `/`-separated, every segment checked. */
  path: string
  contentType: string
}

/**
 * The renderer file a request asks for, or null (a 404). Only requests to `origin` are answered;
 * `/` means index.html. Each path segment is decoded once and refused if it could climb out of the
 * folder or mean something else on some OS: `..` (also as `%2e%2e`, or smuggled in with an encoded
 * `/`), backslashes, NUL and other control characters, `:` (Windows drives and streams), dot-files.
 */
export function resolveRendererFile(requestUrl: string, origin: string): RendererFile | null {
  if (originOf(requestUrl) !== origin) return null
  const rawPath = new URL(requestUrl).pathname
  if (rawPath.includes('\\')) return null
  const rawSegments = rawPath.split('/').slice(1)
  if (rawSegments.length === 1 && rawSegments[0] === '') rawSegments[0] = 'index.html'
  const segments: string[] = []
  for (const raw of rawSegments) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return null
    }
    if (!isPlainSegment(segment)) return null
    segments.push(segment)
  }
  const path = segments.join('/')
  const contentType = contentTypes[extname(path).toLowerCase()]
  return contentType ? { path, contentType } : null
}

function isPlainSegment(segment: string): boolean {
  if (segment === '' || segment.startsWith('.')) return false
  // eslint-disable-next-line no-control-regex -- control characters are exactly what it refuses
  return !/[/\\:\u0000-\u001f\u007f]/.test(segment)
}

const notFound = (): Response =>
  new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } })

/**
 * Answers a request with the file from `rootDir`, or 404. The real path is checked again after
 * symlinks are followed, so a link inside the folder cannot hand out a file outside it.
 */
export async function rendererResponse(
  rootDir: string,
  requestUrl: string,
  origin: string,
): Promise<Response> {
  const file = resolveRendererFile(requestUrl, origin)
  if (!file) return notFound()
  try {
    const root = await realpath(rootDir)
    const real = await realpath(join(root, ...file.path.split('/')))
    if (!real.startsWith(root + sep)) return notFound()
    const body = await readFile(real)
    return new Response(body, {
      status: 200,
      headers: { 'content-type': file.contentType, 'x-content-type-options': 'nosniff' },
    })
  } catch {
    // Missing, a folder, unreadable: all the same to the page.
    return notFound()
  }
}
