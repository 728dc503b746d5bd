// The app run in Electron through electron-vite (`preview` for `npm start`, `dev` for `npm run
// dev`), after checking that the Electron binary is there, so a machine without it gets one line
// saying what to do, not a build followed by electron-vite's "Electron uninstall" stack trace.

import { findElectronBinary, missingBinaryLine } from './electron-binary.mjs'
import { runSteps, toolScript } from './run-tool.mjs'

/**
 * Runs `electron-vite <command> ...args` on the installed Electron, or exits 1 with one line.
 * @param {'preview' | 'dev'} command
 * @param {string[]} args passed on to electron-vite
 */
export async function launchApp(command, args) {
  const binary = findElectronBinary()
  if (!binary) {
    process.stderr.write(missingBinaryLine() + '\n')
    process.exit(1)
  }
  await runSteps([
    {
      script: toolScript('electron-vite'),
      args: [command, ...args],
      // electron-vite reads only its own variable (not ELECTRON_OVERRIDE_DIST_PATH).
      env: { ELECTRON_EXEC_PATH: binary.executable },
    },
  ])
}
