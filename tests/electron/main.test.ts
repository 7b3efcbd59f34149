import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IPC_CHANNELS, type KryssApi } from '../../shared/ipc'
import { createFakeElectron, fakeEvent, type FakeElectron } from './fakeElectron'

/**
 * The Electron shell, loaded from its TypeScript sources with the `electron` module replaced
 * by a recording fake (`vi.mock('electron')`) and the host core replaced by a stub (the core
 * has its own tests against real sockets and disks). Each test imports main afresh
 * (`vi.resetModules`), because main does its work at module load, as Electron expects.
 */

type HostOptions = {
  dataDir: string
  port: number
  bind: string
  ownerToken?: string
  rendererDir?: string
  demo: boolean
  allowedOrigins?: string[]
}

// As the core reports it: an origin without the trailing slash the IPC contract promises.
const HOST_URL = 'http://127.0.0.1:45678'

const mocks = vi.hoisted(() => ({
  electron: undefined as FakeElectron | undefined,
  hosts: [] as { options: HostOptions; stop: () => Promise<void>; ownerToken: string }[],
  stopGate: undefined as Promise<void> | undefined,
  startError: undefined as Error | undefined,
}))

// The mocked module is created once and survives vi.resetModules, so it forwards every export
// to the fake of the current test.
vi.mock('electron', () => {
  const names = ['app', 'BrowserWindow', 'ipcMain', 'protocol', 'session', 'shell']
  names.push('nativeTheme', 'dialog', 'contextBridge', 'ipcRenderer')
  const current = () => mocks.electron as unknown as Record<string, unknown>
  const exports = names.map((name): [string, PropertyDescriptor] => [
    name,
    { enumerable: true, get: () => current()[name] },
  ])
  return Object.defineProperties({}, Object.fromEntries(exports))
})
vi.mock('../../electron/core/host', () => ({
  createHost: vi.fn((options: HostOptions) => {
    const host = {
      options,
      ownerToken: options.ownerToken ?? 'stub-token',
      start: vi.fn(() =>
        mocks.startError
          ? Promise.reject(mocks.startError)
          : Promise.resolve({ url: HOST_URL, port: 45678 }),
      ),
      stop: vi.fn(() => mocks.stopGate ?? Promise.resolve()),
    }
    mocks.hosts.push(host)
    return host
  }),
}))

let electron: FakeElectron
let root: string
let appPath: string
let userData: string
const originalArgv = process.argv
const signalListeners = () => [...process.listeners('SIGINT'), ...process.listeners('SIGTERM')]
let signalsBefore: ReturnType<typeof signalListeners>

async function loadMain(options: { singleInstanceLock?: boolean; dark?: boolean } = {}) {
  electron = createFakeElectron({ userData, appPath, ...options })
  mocks.electron = electron
  vi.resetModules()
  await import('../../electron/main/index')
  return electron
}

async function loadMainWindow(options: { dark?: boolean } = {}) {
  const fake = await loadMain(options)
  await vi.waitFor(() => expect(fake.BrowserWindow.instances).toHaveLength(1))
  return { fake, window: fake.BrowserWindow.instances[0]! }
}

function onlyHost() {
  expect(mocks.hosts).toHaveLength(1)
  return mocks.hosts[0]!
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kryss-shell-'))
  appPath = join(root, 'app')
  userData = join(root, 'user-data')
  await mkdir(join(appPath, 'out', 'renderer', 'assets'), { recursive: true })
  await writeFile(join(appPath, 'out', 'renderer', 'index.html'), '<!doctype html><div id=root>')
  await writeFile(join(appPath, 'out', 'renderer', 'assets', 'app.js'), 'console.log(1)')
  await writeFile(join(root, 'secret.txt'), 'not for the renderer')
  mocks.hosts = []
  mocks.stopGate = undefined
  mocks.startError = undefined
  process.argv = ['/fake/electron', '.']
  vi.stubEnv('KRYSS_DATA_DIR', '')
  vi.spyOn(console, 'error').mockImplementation(() => {})
  signalsBefore = signalListeners()
})

afterEach(async () => {
  process.argv = originalArgv
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
  // Main installs SIGINT/SIGTERM handlers on every (re)load; keep the test process clean.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!signalsBefore.includes(listener)) process.off(signal, listener)
    }
  }
  await rm(root, { recursive: true, force: true })
})

