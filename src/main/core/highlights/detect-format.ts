// Which app a highlights file came from, told from its contents, and the one place each format's
// parser is called from (the CLI and the app both read files through here).
import { CommonplaceError } from '../errors'
import type { HighlightFormat, ParsedHighlights } from './highlight-record'
import { parseHypothesis } from './parse-hypothesis'
import { parseKindleClippings } from './parse-kindle'
import { parseReadwiseCsv } from './parse-readwise'
import { parseW3c } from './parse-w3c'

export const HIGHLIGHT_FORMATS: readonly HighlightFormat[] = [
  'hypothesis',
  'w3c',
  'kindle',
  'readwise',
]

/** The format of a file's text; null when it looks like none of them. */
export function detectHighlightFormat(text: string): HighlightFormat | null {
  const json = readJson(text)
  if (json !== undefined) {
    const first: unknown = Array.isArray(json) ? json[0] : json
    if (typeof first !== 'object' || first === null) return null
    const object = first as Record<string, unknown>
    const context = JSON.stringify(object['@context'] ?? '')
    const types = [object.type].flat()
    if (
      context.includes('anno.jsonld') ||
      types.includes('Annotation') ||
      types.includes('AnnotationCollection') ||
      types.includes('AnnotationPage')
    )
      return 'w3c'
    if (
      Array.isArray(object.rows) ||
      Array.isArray(object.annotations) ||
      ('uri' in object && 'target' in object)
    )
      return 'hypothesis'
    return null
  }
  if (/^={10}\s*$/m.test(text)) return 'kindle'
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
  if (/(^|,)"?Highlight"?(,|$)/.test(header) && header.includes('Book Title')) return 'readwise'
  return null
}

/**
 * The records of a highlights file's text, in the format given or detected. `fileName` names the
 * file in every message.
 */
export function parseHighlightsFile(
  text: string,
  format: HighlightFormat | undefined,
  fileName: string,
): ParsedHighlights & { format: HighlightFormat } {
  const chosen = format ?? detectHighlightFormat(text)
  const broken = jsonError(text)
  if (broken && (!chosen || chosen === 'hypothesis' || chosen === 'w3c')) {
    throw new CommonplaceError('invalid-argument', `${fileName}: is not valid JSON (${broken}).`)
  }
  if (!chosen) {
    throw new CommonplaceError(
      'invalid-argument',
      `${fileName}: not a highlights file Commonplace reads (Hypothesis or W3C JSON, Kindle ` +
        'My Clippings.txt, Readwise CSV); name its format with --format.',
    )
  }
  if (chosen === 'kindle') return { ...parseKindleClippings(text), format: chosen }
  if (chosen === 'readwise') return { ...parseReadwiseCsv(text), format: chosen }
  const json = readJson(text)
  if (json === undefined) {
    throw new CommonplaceError(
      'invalid-argument',
      `${fileName}: is not JSON, so not a ${chosen} export.`,
    )
  }
  return { ...(chosen === 'hypothesis' ? parseHypothesis(json) : parseW3c(json)), format: chosen }
}

/** Why text that looks like JSON (it starts with { or [) does not parse; null when it does or is not. */
function jsonError(text: string): string | null {
  const trimmed = text.replace(/^\uFEFF/, '').trim()
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return null
  try {
    JSON.parse(trimmed)
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

function readJson(text: string): unknown {
  const trimmed = text.replace(/^\uFEFF/, '').trim()
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined
  try {
    return JSON.parse(trimmed) as unknown
  } catch {
    return undefined
  }
}
