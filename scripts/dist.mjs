// `npm run dist`: the app built and packaged by electron-builder for this platform (AppImage and
// deb, dmg, or NSIS; see electron-builder.json). electron-builder downloads the Electron zip it
// packs unless it is given an unpacked Electron, so this checks first that one of the two is
// possible and otherwise says so in one line, before spending minutes on a build. Arguments pass
// on to electron-builder (e.g. `npm run dist -- --dir`).

import { readFileSync } from 'node:fs'
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

/**
 * Whether this run makes the deb: on Linux, unless only other targets (or `--dir`) are asked for.
 * @param {string[]} args
 */
function makesDeb(args) {
  const linux =
    args.includes('--linux') ||
    (process.platform === 'linux' && !/--(mac|win)/.test(args.join(' ')))
  if (!linux || args.includes('--dir')) return false
  const named = args.filter((arg) => /^(AppImage|deb|rpm|snap|zip|tar\.\w+|dir)(:|$)/.test(arg))
  return named.length === 0 || named.some((arg) => arg.startsWith('deb'))
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

// A Debian package must name its project's home page; electron-builder would stop at the deb step,
// after the build and the AppImage, with a paragraph about metadata.
const args = process.argv.slice(2)
const manifestPath = new URL('../package.json', import.meta.url)
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
if (makesDeb(args) && !manifest.homepage) {
  process.stderr.write(
    'Commonplace: cannot package the deb: package.json has no "homepage" (a Debian package must ' +
      'name one); add it, or make only the AppImage: `npm run dist -- --linux AppImage`.\n',
  )
  process.exit(1)
}

await runSteps([
  { script: toolScript('electron-vite'), args: ['build'] },
  {
    script: toolScript('electron-builder'),
    args: ['--publish', 'never', ...electronDistArgs, ...args],
  },
])
