import { contextBridge, ipcRenderer } from 'electron'
import {
  channels,
  menuCommandChannel,
  notebookChangedChannel,
  type CommonplaceApi,
  type MenuCommand,
  type NotebookChange,
} from '../shared/ipc'

// One function per channel of the contract; the page never sees ipcRenderer itself.
const api = {
  listSources: () => ipcRenderer.invoke(channels.listSources),
  importSources: () => ipcRenderer.invoke(channels.importSources),
  getSource: (id, versionHash) => ipcRenderer.invoke(channels.getSource, id, versionHash),
  updateSourceMetadata: (id, metadata) =>
    ipcRenderer.invoke(channels.updateSourceMetadata, id, metadata),
  listClippings: (query) => ipcRenderer.invoke(channels.listClippings, query),
  createClipping: (request) => ipcRenderer.invoke(channels.createClipping, request),
  updateClipping: (edit) => ipcRenderer.invoke(channels.updateClipping, edit),
  deleteClipping: (id) => ipcRenderer.invoke(channels.deleteClipping, id),
  restoreClipping: (id) => ipcRenderer.invoke(channels.restoreClipping, id),
  listProblems: () => ipcRenderer.invoke(channels.listProblems),
  openExternal: (url) => ipcRenderer.invoke(channels.openExternal, url),
  lookupClippings: (ids) => ipcRenderer.invoke(channels.lookupClippings, ids),
  listEssays: () => ipcRenderer.invoke(channels.listEssays),
  createEssay: (title) => ipcRenderer.invoke(channels.createEssay, title),
  getEssay: (id) => ipcRenderer.invoke(channels.getEssay, id),
  saveEssay: (id, editorState) => ipcRenderer.invoke(channels.saveEssay, id, editorState),
  renameEssay: (id, title) => ipcRenderer.invoke(channels.renameEssay, id, title),
  deleteEssay: (id) => ipcRenderer.invoke(channels.deleteEssay, id),
  restoreEssay: (id) => ipcRenderer.invoke(channels.restoreEssay, id),
  essaysCitingClipping: (clippingId) =>
    ipcRenderer.invoke(channels.essaysCitingClipping, clippingId),
  essaysCitingSource: (sourceId) => ipcRenderer.invoke(channels.essaysCitingSource, sourceId),
  readyToClose: () => ipcRenderer.invoke(channels.readyToClose),
  exportEssay: (request) => ipcRenderer.invoke(channels.exportEssay, request),
  importEssay: () => ipcRenderer.invoke(channels.importEssay),
  verifyCitations: (essayId) => ipcRenderer.invoke(channels.verifyCitations, essayId),
  reimportSource: (sourceId) => ipcRenderer.invoke(channels.reimportSource, sourceId),
  acceptChangedQuote: (clippingId) => ipcRenderer.invoke(channels.acceptChangedQuote, clippingId),
  notebookStatus: () => ipcRenderer.invoke(channels.notebookStatus),
  listBackups: () => ipcRenderer.invoke(channels.listBackups),
  createBackup: () => ipcRenderer.invoke(channels.createBackup),
  restoreBackup: (name) => ipcRenderer.invoke(channels.restoreBackup, name),
  repairNotebook: () => ipcRenderer.invoke(channels.repairNotebook),
  onMenuCommand: (listener) => {
    const forward = (_event: Electron.IpcRendererEvent, command: MenuCommand): void =>
      listener(command)
    ipcRenderer.on(menuCommandChannel, forward)
    return () => ipcRenderer.removeListener(menuCommandChannel, forward)
  },
  onNotebookChanged: (listener) => {
    const forward = (_event: Electron.IpcRendererEvent, change: NotebookChange): void =>
      listener(change)
    ipcRenderer.on(notebookChangedChannel, forward)
    return () => ipcRenderer.removeListener(notebookChangedChannel, forward)
  },
} satisfies CommonplaceApi

contextBridge.exposeInMainWorld('commonplace', api)
