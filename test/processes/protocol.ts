// What the test's child processes share: they speak in JSON lines on stdout (one line per
// acknowledged write, so a line printed is a write the process was told had landed) and take
// one-word commands, one per line, on stdin.
import { createInterface } from 'node:readline'
import type { ClippingView } from '../../src/shared/domain'
import type { SerializedEditorStateJson, SerializedNodeJson } from '../../src/shared/essay'

export type Message =
  | { event: 'loaded'; pid: number }
  | { event: 'ready'; pid: number }
  | { event: 'clipped'; id: string }
  | { event: 'imported'; id: string }
  | { event: 'created-essay'; id: string }
  | { event: 'saved'; essay: string; label: string }
  | { event: 'done' }
  | { event: 'listing'; listing: Listing; announced: number }
  | { event: 'failed'; message: string }

/** What a process sees of the notebook: what `sources`, `clippings` and `essays --json` print. */
export interface Listing {
  sources: unknown[]
  clippings: unknown[]
  essays: unknown[]
}

/**
 * One line, written at once: stdout to a pipe is synchronous on Linux and macOS, so once this
 * returns the line reaches the test even if the process is killed the next instant.
 */
export function emit(message: Message): void {
  process.stdout.write(`${JSON.stringify(message)}\n`)
}

/** Resolves with the next command line the test sends; the process exits when stdin closes. */
export function commands(): () => Promise<string> {
  const waiting: ((line: string) => void)[] = []
  const queued: string[] = []
  const lines = createInterface({ input: process.stdin })
  lines.on('line', (line) => {
    const next = waiting.shift()
    if (next) next(line.trim())
    else queued.push(line.trim())
  })
  lines.on('close', () => process.exit(0))
  return () =>
    new Promise((resolve) => {
      const line = queued.shift()
      if (line !== undefined) resolve(line)
      else waiting.push(resolve)
    })
}

/** Reports a failure the test will show, then exits non-zero. */
export function fail(error: unknown): never {
  emit({
    event: 'failed',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  })
  process.exit(1)
}

/** The text of the paragraph each save writes: which save of which writer it was. */
export function saveLabel(writer: number, save: number): string {
  return `save ${writer}.${save}`
}

/** An essay's state as the editor saves it: a labelled paragraph, then citations of clippings. */
export function essayState(label: string, cited: ClippingView[]): SerializedEditorStateJson {
  const block = { direction: null, format: '', indent: 0 }
  const paragraph: SerializedNodeJson = {
    type: 'paragraph',
    version: 1,
    children: [
      { type: 'text', version: 1, text: label, format: 0, detail: 0, mode: 'normal', style: '' },
    ],
    ...block,
    textFormat: 0,
    textStyle: '',
  }
  const citations: SerializedNodeJson[] = cited.map((clipping) => ({
    type: 'citation-block',
    version: 1,
    clippingId: clipping.id,
    sourceId: clipping.sourceId,
    snapshot: { exact: clipping.target[0].exact, title: clipping.sourceTitle },
    locator: '',
    comment: '',
  }))
  return { root: { type: 'root', version: 1, children: [paragraph, ...citations], ...block } }
}

/** One line of the shared source; each is unique, so quoting it exactly finds one place. */
export function passage(n: number): string {
  return `Passage ${String(n).padStart(3, '0')} is a line the writers keep clipping.`
}

export const PASSAGES = 200

/** The shared source every writer clips from, as a .txt file's contents. */
export function sharedSourceText(): string {
  return Array.from({ length: PASSAGES }, (_, n) => passage(n + 1)).join('\n\n') + '\n'
}
