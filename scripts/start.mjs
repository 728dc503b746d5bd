// `npm start`: the app built and run in Electron (electron-vite preview), after checking that the
// Electron binary is there, so a machine without it gets one line saying what to do, not a build
// followed by electron-vite's "Electron uninstall" stack trace. Arguments pass on to electron-vite.

import { findElectronBinary, missingBinaryLine } from './electron-binary.mjs'
import { runSteps, toolScript } from './run-tool.mjs'

const binary = findElectronBinary()
if (!binary) {
  process.stderr.write(missingBinaryLine() + '\n')
  process.exit(1)
}

await runSteps([
  {
    script: toolScript('electron-vite'),
    args: ['preview', ...process.argv.slice(2)],
    // electron-vite reads only its own variable (not ELECTRON_OVERRIDE_DIST_PATH).
    env: { ELECTRON_EXEC_PATH: binary.executable },
  },
])
