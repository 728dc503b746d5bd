import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

// Files the operating system asked Commonplace to open: double-clicked in the file manager, given
// on the command line, or dropped on the dock icon. Electron-free, so unit tests try argv lists.

export interface ArgvContext {
  /**
   * How many leading arguments are the program's own: the executable, and in development
   * (`electron <app>`, where `process.defaultApp` is set) the app path after it.
   */
  leading: number
  /** Where relative paths are from: the working directory of the process that was started. */
  cwd: string
}

/** Flags whose value is the next argument (`--data-dir <path>`), which is then not a file. */
const FLAGS_WITH_VALUE = new Set(['--data-dir'])

/**
 * The files named on a command line, as absolute paths. Flags (`--x`, `-x`) and the values of
 * Commonplace's own flags are skipped; `file://` URLs (which a Linux desktop entry may pass) become
 * paths, other URLs are skipped. Whether each file exists and can be imported is for the importer
 * to say, naming the file, so a mistyped path is reported rather than silently dropped.
 */
export function filesFromArgv(argv: readonly string[], context: ArgvContext): string[] {
  const files: string[] = []
  for (let i = context.leading; i < argv.length; i++) {
    const arg = argv[i] as string
    if (FLAGS_WITH_VALUE.has(arg)) {
      i++
      continue
    }
    if (arg === '' || arg.startsWith('-')) continue
    const path = asPath(arg)
    if (path !== null) files.push(isAbsolute(path) ? path : resolve(context.cwd, path))
  }
  return files
}

function asPath(arg: string): string | null {
  if (!/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) return arg
  if (!arg.startsWith('file://')) return null
  try {
    return fileURLToPath(arg)
  } catch {
    return null
  }
}

/**
 * Files waiting for the page to import them. The page asks for them (`importOpenedFiles`) when it
 * has loaded and whenever it is told more came, so a file opened before the window exists, or
 * while it is still loading, waits here rather than being announced to nobody.
 */
export class OpenedFiles {
  private waiting: string[] = []

  /** Queues files (each once); answers whether any were new. */
  add(paths: readonly string[]): boolean {
    const fresh = paths.filter((path) => !this.waiting.includes(path))
    this.waiting.push(...fresh)
    return fresh.length > 0
  }

  /** The files waiting, in the order they came; the queue is empty afterwards. */
  take(): string[] {
    return this.waiting.splice(0)
  }
}
