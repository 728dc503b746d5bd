// One import worker thread (import-worker.ts), so a big page never blocks the app's main process,
// and a file that takes too long or too much memory is stopped with its thread while the rest of
// the batch goes on. The worker is reused from file to file (loading jsdom takes a second) and
// ended when it has been idle for a while. The default Extractor is a pool of these (worker-pool.ts).
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { CommonplaceError } from '../errors'
import type { ExtractedArticle, Extractor, ExtractionRequest, WorkerMessage } from './extraction'
import { DEFAULT_IMPORT_LIMITS, tooBigMessage, tooSlowMessage, type ImportLimits } from './limits'
import type { SourceFileContents } from './read-source-file'

export const WORKER_FILE = 'import-worker.js'

/** Loading the worker's modules is not part of any file's time; this only guards a hung start. */
const STARTUP_LIMIT_MS = 60_000

const YOUNG_GENERATION_MB = 64

export interface ImportWorkerOptions {
  limits?: Partial<ImportLimits>
  /** The built worker script; by default found with {@link findWorkerScript}. */
  workerScript?: string
  /** How long an idle worker stays loaded for the next file, in milliseconds. */
  keepAliveMs?: number
  /** Told each time a worker thread ends, with its exit code (1 when it was stopped). */
  onWorkerExit?: (exitCode: number) => void
}

interface Running {
  thread: Worker
  /** Settles once the worker's modules are loaded; rejects if it dies first. */
  ready: Promise<void>
  loaded: boolean
}

export class ImportWorker {
  readonly limits: ImportLimits
  private running: Running | undefined
  private queue: Promise<unknown> = Promise.resolve()
  private nextId = 1
  private idleTimer: NodeJS.Timeout | undefined

  constructor(private readonly options: ImportWorkerOptions = {}) {
    this.limits = { ...DEFAULT_IMPORT_LIMITS, ...options.limits }
  }

  /** Reads files one at a time, in the order asked. */
  readonly extract: Extractor = (file) => {
    const result = this.queue.then(() => this.read(file))
    this.queue = result.catch(() => undefined)
    return result
  }

  /** Whether a thread is loaded and would read a file at once, without loading jsdom first. */
  get warm(): boolean {
    return this.running?.loaded ?? false
  }

  /**
   * Starts a thread and loads its modules without giving it a file (a pool readies a second
   * worker this way while the first goes on reading). It does not keep the process alive.
   */
  async warmUp(): Promise<void> {
    clearTimeout(this.idleTimer)
    const running = this.start('(warm-up)')
    running.thread.unref()
    try {
      await running.ready
    } finally {
      this.rest()
    }
  }

