import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { app, BrowserWindow, dialog, nativeTheme, protocol, session, shell } from 'electron'
import type { OpenDialogOptions } from 'electron'
import { newToken } from '../../shared/ids'
import { resolveDataDir } from '../core/config'
import { createHost } from '../core/host'
import { createAppRequestHandler, registerAppScheme } from './appProtocol'
import { createIpcHandlers, registerIpcHandlers } from './ipc'
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  buildAppCsp,
  hardenSession,
  installWebContentsGuards,
  openExternalSafely,
} from './security'
import { focusWindow, mainWindowOptions, RENDERER_DIR } from './window'

/**
 * The Electron shell: one window over the host core. The core (storage, sync server, peer
 * links) is the same code the headless hub runs; this file only adds what needs Electron —
 * the single-instance lock, the `kryss://app` scheme, the hardened window, IPC, and a quit
 * that waits for the core to flush.
 */

// Same sink as the core's default, so both read as one log.
const log = (line: string) => console.error(line)
const openExternal = (url: string) => openExternalSafely(url, (u) => shell.openExternal(u), log)

/**
 * How long quitting waits for the core to flush. A stop that hangs (a wedged disk) must not
 * leave the user with an app that cannot be closed; the append-only log keeps what was
 * already written either way.
 */
const STOP_TIMEOUT_MS = 15_000

function stopWithin(host: { stop(): Promise<void> }, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no stop within ${ms} ms`)), ms)
  })
  return Promise.race([host.stop(), timeout]).finally(() => clearTimeout(timer))
}

/** `--data-dir <path>` from Electron's command line, which also carries Chromium's switches. */
function readDataDirFlag(argv: readonly string[]): string | undefined {
  const { values } = parseArgs({
    args: argv.slice(1),
    options: { 'data-dir': { type: 'string' } },
    strict: false,
    allowPositionals: true,
  })
  const flag = values['data-dir']
  return typeof flag === 'string' ? flag : undefined
}

// Privileged schemes must be registered before `ready`.
registerAppScheme(protocol)

let dataDir: string | undefined
try {
  dataDir = resolveDataDir({
    flag: readDataDirFlag(process.argv),
    env: process.env,
    userDataDir: app.getPath('userData'),
  })
  // One folder per instance: Chromium's profile and the single-instance lock follow a custom
  // data directory, so two Kryss instances with their own data can run side by side.
  if (dataDir !== app.getPath('userData')) app.setPath('userData', dataDir)
} catch (error) {
  dialog.showErrorBox('Kryss could not start', String((error as Error).message ?? error))
  app.exit(1)
}

if (dataDir === undefined) {
  // Already exiting.
} else if (app.requestSingleInstanceLock()) {
  runShell(dataDir)
} else {
  // The first instance gets `second-instance` and comes to the front; this one just leaves.
  app.quit()
}

function runShell(dataDir: string): void {
  let window: BrowserWindow | undefined
  let host: ReturnType<typeof createHost> | undefined
  let hostState: 'running' | 'stopping' | 'stopped' = 'running'

  installWebContentsGuards(app, (url) => shell.openExternal(url))

  const appRoot = app.getAppPath()
  const rendererDir = join(appRoot, RENDERER_DIR)

  const openWindow = () => {
    const created = new BrowserWindow(
      mainWindowOptions({ appRoot, dark: nativeTheme.shouldUseDarkColors }),
    )
    created.once('ready-to-show', () => created.show())
    created.on('closed', () => {
      if (window === created) window = undefined
    })
    void created.loadURL(APP_ENTRY_URL)
    return created
  }

  const start = async () => {
    host = createHost({
      dataDir,
      port: 0,
      bind: '127.0.0.1',
      ownerToken: newToken(),
      rendererDir,
      demo: true,
      allowedOrigins: [APP_ORIGIN],
      log,
    })
    const { url } = await host.start()
    log(`kryss: host core on ${url}, data in ${dataDir}`)

    // The contract promises an origin with a trailing slash, as the browser case builds it.
    const connection = { hostUrl: new URL(url).href, token: host.ownerToken }
    const csp = buildAppCsp(url)
    hardenSession(session.defaultSession)
    protocol.handle(APP_SCHEME, createAppRequestHandler({ rootDir: rendererDir, csp: () => csp }))
    registerIpcHandlers(
      createIpcHandlers({
        getHostConnection: () => connection,
        getAppInfo: () => ({
          version: app.getVersion(),
          platform: process.platform,
          locale: app.getLocale(),
        }),
        openExternal,
        pickFolder: async (title) => {
          const options: OpenDialogOptions = {
            properties: ['openDirectory', 'createDirectory'],
            ...(title === undefined ? {} : { title }),
          }
          const picked = window
            ? await dialog.showOpenDialog(window, options)
            : await dialog.showOpenDialog(options)
          return picked.canceled ? null : (picked.filePaths[0] ?? null)
        },
      }),
    )
    window = openWindow()
  }

  app.on('second-instance', () => focusWindow(window))

  app.on('window-all-closed', () => {
    // macOS keeps apps (and so this host, a sync peer) alive without windows.
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('activate', () => {
    if (host && hostState === 'running' && BrowserWindow.getAllWindows().length === 0) {
      window = openWindow()
    }
  })

  // Documents are flushed by the core's stop(); quitting waits for it, once.
  app.on('before-quit', (event) => {
    if (!host || hostState === 'stopped') return
    event.preventDefault()
    if (hostState === 'stopping') return
    hostState = 'stopping'
    stopWithin(host, STOP_TIMEOUT_MS)
      .catch((error: unknown) => log(`kryss: host core did not stop cleanly: ${String(error)}`))
      .finally(() => {
        hostState = 'stopped'
        app.quit()
      })
  })

  // Ctrl+C in the terminal of `npm start` would otherwise kill main without a flush.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit())

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log(`kryss: could not start: ${String(error)}`)
      dialog.showErrorBox(
        'Kryss could not start',
        error instanceof Error ? error.message : String(error),
      )
      app.quit()
    })
}
