// Starting the built main bundle (out/main/index.js) on the recording stand-in for `electron`, as
// `electron .` would: the smoke tests in src/main share these, and each test's app is quit and its
// folders removed after it.
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import Module, { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeAll, expect } from 'vitest'
import {
  createElectronStandIn,
  type ElectronStandIn,
  type FakeWindow,
  type InvokeListener,
} from './electron-stand-in'

export const outDir = resolve(__dirname, '../out')
const mainBundle = join(outDir, 'main', 'index.js')
export const appPage = 'app://commonplace/index.html'
const workArea = { x: 0, y: 0, width: 1920, height: 1080 }
/** The executable a packaged app's argv starts with. */
export const appExecutable = '/opt/Commonplace/commonplace'

type Loader = { _load(request: string, parent: unknown, isMain: boolean): unknown }
const nodeRequire = createRequire(__filename)

/** Runs the bundle afresh with `electron` resolved to the stand-in (and nothing else changed). */
function loadMainBundle(electron: object): void {
  const loader = Module as unknown as Loader
  const load = loader._load
  loader._load = function (request, parent, isMain) {
    return request === 'electron' ? electron : load.call(this, request, parent, isMain)
  }
  try {
    for (const path of Object.keys(nodeRequire.cache)) {
      if (path.startsWith(join(outDir, 'main'))) delete nodeRequire.cache[path]
    }
    nodeRequire(mainBundle)
  } finally {
    loader._load = load
  }
}

export interface Started extends ElectronStandIn {
  dataDir: string
  window: FakeWindow
}

beforeAll(() => {
  if (!existsSync(mainBundle)) {
    throw new Error(
      `${mainBundle} is missing: run \`npx electron-vite build\` first (npm run test:unit does).`,
    )
  }
})

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  const failures: unknown[] = []
  for (const cleanup of cleanups.splice(0).reverse()) {
    await Promise.resolve()
      .then(cleanup)
      .catch((error: unknown) => failures.push(error))
  }
  if (failures.length) throw failures[0]
})

/** Sets a property of `process` for this test only. */
function stubProcess<K extends 'platform' | 'argv' | 'resourcesPath'>(
  key: K,
  value: NodeJS.Process[K],
): void {
  const original = Object.getOwnPropertyDescriptor(process, key)
  Object.defineProperty(process, key, { value, configurable: true, writable: true })
  cleanups.push(() => {
    if (original) Object.defineProperty(process, key, original)
    else delete (process as Partial<NodeJS.Process>)[key]
  })
}

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'commonplace-smoke-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true, maxRetries: 5 }))
  return dir
}

export interface StartOptions {
  platform?: NodeJS.Platform
  gotLock?: boolean
  systemDark?: boolean
  /** Built by electron-builder (app.isPackaged). */
  packaged?: boolean
  /** Files to put in the data folder before the app starts. */
  files?: Record<string, unknown>
  /** The command line after the executable; given the data folder, to name it. */
  args?: (dataDir: string) => string[]
  /** Run once the bundle is loaded, before the app is ready (as macOS's first open-file). */
  beforeReady?: (standIn: ElectronStandIn) => void
}

/** Starts the app like `electron .` would, with a fresh data folder given by the environment. */
export async function startApp(
  options: StartOptions = {},
): Promise<ElectronStandIn & { dataDir: string }> {
  stubProcess('platform', options.platform ?? 'linux')
  const dataDir = await tempDir()
  for (const [name, content] of Object.entries(options.files ?? {})) {
    await writeFile(join(dataDir, name), JSON.stringify(content))
  }
  // As a packaged app is started: the executable, then what the user or the OS gave it.
  stubProcess('argv', [appExecutable, ...(options.args?.(dataDir) ?? [])])
  if (options.packaged) stubProcess('resourcesPath', join(dataDir, 'resources'))
  const env = { data: process.env.COMMONPLACE_DATA_DIR, dev: process.env.ELECTRON_RENDERER_URL }
  process.env.COMMONPLACE_DATA_DIR = dataDir
  delete process.env.ELECTRON_RENDERER_URL
  cleanups.push(() => {
    if (env.data === undefined) delete process.env.COMMONPLACE_DATA_DIR
    else process.env.COMMONPLACE_DATA_DIR = env.data
    if (env.dev !== undefined) process.env.ELECTRON_RENDERER_URL = env.dev
  })
  const standIn = createElectronStandIn({
    gotLock: options.gotLock ?? true,
    systemDark: options.systemDark ?? false,
    userData: await tempDir(),
    workArea,
    packaged: options.packaged,
  })
  loadMainBundle(standIn.electron)
  options.beforeReady?.(standIn)
  return { ...standIn, dataDir }
}

/** Starts the app and waits for its window; quitting (which saves and closes the notebook) after. */
export async function startWindow(options: StartOptions = {}): Promise<Started> {
  const started = await startApp(options)
  await expect.poll(() => started.record.windows.length).toBe(1)
  await expect.poll(() => started.record.applicationMenu).not.toBeNull()
  cleanups.push(async () => {
    // Closing the last window quits on Linux and Windows; otherwise quit here. The first quit is
    // held back while the indexes are saved and the notebook closed; the second is the real one.
    if (started.record.quits === 0) started.app.quit()
    await expect.poll(() => started.record.quits).toBeGreaterThanOrEqual(2)
  })
  return { ...started, window: started.record.windows[0]! }
}

/** What the app's own page sends with a call. */
export const fromApp = { senderFrame: { url: appPage } }

export function handlerFor(started: Started, channel: string): InvokeListener {
  const [handler] = started.record.invokeHandlers.get(channel) ?? []
  if (!handler) throw new Error(`No handler on ${channel}`)
  return handler
}