  /** Ends the worker now (it also ends by itself once idle). */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer)
    const running = this.running
    this.running = undefined
    if (running) await running.thread.terminate()
  }

  private async read(file: SourceFileContents): Promise<ExtractedArticle> {
    clearTimeout(this.idleTimer)
    const running = this.start(file.fileName)
    running.thread.ref()
    try {
      await running.ready.catch((error: unknown) => {
        throw this.failure(file.fileName, error, 'the import worker did not start')
      })
      return await this.ask(running, file)
    } finally {
      this.rest()
    }
  }

  private start(fileName: string): Running {
    if (this.running) return this.running
    const script = this.options.workerScript ?? findWorkerScript()
    if (!script || !existsSync(script)) {
      throw new CommonplaceError(
        'import-failed',
        `${fileName}: cannot be read: the import worker (${script ?? WORKER_FILE}) is not built; ` +
          'run `npm run build` first.',
      )
    }
    const thread = new Worker(script, {
      execArgv: withoutModuleHooks(process.execArgv),
      resourceLimits: {
        maxOldGenerationSizeMb: this.limits.memoryLimitMb,
        // A DOM per page is many short-lived objects: a roomier young generation lets most of
        // them die there instead of being promoted and collected again by full collections.
        maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
      },
    })
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        void thread.terminate()
        reject(new Error(`it did not start within ${STARTUP_LIMIT_MS / 1000} s`))
      }, STARTUP_LIMIT_MS)
      const settle = (error?: Error): void => {
        clearTimeout(timer)
        thread.off('message', onMessage).off('error', settle).off('exit', onExit)
        if (error) reject(error)
        else resolve()
      }
      const onMessage = (message: WorkerMessage): void => {
        if (message.type === 'ready') settle()
      }
      const onExit = (code: number): void => settle(new Error(`it stopped with code ${code}`))
      thread.on('message', onMessage).on('error', settle).on('exit', onExit)
    })
    const running: Running = { thread, ready, loaded: false }
    ready.then(
      () => (running.loaded = true),
      () => undefined,
    )
    thread.on('exit', (code) => {
      if (this.running === running) this.running = undefined
      this.options.onWorkerExit?.(code)
    })
    this.running = running
    return running
  }

  private ask(running: Running, file: SourceFileContents): Promise<ExtractedArticle> {
    const { thread } = running
    const id = this.nextId++
    return new Promise<ExtractedArticle>((resolve, reject) => {
      const timer = setTimeout(() => {
        finish()
        this.stop(running)
        reject(
          new CommonplaceError(
            'import-failed',
            tooSlowMessage(file.fileName, this.limits.timeLimitMs),
          ),
        )
      }, this.limits.timeLimitMs)
      const onMessage = (message: WorkerMessage): void => {
        if (message.type === 'ready' || message.id !== id) return
        finish()
        if (message.type === 'done') resolve(message.article)
        else reject(new CommonplaceError('import-failed', message.message))
      }
      const onError = (error: Error): void => {
        finish()
        this.stop(running)
        reject(this.failure(file.fileName, error, 'the import worker failed'))
      }
      const onExit = (code: number): void => {
        finish()
        reject(
          this.failure(file.fileName, new Error(`stopped with code ${code}`), 'the import worker'),
        )
      }
      const finish = (): void => {
        clearTimeout(timer)
        thread.off('message', onMessage).off('error', onError).off('exit', onExit)
      }
      thread.on('message', onMessage).on('error', onError).on('exit', onExit)
      const request: ExtractionRequest = {
        id,
        file,
        maxNestingDepth: this.limits.maxNestingDepth,
      }
      // A PDF's bytes are moved to the worker, not copied (it sends them back with the article).
      thread.postMessage(request, 'bytes' in file ? [file.bytes.buffer as ArrayBuffer] : [])
    })
  }

  /** A worker that broke a limit is ended, and the next file gets a fresh one. */
  private stop(running: Running): void {
    if (this.running === running) this.running = undefined
    void running.thread.terminate()
  }

  /** Between files the worker does not keep the process alive, and it ends once idle long enough. */
  private rest(): void {
    const running = this.running
    if (!running) return
    running.thread.unref()
    this.idleTimer = setTimeout(() => {
      if (this.running === running) this.stop(running)
    }, this.options.keepAliveMs ?? 30_000)
    this.idleTimer.unref()
  }

  private failure(fileName: string, error: unknown, what: string): CommonplaceError {
    if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return new CommonplaceError(
        'import-failed',
        tooBigMessage(fileName, this.limits.memoryLimitMb),
      )
    }
    const why = error instanceof Error ? error.message : String(error)
    return new CommonplaceError(
      'import-failed',
      `${fileName}: could not be read (${what}: ${why}).`,
    )
  }
}

/** Flags that load code into every module graph of the process, each followed by its module. */
const MODULE_HOOK_FLAGS = new Set([
  '--require',
  '-r',
  '--import',
  '--loader',
  '--experimental-loader',
])

/**
 * The process's Node flags without its module hooks. The worker is built JavaScript: a hook that
 * runs the app from TypeScript source (tsx, under the bench, the CLI tests and the e2e harness)
 * would otherwise be inherited by it and recompile its ES module dependencies (parse5) into
 * slower getter-based CommonJS, so it would read pages slower than in the app, which has none.
 */
export function withoutModuleHooks(execArgv: readonly string[]): string[] {
  const kept: string[] = []
  for (let index = 0; index < execArgv.length; index++) {
    const flag = execArgv[index] as string
    if (MODULE_HOOK_FLAGS.has(flag)) index++
    else if (!MODULE_HOOK_FLAGS.has(flag.split('=')[0] as string)) kept.push(flag)
  }
  return kept
}

/**
 * The built worker script: next to the running bundle (out/main, also from a chunk in
 * out/main/chunks), else `<repo>/out/main` when running from TypeScript source (vitest, the e2e
 * harness). Looks no higher than the first folder with a package.json.
 */
export function findWorkerScript(from: string = __dirname): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, WORKER_FILE), join(dir, 'out', 'main', WORKER_FILE)]) {
      if (existsSync(candidate)) return candidate
    }
    if (existsSync(join(dir, 'package.json')) || dirname(dir) === dir) return undefined
  }
}
