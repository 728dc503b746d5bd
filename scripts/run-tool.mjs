// Runs one of the project's own tools (electron-vite, electron-builder) with this Node, from its
// package's bin entry: no shell, the same on Windows, and the tool's exit code passed on.

import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** The script a package's `bin` names, resolved in this project's node_modules. */
export function toolScript(packageName, binName = packageName) {
  const manifest = require(`${packageName}/package.json`)
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[binName]
  return join(dirname(require.resolve(`${packageName}/package.json`)), bin)
}

/**
 * Whether to print the commands a launcher would run (as JSON) instead of running them:
 * COMMONPLACE_LAUNCH_DRY_RUN=1, so a test sees what would start without an Electron binary.
 */
export function isDryRun() {
  return process.env.COMMONPLACE_LAUNCH_DRY_RUN === '1'
}

/**
 * Runs the steps one after another; the first that fails ends the launcher with its exit code.
 * @param {{ script: string, args: string[], env?: Record<string, string> }[]} steps
 */
export async function runSteps(steps) {
  if (isDryRun()) {
    process.stdout.write(JSON.stringify(steps) + '\n')
    return
  }
  for (const step of steps) {
    const code = await runOne(step)
    if (code !== 0) process.exit(code)
  }
}

function runOne({ script, args, env = {} }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    })
    // Ctrl+C reaches the child through the terminal; a TERM sent to this launcher is passed on.
    const passOn = (signal) => child.kill(signal)
    process.on('SIGTERM', passOn)
    child.on('error', (error) => {
      process.stderr.write(`Commonplace: could not start ${script}: ${error.message}\n`)
      resolve(1)
    })
    child.on('close', (code, signal) => {
      process.off('SIGTERM', passOn)
      resolve(code ?? (signal ? 1 : 0))
    })
  })
}
