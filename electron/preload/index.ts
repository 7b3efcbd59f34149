import { contextBridge, ipcRenderer } from 'electron'
import type { IpcChannel, IpcContract, KryssApi } from '../../shared/ipc'

/**
 * The preload: the only module that touches `ipcRenderer` (enforced by lint), and the only
 * thing the renderer gets from Electron — `window.kryss`, nothing else. WARNING: this runs
 * sandboxed, so it is bundled as CommonJS and may import nothing at runtime but `electron`
 * (types from `shared/` are fine; they vanish in the build).
 */

function invoke<C extends IpcChannel>(
  channel: C,
  ...request: IpcContract[C]['request'] extends void ? [] : [IpcContract[C]['request']]
): Promise<IpcContract[C]['response']> {
  // ipcRenderer.invoke is untyped; the contract types both ends, and main validates.
  return ipcRenderer.invoke(channel, ...request) as Promise<IpcContract[C]['response']>
}

// Plain arrow functions: contextBridge copies the object, and never exposes ipcRenderer,
// the event objects, or anything that could hand the page a way to send arbitrary messages.
const api = {
  getHostConnection: () => invoke('host:connection'),
  getAppInfo: () => invoke('app:info'),
  openExternal: (url: string) => invoke('app:openExternal', { url }),
  pickFolder: (title?: string) => invoke('dialog:pickFolder', title === undefined ? {} : { title }),
} satisfies KryssApi

contextBridge.exposeInMainWorld('kryss', api)
