import { homedir } from 'node:os'
import { join } from 'node:path'
import { InvalidArgumentError, type Command } from 'commander'
import { openCommonplace, type Commonplace } from '../core/commonplace'
import { dataDirFromArgs } from '../data-dir'

/** Where Electron keeps userData for an app named "commonplace", so the CLI finds the app's notebook. */
function defaultDataDir(): string {
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'commonplace')
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'commonplace')
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'commonplace')
}

/** What every command shares: the notebook, opened once, and the ways to speak. */
export interface CliContext {
  /** The notebook folder the command works on. */
  dataDir(): string
  /** Opens it; only commands that add to a notebook may start a new one (`create`). */
  open(options?: { create?: boolean }): Promise<Commonplace>
  /** Source files are read when a command needs them, so their problems are known only after. */
  warnAboutProblems(alreadyShown?: string): void
}

export function createContext(program: Command): CliContext {
  let opened: Commonplace | undefined
  const dataDir = (): string =>
    (program.opts().dataDir as string | undefined) ??
    dataDirFromArgs([], process.env) ??
    defaultDataDir()
  return {
    dataDir,
    async open({ create = false } = {}) {
      opened = await openCommonplace(dataDir(), { create })
      return opened
    },
    warnAboutProblems(alreadyShown) {
      for (const problem of opened?.store.problems ?? []) {
        if (problem.message !== alreadyShown) process.stderr.write(`warning: ${problem.message}\n`)
      }
    },
  }
}

export const print = (line = ''): boolean => process.stdout.write(`${line}\n`)
export const printJson = (value: unknown): boolean => print(JSON.stringify(value, null, 2))
export const printError = (line = ''): boolean => process.stderr.write(`${line}\n`)

export function positiveInteger(value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError('expected a whole number from 1 up.')
  return number
}

export const collect = (value: string, previous: string[]): string[] => [...previous, value]
