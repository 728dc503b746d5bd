// Where the Electron binary is for `npm start` and `npm run dist`, found without side effects.
// `require('electron')` is not used: in Electron 45 it starts a download when the binary is
// missing, and fails with a stack trace where there is no network.

import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** The package folder of the installed `electron` npm package. */
export function electronPackageDir() {
  return dirname(require.resolve('electron/package.json'))
}

/** The installed Electron version (the binary must match it). */
export function electronVersion() {
  return require('electron/package.json').version
}

/** The executable inside an unpacked Electron, as the electron package's install.js names it. */
export function executableName(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron'
  if (platform === 'win32') return 'electron.exe'
  return 'electron'
}

/**
 * The Electron executable to run, or `undefined` when none is installed. In order: electron-vite's
 * own ELECTRON_EXEC_PATH, ELECTRON_OVERRIDE_DIST_PATH (an unpacked Electron, honoured the way the
 * electron package does), then the binary `npx install-electron` put in node_modules/electron/dist.
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ executable: string, distDir?: string } | undefined}
 */
export function findElectronBinary(env = process.env, packageDir = electronPackageDir()) {
  const execPath = env.ELECTRON_EXEC_PATH?.trim()
  if (execPath) return existsSync(execPath) ? { executable: execPath } : undefined
  const pathFile = join(packageDir, 'path.txt')
  const named = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  const override = env.ELECTRON_OVERRIDE_DIST_PATH?.trim()
  const distDir = override || join(packageDir, 'dist')
  // Without an override, a dist without path.txt is a half-finished install: report it missing.
  if (!override && !named) return undefined
  const executable = join(distDir, named || executableName())
  return existsSync(executable) ? { executable, distDir } : undefined
}

/**
 * The Node version the electron package's installer asks for (its `engines`), when this Node is
 * older; `undefined` when this Node will do.
 */
export function nodeTooOldFor(installed = process.versions.node) {
  const wanted = /(\d+)\.(\d+)\.(\d+)/.exec(require('electron/package.json').engines?.node ?? '')
  if (!wanted) return undefined
  const have = installed.split('.').map(Number)
  const need = wanted.slice(1).map(Number)
  const index = need.findIndex((part, at) => part !== have[at])
  return index !== -1 && have[index] < need[index] ? need.join('.') : undefined
}

/** The one line `npm start` prints where there is no binary: what is missing and the two ways on. */
export function missingBinaryLine() {
  const needs = nodeTooOldFor()
  const nodeNote = needs ? ` (needs Node ${needs} or later; this is ${process.versions.node})` : ''
  return (
    'Commonplace: the Electron binary is not installed. With network access run ' +
    `\`npx install-electron\`${nodeNote}, or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked ` +
    `Electron ${electronVersion()}; the CLI works without it: \`npx commonplace --help\`.`
  )
}
