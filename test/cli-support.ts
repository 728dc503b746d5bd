// Running the built `commonplace` command as a user does: its own process, on a given notebook.
import { execFile, execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { repoDir } from './support'

export const bin = join(repoDir, 'bin', 'commonplace.js')

export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Runs `commonplace --data-dir <dataDir> ...args` and waits for it to exit. */
export function runCli(dataDir: string, ...args: string[]): Promise<Run> {
  const env = { ...process.env }
  delete env.COMMONPLACE_DATA_DIR
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, '--data-dir', dataDir, ...args],
      { env, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
}

/** `npm run test:unit` builds first; build here only when run on its own from a fresh checkout. */
export function ensureBuilt(): void {
  if (!existsSync(join(repoDir, 'out', 'main', 'cli.js'))) {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: repoDir, stdio: 'ignore' })
  }
}