describe('startup', () => {
  it('requests the single-instance lock and quits when another instance holds it', async () => {
    const fake = await loadMain({ singleInstanceLock: false })
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalledOnce()
    expect(fake.app.quit).toHaveBeenCalled()
    await Promise.resolve()
    expect(fake.BrowserWindow.instances).toHaveLength(0)
    expect(mocks.hosts).toHaveLength(0)
  })

  it('brings the existing window forward when a second instance starts', async () => {
    const { fake, window } = await loadMainWindow()
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalledOnce()
    fake.app.emit('second-instance', fakeEvent(), [], '/')
    expect(window.focus).toHaveBeenCalled()
  })

  it('registers kryss as a privileged standard, secure scheme before ready', async () => {
    const fake = await loadMain()
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'kryss',
        privileges: expect.objectContaining({ standard: true, secure: true }) as unknown,
      }),
    ])
    const registered = fake.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]!
    const ready = fake.app.whenReady.mock.invocationCallOrder[0]!
    expect(registered).toBeLessThan(ready)
  })

  it('starts the host core on loopback with a fresh owner token and the demo workspace', async () => {
    await loadMainWindow()
    const { options } = onlyHost()
    expect(options).toMatchObject({
      dataDir: userData,
      port: 0,
      bind: '127.0.0.1',
      demo: true,
      allowedOrigins: ['kryss://app'],
      rendererDir: join(appPath, 'out', 'renderer'),
    })
    expect(options.ownerToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('uses a --data-dir given on the command line, and moves the Chromium profile there', async () => {
    const custom = join(root, 'custom-data')
    process.argv = ['/fake/electron', '.', '--no-sandbox', '--data-dir', custom]
    const { fake } = await loadMainWindow()
    expect(onlyHost().options.dataDir).toBe(custom)
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', custom)
    const setPath = fake.app.setPath.mock.invocationCallOrder[0]!
    expect(setPath).toBeLessThan(fake.app.requestSingleInstanceLock.mock.invocationCallOrder[0]!)
  })

  it('tells the user when the host core cannot start, and quits without a window', async () => {
    mocks.startError = new Error('The data directory is in use by another Kryss (process 7).')
    const fake = await loadMain()
    await vi.waitFor(() => expect(fake.dialog.showErrorBox).toHaveBeenCalled())
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith(
      'Kryss could not start',
      expect.stringContaining('in use by another Kryss'),
    )
    expect(fake.app.quit).toHaveBeenCalled()
    expect(fake.BrowserWindow.instances).toHaveLength(0)
  })

  it('uses KRYSS_DATA_DIR when no flag is given', async () => {
    const custom = join(root, 'env-data')
    vi.stubEnv('KRYSS_DATA_DIR', custom)
    await loadMainWindow()
    expect(onlyHost().options.dataDir).toBe(custom)
  })
})

describe('window', () => {
  it('is sandboxed, context-isolated, without Node, with the CJS preload', async () => {
    const { window } = await loadMainWindow()
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: join(appPath, 'out', 'preload', 'index.cjs'),
    })
    expect(window.loadURL).toHaveBeenCalledWith('kryss://app/index.html')
  })

  it('stays hidden until ready-to-show and paints the theme background', async () => {
    const { window } = await loadMainWindow({ dark: true })
    expect(window.options.show).toBe(false)
    expect(window.options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i)
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalled()

    const light = (await loadMainWindow({ dark: false })).window
    expect(light.options.backgroundColor).not.toBe(window.options.backgroundColor)
  })
})

describe('kryss://app protocol', () => {
  async function protocolHandler() {
    const { fake } = await loadMainWindow()
    const handler = fake.protocol.handlers.get('kryss')
    expect(handler).toBeDefined()
    return handler!
  }

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const handler = await protocolHandler()
    const response = await handler(new Request('kryss://app/index.html'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await response.text()).toContain('id=root')
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain(`default-src 'self'`)
    expect(csp).toContain(`object-src 'none'`)
    expect(csp).toContain(`script-src 'self'`)
    expect(csp).toMatch(/connect-src [^;]*http:\/\/127\.0\.0\.1:45678/)
    expect(csp).toMatch(/connect-src [^;]*ws:\/\/127\.0\.0\.1:45678/)
  })

  it('refuses paths that escape the renderer folder', async () => {
    const handler = await protocolHandler()
    // Encoded slashes survive URL parsing and reach the path check.
    for (const path of ['/..%2fsecret.txt', '/assets/..%2f..%2f..%2fsecret.txt']) {
      const response = await handler(new Request(`kryss://app${path}`))
      expect(response.status, path).toBe(403)
      expect(await response.text()).not.toContain('not for the renderer')
    }
    // Encoded dots are normalised by the URL parser itself, to a path inside the folder.
    const dots = await handler(new Request('kryss://app/%2e%2e/%2e%2e/secret.txt'))
    expect(dots.status).toBe(404)
    expect(await dots.text()).not.toContain('not for the renderer')
  })

  it('falls back to index.html for app routes but not for missing assets', async () => {
    const handler = await protocolHandler()
    const route = await handler(new Request('kryss://app/notes/note-123'))
    expect(route.status).toBe(200)
    expect(await route.text()).toContain('id=root')
    expect((await handler(new Request('kryss://app/assets/missing.js'))).status).toBe(404)
    const asset = await handler(new Request('kryss://app/assets/app.js'))
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/)
  })
})

