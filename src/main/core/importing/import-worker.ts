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

/** Progress is told at most this often: a page takes milliseconds, the user reads in seconds. */
const PROGRESS_EVERY_MS = 200

port.on('message', ({ id, file, maxNestingDepth }: ExtractionRequest) => {
  let told = Date.now()
  const onProgress = (done: number, total: number): void => {
    // The last page is always told: the file is read, storing it is what remains.
    if (done < total && Date.now() - told < PROGRESS_EVERY_MS) return
    told = Date.now()
    reply({ type: 'progress', id, done, total })
  }
  extractFile(file, maxNestingDepth, onProgress).then(
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
