// The import worker's entry (bundled as out/main/import-worker.js): jsdom, Readability and
// DOMPurify load here and only here, so neither the app's main process nor the CLI waits on them,
// and a page that takes too long or too much memory is stopped with its thread.
import { parentPort } from 'node:worker_threads'
import { CommonplaceError } from '../errors'
import { extractFile } from './extract-file'
import type { ExtractionRequest, WorkerMessage } from './extraction'

const port = parentPort
if (!port) throw new Error('import-worker.js runs as a worker thread of Commonplace.')

const reply = (message: WorkerMessage): void => port.postMessage(message)

port.on('message', ({ id, file, maxNestingDepth }: ExtractionRequest) => {
  extractFile(file, maxNestingDepth).then(
    (article) => {
      // A kept file's bytes go back to the main thread moved, not copied.
      const kept = article.keep?.bytes.buffer as ArrayBuffer | undefined
      port.postMessage({ type: 'done', id, article } satisfies WorkerMessage, kept ? [kept] : [])
    },
    (error: unknown) => reply({ type: 'refused', id, message: refusal(file.fileName, error) }),
  )
})
reply({ type: 'ready' })

/** Anything the extractors throw is about this file, so it is reported as this file's failure. */
function refusal(fileName: string, error: unknown): string {
  if (error instanceof CommonplaceError) return error.message
  const why = error instanceof Error ? error.message : String(error)
  return `${fileName}: could not be read (${why}).`
}
