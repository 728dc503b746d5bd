// Which CSL style an export uses: one of the styles shipped in resources/csl (by name), or a .csl
// file the writer gives. A style is checked before citeproc sees it, so a wrong file is named.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { CommonplaceError } from '../../errors'

/** The shipped styles by the names the CLI and the app use; aliases point at the same file. */
const SHIPPED: Record<string, string> = {
  'chicago-notes-bibliography': 'chicago-notes-bibliography.csl',
  // The name the style had before the CSL project renamed it, and the one issue 13 uses.
  'chicago-note-bibliography': 'chicago-notes-bibliography.csl',
  chicago: 'chicago-notes-bibliography.csl',
  apa: 'apa.csl',
  mla: 'modern-language-association.csl',
  'modern-language-association': 'modern-language-association.csl',
}

/** The names the app offers, in its order. */
export const SHIPPED_STYLES = ['chicago-notes-bibliography', 'apa', 'mla'] as const
export type ShippedStyle = (typeof SHIPPED_STYLES)[number]

export function isShippedStyleName(name: string): boolean {
  return Object.hasOwn(SHIPPED, name)
}

/** A style's XML, and its locale, ready for the engine. */
export interface LoadedStyle {
  /** What the writer asked for: a name or a path. */
  name: string
  xml: string
  localeXml: string
}

/**
 * Where the shipped styles are: beside the packaged app (electron-builder's extraResources), else
 * the repo's resources/csl, found upwards from this code whether it runs from source (vitest, tsx)
 * or from the build (out/main).
 */
export function stylesDirectory(): string {
  const packaged = (process as { resourcesPath?: string }).resourcesPath
  if (packaged && existsSync(join(packaged, 'csl', 'apa.csl'))) return join(packaged, 'csl')
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'resources', 'csl')
    if (existsSync(join(candidate, 'apa.csl'))) return candidate
    if (dirname(dir) === dir) break
  }
  throw new CommonplaceError('internal', 'The citation styles (resources/csl) were not found.')
}

/** A shipped style by name, or a .csl file by path; refused with a message naming the problem. */
export async function loadStyle(
  nameOrPath: string,
  directory = stylesDirectory(),
): Promise<LoadedStyle> {
  const shipped = SHIPPED[nameOrPath]
  const path = shipped ? join(directory, shipped) : resolve(nameOrPath)
  if (!shipped && !/\.csl$/i.test(nameOrPath) && !/[\\/]/.test(nameOrPath)) {
    throw new CommonplaceError(
      'invalid-argument',
      `Unknown citation style “${nameOrPath}”: use chicago-notes-bibliography, apa, mla or the path to a .csl file.`,
    )
  }
  let xml: string
  try {
    xml = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (error as Error).message
    throw new CommonplaceError(
      'invalid-argument',
      `${path} could not be read as a citation style: ${reason}.`,
    )
  }
  const problem = styleProblem(xml)
  if (problem) {
    throw new CommonplaceError('invalid-argument', `${path} is not a CSL style: ${problem}.`)
  }
  const localeXml = await readFile(join(directory, 'locales-en-US.xml'), 'utf8')
  return { name: nameOrPath, xml, localeXml }
}

/**
 * What is wrong with a file that should be a CSL style, or null. Only the outline is checked (an
 * XML root element named style in the CSL namespace, with the parts every style has); citeproc
 * reads the rest.
 */
export function styleProblem(xml: string): string | null {
  const body = xml
    .replace(/^\uFEFF/, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trimStart()
  if (!body.startsWith('<')) return 'it is not XML'
  const root = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]/.exec(body)
  if (!root) return 'it is not XML'
  if (root[2] !== 'style') return `its root element is <${root[1] ?? ''}${root[2]}>, not <style>`
  if (!/http:\/\/purl\.org\/net\/xbiblio\/csl/.test(body.slice(0, 2000))) {
    return 'its <style> is not in the CSL namespace (http://purl.org/net/xbiblio/csl)'
  }
  if (!/<citation[\s>/]/.test(body)) return 'it has no <citation> element'
  if (!/<\/style>\s*$/.test(body)) return 'it is not complete XML (no closing </style>)'
  return null
}
