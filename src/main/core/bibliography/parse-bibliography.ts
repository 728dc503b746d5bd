// A reference manager's export (CSL-JSON, BibTeX/BibLaTeX, RIS) as entries. citation-js parses
// each format; this file finds the records, so that a bad one is refused by its line or index
// while the others still import, and maps the result (bib-entry.ts). citation-js is loaded on
// first use only: the CLI's other commands never pay for it.
import { CommonplaceError } from '../errors'
import { entryFromCsl, UnusableEntry, type BibEntry } from './bib-entry'

export type BibliographyFormat = 'csl-json' | 'bibtex' | 'ris'

export interface RefusedEntry {
  /** "line 12 (@book{broken)", "item 3", "line 30" */
  where: string
  message: string
}

export interface ParsedBibliography {
  format: BibliographyFormat
  entries: BibEntry[]
  refused: RefusedEntry[]
}

type Chain = (input: unknown, options: { forceType: string }) => Record<string, unknown>[]

let loaded: Promise<Chain> | undefined

/** citation-js with its BibTeX and RIS parsers, loaded once. */
function citationJs(): Promise<Chain> {
  loaded ??= (async () => {
    const core = await import('@citation-js/core')
    await import('@citation-js/plugin-bibtex')
    await import('@citation-js/plugin-ris')
    return (input, { forceType }) => {
      try {
        return core.plugins.input.chain(input, { forceType, generateGraph: false, strict: true })
      } finally {
        // Its logger keeps every message it was given, for the life of the process.
        core.logger._log.length = 0
      }
    }
  })()
  return loaded
}

/** The format a file's text is in, by its shape; undefined when it is none of the three. */
export function detectFormat(text: string): BibliographyFormat | undefined {
  const start = text.replace(/^\uFEFF/, '').trimStart()
  if (start.startsWith('[') || start.startsWith('{')) return 'csl-json'
  if (/^[ \t]*TY {2}-/m.test(text)) return 'ris'
  if (/^[ \t]*@[a-z]+[ \t]*[{(]/im.test(text)) return 'bibtex'
  return undefined
}

/** A library's message, without the parser's own place and excerpt (we name the record). */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const first = message.split('\n')[0] ?? message
  return first.replace(/\s+at line \d+ col \d+:?\s*$/, '').trim() || 'cannot be read'
}

interface Chunk {
  /** 1-based line where the record starts. */
  line: number
  text: string
}

/** The file cut before each line matching `start`; text before the first one is dropped. */
function chunks(text: string, start: RegExp): Chunk[] {
  const lines = text.split(/\r?\n/)
  const found: Chunk[] = []
  lines.forEach((line, index) => {
    if (start.test(line)) found.push({ line: index + 1, text: line })
    else if (found.length > 0) (found[found.length - 1] as Chunk).text += `\n${line}`
  })
  return found
}

function parseCslJson(text: string, fileName: string, chain: Chain): ParsedBibliography {
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new CommonplaceError(
      'invalid-argument',
      `${fileName}: is not valid JSON (${reason(error)}).`,
    )
  }
  const items = Array.isArray(data) ? data : [data]
  const result: ParsedBibliography = { format: 'csl-json', entries: [], refused: [] }
  items.forEach((item: unknown, index) => {
    const where = `item ${index + 1}`
    try {
      if (typeof item !== 'object' || item === null || Array.isArray(item))
        throw new UnusableEntry('it is not a CSL-JSON item (an object)')
      const [csl] = chain(item, { forceType: '@csl/object' })
      if (!csl) throw new UnusableEntry('it is not a CSL-JSON item')
      result.entries.push(entryFromCsl(csl, where))
    } catch (error) {
      result.refused.push({ where, message: reason(error) })
    }
  })
  return result
}

const BIBTEX_START = /^[ \t]*@[a-z]+[ \t]*[{(]/i

function parseBibtex(text: string, chain: Chain): ParsedBibliography {
  const records = chunks(text, BIBTEX_START)
  const kind = (chunk: Chunk): string => /@([a-z]+)/i.exec(chunk.text)?.[1]?.toLowerCase() ?? ''
  // @string abbreviations may be used by any entry after them: each entry is parsed with them.
  const strings = records.filter((chunk) => kind(chunk) === 'string').map((chunk) => chunk.text)
  const result: ParsedBibliography = { format: 'bibtex', entries: [], refused: [] }
  for (const chunk of records) {
    if (['string', 'preamble', 'comment'].includes(kind(chunk))) continue
    const head = /@[a-z]+[ \t]*[{(][^,\n]*/i.exec(chunk.text)?.[0] ?? '@'
    const where = `line ${chunk.line} (${head.trim()})`
    try {
      const items = chain([...strings, chunk.text].join('\n'), { forceType: '@biblatex/text' })
      if (items.length !== 1) throw new UnusableEntry('it is not one BibTeX entry')
      result.entries.push(entryFromCsl(items[0] as Record<string, unknown>, where))
    } catch (error) {
      const message = reason(error)
      result.refused.push({
        where,
        message: error instanceof UnusableEntry ? message : `is not valid BibTeX: ${message}`,
      })
    }
  }
  return result
}

const RIS_START = /^[ \t]*TY {2}-/

function parseRis(text: string, chain: Chain): ParsedBibliography {
  const result: ParsedBibliography = { format: 'ris', entries: [], refused: [] }
  for (const chunk of chunks(text, RIS_START)) {
    const where = `line ${chunk.line}`
    try {
      const items = chain(`${chunk.text.trimEnd()}\n`, { forceType: '@ris/file' })
      if (items.length !== 1) throw new UnusableEntry('it is not one RIS record')
      result.entries.push(entryFromCsl(items[0] as Record<string, unknown>, where))
    } catch (error) {
      result.refused.push({ where, message: reason(error) })
    }
  }
  return result
}

/**
 * The entries of a CSL-JSON, BibTeX/BibLaTeX or RIS file, and the records refused, each named by
 * its line or index. Throws, naming the file, when the file is none of these formats.
 */
export async function parseBibliography(
  text: string,
  fileName: string,
): Promise<ParsedBibliography> {
  const format = detectFormat(text)
  if (!format) {
    throw new CommonplaceError(
      'invalid-argument',
      `${fileName}: is not a bibliography Commonplace reads (CSL-JSON, BibTeX or RIS).`,
    )
  }
  const chain = await citationJs()
  if (format === 'csl-json') return parseCslJson(text, fileName, chain)
  return format === 'bibtex' ? parseBibtex(text, chain) : parseRis(text, chain)
}
