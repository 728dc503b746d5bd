import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { chromium } from '@playwright/test'

export const repoRoot = resolve(__dirname, '..')
export const rendererDir = join(repoRoot, 'out', 'renderer')
export const mainEntry = join(repoRoot, 'out', 'main', 'index.js')
export { fixturePath as fixture, fixturesDir } from '../test/fixtures'

/** CHROMIUM_PATH, else Debian's Chromium, else Playwright's own if one was ever installed. */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate
  try {
    const bundled = chromium.executablePath()
    if (existsSync(bundled)) return bundled
  } catch {
    // Playwright has no browser of its own here.
  }
  throw new Error(
    'No Chromium found for the e2e harness. Install one (Debian: `apt-get install -y chromium`) ' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  )
}

/**
 * The Electron binary, without triggering the electron package's download-on-require (which
 * needs GitHub). Returns the reason when there is none.
 */
export function findElectron(): { path: string } | { missing: string } {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const packageDir = join(repoRoot, 'node_modules', 'electron')
  let path: string | undefined
  if (override) {
    path = join(override, process.platform === 'win32' ? 'electron.exe' : 'electron')
  } else if (existsSync(join(packageDir, 'path.txt'))) {
    path = join(packageDir, 'dist', readFileSync(join(packageDir, 'path.txt'), 'utf8').trim())
  }
  if (path && existsSync(path)) return { path }
  return {
    missing:
      'no Electron binary on this machine (electron downloads it from GitHub on first launch). ' +
      'Run `npx electron --version` once with network access, or set ELECTRON_OVERRIDE_DIST_PATH ' +
      'to an unpacked Electron 45 directory, to run the specs in Electron.',
  }
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

const run = promisify(execFile)

/** The built `commonplace` command on the app's notebook, as a user runs it beside the app. */
export function commonplace(
  dataDir: string,
  ...args: string[]
): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [
    join(repoRoot, 'bin', 'commonplace.js'),
    '--data-dir',
    dataDir,
    ...args,
  ])
}
