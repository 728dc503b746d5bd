// A batch import reads several files at once, one per worker thread, on machines with the cores
// for it. Each worker (ImportWorker) keeps its own time and memory limits and ends when idle; the
// pool only decides which worker reads the next file. A worker is added only while files wait and
// every loaded worker is busy, and an added worker loads jsdom (about a second) before it is given
// any file, so a short batch is never held up behind a worker that is still starting.
import { availableParallelism } from 'node:os'
import type { ExtractedArticle, Extractor, ReadProgress } from './extraction'
import type { SourceFileContents } from './read-source-file'
import { ImportWorker, type ImportWorkerOptions } from './worker-extractor'

/** More workers than this gain little: the main thread writes every file to the store in turn. */
export const MAX_POOL_SIZE = 4

export interface ImportWorkerPoolOptions extends ImportWorkerOptions {
  /** How many workers at most; by default the machine's cores, 1 to {@link MAX_POOL_SIZE}. */
  size?: number
}

interface Waiting {
  file: SourceFileContents
  onProgress?: ReadProgress
  resolve: (article: ExtractedArticle) => void
  reject: (error: unknown) => void
}

interface Slot {
  worker: ImportWorker
  busy: boolean
  warming: boolean
  /** Its last warm-up failed: it then reads only when no worker is loaded (and reports why). */
  failed: boolean
}

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(MAX_POOL_SIZE, availableParallelism()))
}

export class ImportWorkerPool {
  readonly size: number
  private readonly slots: Slot[] = []
  private readonly waiting: Waiting[] = []

  constructor(private readonly options: ImportWorkerPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()))
    this.extract = Object.assign(
      (file: SourceFileContents, onProgress?: ReadProgress) =>
        new Promise<ExtractedArticle>((resolve, reject) => {
          this.waiting.push({ file, onProgress, resolve, reject })
          this.dispatch()
        }),
      { parallel: this.size },
    )
  }

  /** Reads files, up to `size` at once; each file's promise settles with that file's outcome. */
  readonly extract: Extractor

  /** Ends every worker now (each also ends by itself once idle). */
  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.close()))
  }

  /** Gives waiting files to workers that can read them now, and readies another if worth it. */
  private dispatch(): void {
    while (this.waiting.length > 0) {
      const slot = this.readySlot()
      if (!slot) break
      this.read(slot, this.waiting.shift() as Waiting)
    }
    if (this.waiting.length > 0) this.warmAnother()
  }

  /**
   * An idle worker that is loaded; or, when no worker is loaded at all (the first file, or after
   * the idle ones ended), an idle one that loads as it reads, as a single worker would.
   */
  private readySlot(): Slot | undefined {
    const idle = this.slots.filter((slot) => !slot.busy && !slot.warming)
    const loaded = idle.find((slot) => slot.worker.warm)
    if (loaded) return loaded
    if (this.slots.some((slot) => slot.worker.warm || slot.warming)) return undefined
    return idle[0] ?? this.addSlot()
  }

  private warmAnother(): void {
    if (this.slots.some((slot) => slot.warming)) return
    const cold = this.slots.find((slot) => !slot.busy && !slot.worker.warm && !slot.failed)
    const slot = cold ?? this.addSlot()
    if (!slot) return
    slot.warming = true
    slot.worker.warmUp().then(
      () => {
        slot.warming = false
        slot.failed = false
        this.dispatch()
      },
      () => {
        slot.warming = false
        slot.failed = true
        this.dispatch()
      },
    )
  }

  private addSlot(): Slot | undefined {
    if (this.slots.length >= this.size) return undefined
    const slot: Slot = {
      worker: new ImportWorker(this.options),
      busy: false,
      warming: false,
      failed: false,
    }
    this.slots.push(slot)
    return slot
  }

  private read(slot: Slot, { file, onProgress, resolve, reject }: Waiting): void {
    slot.busy = true
    slot.worker
      .extract(file, onProgress)
      .then(resolve, reject)
      .finally(() => {
        slot.busy = false
        this.dispatch()
      })
  }
}

let shared: ImportWorkerPool | undefined

/**
 * The default extractor: reads in a pool of workers. Without options it is the process's shared
 * pool: reading is stateless, so every notebook opened in a process (tests and the e2e harness
 * open many) can use the same workers instead of loading jsdom once each.
 */
export function workerExtractor(options?: ImportWorkerPoolOptions): Extractor {
  if (options) return new ImportWorkerPool(options).extract
  shared ??= new ImportWorkerPool()
  return shared.extract
}
