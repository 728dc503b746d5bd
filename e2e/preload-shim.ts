// Runs the app's real, built preload (out/preload/index.js) in a plain Chromium page. The preload
// is a sandboxed one: a CommonJS bundle whose only `require` is 'electron', and of that it uses
// contextBridge.exposeInMainWorld and ipcRenderer.invoke/on/removeListener. The shim gives it
// exactly those, and webUtils.getPathForFile; invoke leaves the page through a Playwright binding
// to main's handlers.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { repoRoot } from './environment'

export const preloadBundle = join(repoRoot, 'out', 'preload', 'index.js')

/**
 * The binding invoke goes through: (channel, args) -> the answer of main's handler. Each way as
 * JSON text, not as objects: Playwright walks an object value by value (a long essay's 650 KB
 * took it ~100 ms each way), where Electron's structured clone takes a few milliseconds. The
 * contract carries JSON-safe values only, so the text says the same; an argument left out
 * (undefined) travels as '' and arrives as undefined, as it does in Electron.
 */
export const invokeBinding = '__commonplaceIpcInvoke'

/** An invoke's arguments as the page sends them through the binding. */
export function argumentsOf(sent: readonly string[]): unknown[] {
  return sent.map((text) => (text === '' ? undefined : (JSON.parse(text) as unknown)))
}

/** A handler's answer as the binding returns it to the page. */
export function answerText(answer: unknown): string {
  return answer === undefined ? '' : JSON.stringify(answer)
}

/** What the harness calls in the page to do what main's `webContents.send` does. */
export const sendHook = '__commonplaceSend'

/**
 * What a test calls in the page to say which file on disk a File it made stands for: the path
 * Electron's webUtils.getPathForFile gives for a File dropped from the OS. A File not registered
 * has no path, as one the page made itself has none in Electron.
 */
export const dropPathHook = '__commonplaceFilePath'

/**
 * The init script that installs the shim and runs the preload in it. A string, not a function:
 * bundlers that rename or wrap functions (tsx's keepNames) would break a serialized function, and
 * the bench runs this file under tsx.
 */
export function preloadInitScript(preloadSource: string): string {
  return `(() => {
  const invoke = window.${invokeBinding}
  // The page sees what an Electron page sees: what the preload exposed, not the way out.
  delete window.${invokeBinding}
  const listeners = new Map()
  const ipcRenderer = Object.freeze({
    invoke: (channel, ...args) =>
      invoke(channel, args.map((arg) => (arg === undefined ? '' : JSON.stringify(arg)))).then(
        (text) => (text === '' ? undefined : JSON.parse(text)),
      ),
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, [])
      listeners.get(channel).push(listener)
      return ipcRenderer
    },
    removeListener(channel, listener) {
      const list = listeners.get(channel) || []
      const index = list.indexOf(listener)
      if (index >= 0) list.splice(index, 1)
      return ipcRenderer
    },
  })
  const contextBridge = Object.freeze({
    exposeInMainWorld(key, api) {
      // As Electron does: no binding over an existing property of window.
      if (key in window) throw new Error('Cannot bind an API on top of an existing property on the window object')
      Object.defineProperty(window, key, { value: Object.freeze({ ...api }), enumerable: true })
    },
  })
  const filePaths = new WeakMap()
  const webUtils = Object.freeze({
    getPathForFile(file) {
      // As Electron does: anything but a File throws; a File not backed by a file on disk is ''.
      if (!(file instanceof File)) throw new TypeError('getPathForFile expects a File')
      return filePaths.get(file) || ''
    },
  })
  Object.defineProperty(window, '${dropPathHook}', {
    value: (file, path) => void filePaths.set(file, path),
  })
  const electron = Object.freeze({ contextBridge, ipcRenderer, webUtils })
  const require = (name) => {
    if (name === 'electron') return electron
    throw new Error('module not found: ' + name + ' (a sandboxed preload may only require electron)')
  }
  Object.defineProperty(window, '${sendHook}', {
    value: (channel, payload) => {
      const event = { sender: ipcRenderer, senderId: 0, ports: [] }
      for (const listener of [...(listeners.get(channel) || [])]) listener(event, payload)
    },
  })
  const module = { exports: {} }
  ;(function (require, module, exports) {
${preloadSource}
  })(require, module, module.exports)
})()
//# sourceURL=commonplace-preload.js`
}

/** The built preload; `npm run build` (or `npx electron-vite build`) makes it. */
export async function readPreloadBundle(path = preloadBundle): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new Error(`No built preload at ${path}: run \`npm run build\` first.`, { cause: error })
  }
}
