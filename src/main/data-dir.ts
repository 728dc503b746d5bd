import { createHash } from 'node:crypto'
import { join, resolve } from 'node:path'

/** `--data-dir <path>` or `--data-dir=<path>` on the command line, else COMMONPLACE_DATA_DIR. */
export function dataDirFromArgs(argv: string[], env: NodeJS.ProcessEnv): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--data-dir' && argv[i + 1]) return argv[i + 1]
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length)
  }
  return env.COMMONPLACE_DATA_DIR || undefined
}

/**
 * Electron's userData folder for the app started on `dataDir` (named on the command line, else
 * undefined). Electron's single-instance lock lives in userData, so a notebook named on the command
 * line gets a folder of its own there: a second start on that notebook hands its files to the
 * first, and a start on another notebook runs beside it, where before it was sent to the first
 * app (which showed its own notebook). The default notebook keeps Electron's folder.
 */
export function userDataFor(defaultUserData: string, dataDir: string | undefined): string {
  if (!dataDir || resolve(dataDir) === resolve(defaultUserData)) return defaultUserData
  const id = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16)
  return join(defaultUserData, 'notebooks', id)
}