describe('navigation and new windows', () => {
  it('prevents navigation away from kryss://app and sends web links to the browser', async () => {
    const { fake, window } = await loadMainWindow()
    const inApp = fakeEvent({ url: 'kryss://app/boards' })
    window.webContents.emit('will-navigate', inApp)
    expect(inApp.preventDefault).not.toHaveBeenCalled()

    const foreign = fakeEvent({ url: 'https://evil.example/phish' })
    window.webContents.emit('will-navigate', foreign)
    expect(foreign.preventDefault).toHaveBeenCalled()
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://evil.example/phish')

    for (const url of ['file:///etc/passwd', 'kryss://app.evil/', 'http://127.0.0.1:45678/']) {
      const event = fakeEvent({ url })
      window.webContents.emit('will-navigate', event)
      expect(event.preventDefault, url).toHaveBeenCalled()
    }
    expect(fake.shell.openExternal).not.toHaveBeenCalledWith('file:///etc/passwd')
  })

  it('denies window.open and opens only http(s) and mailto links externally', async () => {
    const { fake, window } = await loadMainWindow()
    const open = window.webContents.windowOpenHandler
    expect(open).toBeDefined()
    const refused = [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'kryss://app/index.html',
      'smb://server/share',
      'not a url',
    ]
    for (const url of [...refused, 'https://example.org/', 'mailto:a@example.org']) {
      expect(open!({ url })).toEqual({ action: 'deny' })
    }
    await vi.waitFor(() => expect(fake.shell.openExternal).toHaveBeenCalledTimes(2))
    expect(fake.shell.openExternal.mock.calls.map(([url]) => url)).toEqual([
      'https://example.org/',
      'mailto:a@example.org',
    ])
  })

  it('refuses to attach webviews', async () => {
    const { window } = await loadMainWindow()
    const event = fakeEvent()
    window.webContents.emit('will-attach-webview', event, {}, {})
    expect(event.preventDefault).toHaveBeenCalled()
  })
})

describe('permissions', () => {
  it('denies permission requests and checks', async () => {
    const { fake } = await loadMainWindow()
    const { requestHandler, checkHandler } = fake.session.defaultSession
    expect(requestHandler).toBeDefined()
    expect(checkHandler).toBeDefined()
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid']) {
      const callback = vi.fn()
      requestHandler!(null, permission, callback, { requestingUrl: 'kryss://app/index.html' })
      expect(callback, permission).toHaveBeenCalledWith(false)
      expect(checkHandler!(null, permission, 'kryss://app'), permission).toBe(false)
    }
  })

  it('grants loopback access to the app only, never to a foreign page', async () => {
    const { fake } = await loadMainWindow()
    const { requestHandler, checkHandler } = fake.session.defaultSession
    expect(checkHandler!(null, 'loopback-network', 'kryss://app')).toBe(true)
    expect(checkHandler!(null, 'loopback-network', 'https://evil.example')).toBe(false)
    const callback = vi.fn()
    requestHandler!(null, 'loopback-network', callback, { requestingUrl: 'https://evil.example/' })
    expect(callback).toHaveBeenCalledWith(false)
  })
})

