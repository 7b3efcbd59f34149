import { vi } from 'vitest'

/**
 * A stand-in for the `electron` module, just wide enough for the shell's main process and
 * preload: the Electron binary cannot run on the machines we build on, so the tests load the
 * TypeScript sources with `vi.mock('electron', …)` returning one of these, and drive the
 * events Electron would emit. Every object records what the code under test did to it.
 */

type Listener = (...args: never[]) => unknown

/** Minimal Node-style emitter with the `on`/`once` overloads Electron objects have. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>()

  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
    return this
  }

  once(name: string, listener: Listener): this {
    const wrapped = (...args: never[]) => {
      this.off(name, wrapped)
      return listener(...args)
    }
    return this.on(name, wrapped)
  }

  off(name: string, listener: Listener): this {
    this.listeners.set(
      name,
      (this.listeners.get(name) ?? []).filter((l) => l !== listener),
    )
    return this
  }

  listenerCount(name: string): number {
    return this.listeners.get(name)?.length ?? 0
  }

  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) {
      ;(listener as (...a: unknown[]) => unknown)(...args)
    }
  }
}

/** An event object with the `preventDefault` Electron's events have. */
export function fakeEvent<T extends object>(fields: T = {} as T) {
  return { ...fields, preventDefault: vi.fn(), defaultPrevented: false }
}

export type WindowOpenHandler = (details: { url: string }) => { action: string }

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: WindowOpenHandler | undefined
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler
  }
}

export type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void
export type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  requestingOrigin: string,
) => boolean
export type IpcListener = (event: unknown, ...args: unknown[]) => Promise<unknown>
export type ProtocolHandler = (request: Request) => Promise<Response>

/** Builds a fresh fake `electron` module; `userData` and `appPath` are real temp folders. */
export function createFakeElectron(options: {
  userData: string
  appPath: string
  singleInstanceLock?: boolean
  dark?: boolean
}) {
  const app = Object.assign(new FakeEmitter(), {
    paths: new Map<string, string>([['userData', options.userData]]),
    requestSingleInstanceLock: vi.fn(() => options.singleInstanceLock ?? true),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getAppPath: vi.fn(() => options.appPath),
    getPath: vi.fn((name: string) => app.paths.get(name) ?? `/fake/${name}`),
    setPath: vi.fn((name: string, path: string) => void app.paths.set(name, path)),
    getVersion: vi.fn(() => '0.1.0-test'),
    getLocale: vi.fn(() => 'nb-NO'),
  })

  class BrowserWindow extends FakeEmitter {
    static readonly instances: BrowserWindow[] = []
    static getAllWindows(): BrowserWindow[] {
      return BrowserWindow.instances.filter((w) => !w.destroyed)
    }

    readonly webContents = new FakeWebContents()
    destroyed = false
    visible = false
    readonly loadURL = vi.fn((_url: string) => Promise.resolve())
    readonly show = vi.fn(() => void (this.visible = true))
    readonly focus = vi.fn()
    readonly restore = vi.fn()

    constructor(readonly options: Record<string, unknown>) {
      super()
      BrowserWindow.instances.push(this)
      // Electron announces every new web contents before anything can load in it.
      app.emit('web-contents-created', fakeEvent(), this.webContents)
    }

    isDestroyed(): boolean {
      return this.destroyed
    }
    isMinimized(): boolean {
      return false
    }
    isVisible(): boolean {
      return this.visible
    }
  }

  const ipcHandlers = new Map<string, IpcListener>()
  const ipcMain = {
    handlers: ipcHandlers,
    handle: vi.fn((channel: string, listener: IpcListener) => {
      if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`)
      ipcHandlers.set(channel, listener)
    }),
    removeHandler: vi.fn((channel: string) => void ipcHandlers.delete(channel)),
  }

  const protocolHandlers = new Map<string, ProtocolHandler>()
  const protocol = {
    handlers: protocolHandlers,
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: ProtocolHandler) => {
      protocolHandlers.set(scheme, handler)
    }),
  }

  const defaultSession = {
    requestHandler: undefined as PermissionRequestHandler | undefined,
    checkHandler: undefined as PermissionCheckHandler | undefined,
    setPermissionRequestHandler: vi.fn((handler: PermissionRequestHandler) => {
      defaultSession.requestHandler = handler
    }),
    setPermissionCheckHandler: vi.fn((handler: PermissionCheckHandler) => {
      defaultSession.checkHandler = handler
    }),
  }

  return {
    app,
    BrowserWindow,
    ipcMain,
    protocol,
    session: { defaultSession },
    shell: { openExternal: vi.fn((_url: string) => Promise.resolve()) },
    nativeTheme: { shouldUseDarkColors: options.dark ?? false },
    dialog: { showErrorBox: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn((..._args: unknown[]) => Promise.resolve(undefined)) },
  }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>
