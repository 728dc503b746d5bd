// Pandoc, where it is installed (apt `pandoc`; CI installs it): the tests that need it skip
// with the reason otherwise.
import { execFileSync, spawnSync } from 'node:child_process'

function findPandoc(): string | null {
  try {
    execFileSync('pandoc', ['--version'], { stdio: 'ignore' })
    return 'pandoc'
  } catch {
    return null
  }
}

export const pandoc = findPandoc()
export const noPandoc = pandoc === null ? 'pandoc is not on PATH' : false

export interface PandocRun {
  code: number
  stdout: string
  stderr: string
}

export function runPandoc(args: string[], input = ''): PandocRun {
  if (!pandoc) throw new Error('pandoc is not on PATH')
  const run = spawnSync(pandoc, args, { input, encoding: 'utf8' })
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr }
}

/** A node of Pandoc's JSON AST: `t` names it, `c` holds its contents. */
export interface PandocNode {
  t: string
  c?: unknown
}

/** Every node of a Pandoc JSON document (blocks and metadata), depth first. */
export function pandocNodes(value: unknown): PandocNode[] {
  if (Array.isArray(value)) return value.flatMap(pandocNodes)
  if (value === null || typeof value !== 'object') return []
  const node = value as Record<string, unknown>
  const self = typeof node.t === 'string' ? [node as unknown as PandocNode] : []
  return [...self, ...Object.values(node).flatMap(pandocNodes)]
}

/** The text a reader sees of Pandoc inlines and blocks; citations and notes left out. */
export function pandocText(value: unknown): string {
  if (Array.isArray(value)) {
    const blocks = value.every(
      (item) => typeof item === 'object' && item !== null && ['Para', 'Plain'].includes(item.t),
    )
    return value.map(pandocText).join(blocks && value.length > 0 ? '\n\n' : '')
  }
  if (value === null || typeof value !== 'object') return ''
  const node = value as PandocNode
  switch (node.t) {
    case 'Str':
      return String(node.c)
    case 'Space':
    case 'SoftBreak':
      return ' '
    case 'LineBreak':
      return '\n'
    case 'Quoted': {
      // Pandoc reads “…” (and, without escapes, "…") as a quotation; it writes the marks back.
      const [kind, inlines] = node.c as [{ t: string }, unknown]
      const [open, close] = kind.t === 'DoubleQuote' ? ['“', '”'] : ['‘', '’']
      return `${open}${pandocText(inlines)}${close}`
    }
    case 'Cite':
    case 'Note':
    case 'RawInline':
    case 'RawBlock':
      return ''
    default:
      return pandocText(node.c)
  }
}

/**
 * Pandoc inlines as the characters they stand for, strictly: a Space is one blank, and any node
 * that is not plain text shows as ⟨Type⟩, so a test sees markup or a line break that got in.
 */
export function pandocInlineText(inlines: unknown): string {
  if (!Array.isArray(inlines)) return `⟨${typeof inlines}⟩`
  return inlines
    .map((node: PandocNode) => {
      if (node.t === 'Str') return String(node.c)
      if (node.t === 'Space') return ' '
      return `⟨${node.t}⟩`
    })
    .join('')
}

/** A footnote's text: a Note that holds one paragraph, as {@link pandocInlineText}. */
export function pandocNoteText(note: PandocNode): string {
  const blocks = note.c as PandocNode[]
  if (blocks.length !== 1 || blocks[0]!.t !== 'Para') return `⟨${blocks.map((b) => b.t).join()}⟩`
  return pandocInlineText(blocks[0]!.c)
}
