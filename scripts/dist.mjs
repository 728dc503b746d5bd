// `npm run dist`: the app built and packaged by electron-builder for this platform (AppImage and
// deb, dmg, or NSIS; see electron-builder.json). electron-builder downloads the Electron zip it
// packs unless it is given an unpacked Electron, so this checks first that one of the two is
// possible and otherwise says so in one line, before spending minutes on a build. Arguments pass
// on to electron-builder (e.g. `npm run dist -- --dir`).

import { electronVersion, findElectronBinary } from './electron-binary.mjs'
import { runSteps, toolScript } from './run-tool.mjs'

const PROBE_TIMEOUT_MS = 10_000

/** Where electron-builder (through @electron/get) downloads Electron from; ELECTRON_MIRROR wins. */
function downloadBase() {
  const mirror = process.env.ELECTRON_MIRROR?.trim()
  return mirror || 'https://github.com/electron/electron/releases/download/'
}

/** Why the Electron download would fail, or `undefined` when its host answers. */
async function downloadProblem() {
  const base = downloadBase()
  const url = `${base.endsWith('/') ? base : base + '/'}v${electronVersion()}/SHASUMS256.txt`
  try {
    const response = await fetch(url, {
      method: 'HEAD',
      redirect: 'manual',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    })
    return response.status < 500 ? undefined : `${new URL(url).host} answered ${response.status}`
  } catch (error) {
    const cause = error.cause?.code ?? error.cause?.message ?? error.message
    return `${new URL(url).host} is unreachable: ${cause}`
  }
}

// An Electron already on this machine (an override, or the one `npx install-electron` unpacked)
// is the same version for the same platform: electron-builder packs it without downloading.
const binary = findElectronBinary({ ...process.env, ELECTRON_EXEC_PATH: '' })
const electronDistArgs = binary?.distDir ? [`-c.electronDist=${binary.distDir}`] : []
if (!binary) {
  const problem = await downloadProblem()
  if (problem) {
    process.stderr.write(
      `Commonplace: cannot package: the Electron ${electronVersion()} binary cannot be downloaded ` +
        `(${problem}); run \`npm run dist\` with network access, or set ELECTRON_OVERRIDE_DIST_PATH ` +
        'to an unpacked Electron of that version.\n',
    )
    process.exit(1)
  }
}

await runSteps([
  { script: toolScript('electron-vite'), args: ['build'] },
  {
    script: toolScript('electron-builder'),
    args: ['--publish', 'never', ...electronDistArgs, ...process.argv.slice(2)],
  },
])
