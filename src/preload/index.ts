import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import {
  channels,
  menuCommandChannel,
  notebookChangedChannel,
  importProgressChannel,
  syncStatusChannel,
  essaySyncChannel,
  screenReaderChannel,
  type EssaySyncMessage,
  type ImportProgress,
  type SyncStatus,
  type CommonplaceApi,
  type DroppedFile,
  type ImportReport,
  type InvokeApi,
  type InvokeMethod,
  type MenuCommand,
  type NotebookChange,
  type Result,
} from '../shared/ipc'

// The api is built from the contract's channel table, so a channel added there reaches the page
// without a second list to keep in step. The page gets these functions only: never ipcRenderer,
// a generic send, or the IPC event (whose `sender` is ipcRenderer itself).

/** One function per channel; arguments go as they are, main parses every one of them. */
function invoker<K extends InvokeMethod>(method: K): InvokeApi[K] {
  const channel = channels[method]
  // The cast is the one place the contract's types meet the untyped wire; `channels` satisfies
  // Record<InvokeMethod, string>, so every method has its channel.
  return ((...args: unknown[]) => ipcRenderer.invoke(channel, ...args)) as InvokeApi[K]
}

/** Listens to one main -> renderer channel; returns the unsubscribe function. */
function subscriber<T>(channel: string) {
  return (listener: (payload: T) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, payload: T): void => listener(payload)
    ipcRenderer.on(channel, forward)
    return () => void ipcRenderer.removeListener(channel, forward)
  }
}

// fromEntries forgets which keys it was given; they are every InvokeMethod, one invoker each.
const invokeApi = Object.fromEntries(
  (Object.keys(channels) as InvokeMethod[]).map((method) => [method, invoker(method)]),
) as unknown as InvokeApi

const { importDroppedPath, ...pageApi } = invokeApi

/**
 * The path of a File the user dropped, looked up here so it never passes through the page's hands:
 * a File the page made itself has no path and is refused, as is anything that is not a File.
 */
function importDroppedFile(file: DroppedFile): Promise<Result<ImportReport>> {
  let path = ''
  try {
    path = webUtils.getPathForFile(file as File)
  } catch {
    // Not a File at all: refused below like one without a path.
  }
  if (path) return importDroppedPath(path)
  const name = typeof file?.name === 'string' && file.name ? file.name : 'The dropped item'
  return Promise.resolve({
    ok: false,
    error: {
      code: 'import-failed',
      message: `${name}: is not a file on this computer; drop files from a folder.`,
    },
  })
}

const api = {
  ...pageApi,
  importDroppedFile,
  onMenuCommand: subscriber<MenuCommand>(menuCommandChannel),
  onNotebookChanged: subscriber<NotebookChange>(notebookChangedChannel),
  onImportProgress: subscriber<ImportProgress>(importProgressChannel),
  onSyncStatus: subscriber<SyncStatus>(syncStatusChannel),
  onEssaySync: subscriber<EssaySyncMessage>(essaySyncChannel),
  onScreenReaderChanged: subscriber<boolean>(screenReaderChannel),
} satisfies CommonplaceApi

contextBridge.exposeInMainWorld('commonplace', api)
