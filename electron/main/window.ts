import { join } from 'node:path'
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'

/**
 * Window background per OS theme, painted before the first frame of the renderer so a dark
 * desktop never flashes white. Keep in step with `--bg` in `renderer/src/styles/tokens.css`.
 */
export const WINDOW_BACKGROUND = { light: '#ffffff', dark: '#18191d' } as const

/** Where the build puts the sandboxed preload, relative to the app root (`package.json`). */
export const PRELOAD_PATH = join('out', 'preload', 'index.cjs')
/** Where the build puts the renderer, relative to the app root. */
export const RENDERER_DIR = join('out', 'renderer')

/**
 * Options for the main window. The renderer is treated like any web page: sandboxed, isolated
 * from the preload's world, no Node, web security on; its only bridge is `window.kryss`.
 * `show: false` until `ready-to-show`, so the window appears with its first frame painted.
 */
export function mainWindowOptions(options: {
  appRoot: string
  dark: boolean
}): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Kryss',
    backgroundColor: options.dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(options.appRoot, PRELOAD_PATH),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  }
}

/** Brings an existing window to the front, e.g. when a second instance was started. */
export function focusWindow(window: BrowserWindow | undefined): void {
  if (!window || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  if (!window.isVisible()) window.show()
  window.focus()
}
