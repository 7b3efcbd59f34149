/**
 * The one IPC contract between the Electron main process and the renderer.
 * Channel names are namespaced (`space:action`). Main registers every channel through one
 * typed `handle()` that validates the sender and the payload; the preload implements
 * `window.kryss` from this map with `satisfies KryssApi`. Nothing else touches raw IPC.
 */
export type HostConnection = {
  /** Origin of the local host core, e.g. `http://127.0.0.1:49152/`. */
  hostUrl: string
  /** Per-launch owner token for the host's API and sync endpoint. */
  token: string
}

export type AppInfo = { version: string; platform: string; locale: string }

export type IpcContract = {
  'host:connection': { request: void; response: HostConnection }
  'app:info': { request: void; response: AppInfo }
  'app:openExternal': { request: { url: string }; response: { opened: boolean } }
  /** A native folder picker (Markdown export); `path` is null when the person cancels. */
  'dialog:pickFolder': { request: { title?: string }; response: { path: string | null } }
}
export type IpcChannel = keyof IpcContract

export const IPC_CHANNELS = [
  'host:connection',
  'app:info',
  'app:openExternal',
  'dialog:pickFolder',
] as const satisfies readonly IpcChannel[]

/** What the preload exposes as `window.kryss`. */
export type KryssApi = {
  getHostConnection(): Promise<HostConnection>
  getAppInfo(): Promise<AppInfo>
  openExternal(url: string): Promise<{ opened: boolean }>
  pickFolder(title?: string): Promise<{ path: string | null }>
}