describe('IPC', () => {
  const fromApp = { senderFrame: { url: 'kryss://app/index.html' } }

  async function ipc() {
    const { fake } = await loadMainWindow()
    return (channel: string, event: unknown, ...args: unknown[]) => {
      const listener = fake.ipcMain.handlers.get(channel)
      if (!listener) throw new Error(`no handler for ${channel}`)
      return listener(event, ...args)
    }
  }

  it('registers a handler for every channel of the contract, and no other', async () => {
    const { fake } = await loadMainWindow()
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort())
  })

  it('rejects callers whose frame is not kryss://app/…', async () => {
    const invoke = await ipc()
    const strangers = [
      { senderFrame: { url: 'https://evil.example/' } },
      { senderFrame: { url: 'file:///tmp/page.html' } },
      { senderFrame: { url: 'kryss://app.evil/' } },
      { senderFrame: null },
    ]
    for (const channel of IPC_CHANNELS) {
      for (const event of strangers) {
        const args = channel === 'app:openExternal' ? [{ url: 'https://example.org/' }] : []
        await expect(invoke(channel, event, ...args), channel).rejects.toThrow(/refused/)
      }
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled()
  })

  it('gives the app its host URL and this launch’s owner token', async () => {
    const invoke = await ipc()
    const host = onlyHost()
    await expect(invoke('host:connection', fromApp)).resolves.toEqual({
      hostUrl: `${HOST_URL}/`,
      token: host.options.ownerToken,
    })
    await expect(invoke('app:info', fromApp)).resolves.toEqual({
      version: '0.1.0-test',
      platform: process.platform,
      locale: 'nb-NO',
    })
  })

  it('validates payloads and only opens vetted URLs', async () => {
    const invoke = await ipc()
    await expect(invoke('app:openExternal', fromApp, { url: 42 })).rejects.toThrow(/invalid/)
    await expect(invoke('app:openExternal', fromApp)).rejects.toThrow(/invalid/)
    await expect(invoke('app:info', fromApp, { surprise: true })).rejects.toThrow(/invalid/)
    await expect(
      invoke('app:openExternal', fromApp, { url: 'file:///etc/passwd' }),
    ).resolves.toEqual({ opened: false })
    await expect(
      invoke('app:openExternal', fromApp, { url: 'javascript:alert(1)' }),
    ).resolves.toEqual({ opened: false })
    expect(electron.shell.openExternal).not.toHaveBeenCalled()
    await expect(
      invoke('app:openExternal', fromApp, { url: 'https://example.org/' }),
    ).resolves.toEqual({ opened: true })
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.org/')
  })
})

describe('quit', () => {
  it('waits for the host core to stop before letting the app quit', async () => {
    const { fake } = await loadMainWindow()
    const host = onlyHost()
    let release!: () => void
    mocks.stopGate = new Promise<void>((resolve) => (release = resolve))

    const first = fakeEvent()
    fake.app.emit('before-quit', first)
    expect(first.preventDefault).toHaveBeenCalled()
    expect(host.stop).toHaveBeenCalledOnce()

    // A second quit request while flushing is held too, without a second stop().
    const again = fakeEvent()
    fake.app.emit('before-quit', again)
    expect(again.preventDefault).toHaveBeenCalled()
    expect(host.stop).toHaveBeenCalledOnce()
    expect(fake.app.quit).not.toHaveBeenCalled()

    release()
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledOnce())
    const final = fakeEvent()
    fake.app.emit('before-quit', final)
    expect(final.preventDefault).not.toHaveBeenCalled()
  })
})

describe('preload', () => {
  const API_METHODS = {
    getHostConnection: true,
    getAppInfo: true,
    openExternal: true,
    pickFolder: true,
  } as const satisfies Record<keyof KryssApi, true>

  async function loadPreload() {
    electron = createFakeElectron({ userData, appPath })
    mocks.electron = electron
    vi.resetModules()
    await import('../../electron/preload/index')
    return electron
  }

  it('exposes exactly window.kryss with the KryssApi methods', async () => {
    const fake = await loadPreload()
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce()
    const [key, api] = fake.contextBridge.exposeInMainWorld.mock.calls[0] as [string, KryssApi]
    expect(key).toBe('kryss')
    expect(Object.keys(api).sort()).toEqual(Object.keys(API_METHODS).sort())
    for (const method of Object.values(api)) expect(typeof method).toBe('function')
  })

  it('maps each method onto its channel', async () => {
    const fake = await loadPreload()
    const api = fake.contextBridge.exposeInMainWorld.mock.calls[0]![1] as KryssApi
    await api.getHostConnection()
    await api.getAppInfo()
    await api.openExternal('https://example.org/')
    expect(fake.ipcRenderer.invoke.mock.calls).toEqual([
      ['host:connection'],
      ['app:info'],
      ['app:openExternal', { url: 'https://example.org/' }],
    ])
  })
})
