import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { test, expect, _electron, type ElectronApplication } from '@playwright/test'
import { DEMO_WORKSPACE_NAME } from '../../shared/demo'

/**
 * The real desktop app: the built bundles in out/, launched by the Electron binary, on a
 * fresh data directory. Where the binary is not installed (it is downloaded on first launch,
 * which needs internet) this file is skipped, and says so; the same UI is covered by the
 * Chromium specs against a hub.
 */

const ROOT = resolve(import.meta.dirname, '../..')

/**
 * The Electron executable, if present. Deliberately not `require('electron')`: that tries to
 * download the binary and throws where it cannot.
 */
function findElectronBinary(): string | undefined {
  let packageDir: string
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return undefined
  }
  const pathFile = join(packageDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const binary = override
    ? join(override, relative ?? 'electron')
    : relative && join(packageDir, 'dist', relative)
  return binary && existsSync(binary) ? binary : undefined
}

const electronBinary = findElectronBinary()
const hasElectron = electronBinary !== undefined

const SKIP_REASON =
  'Electron binary not installed on this machine — skipped; the same UI is tested in Chromium against the hub'
if (!hasElectron) console.log(`[electron.spec] ${SKIP_REASON}`)
test.skip(!hasElectron, SKIP_REASON)

let app: ElectronApplication | undefined
let dataDir: string | undefined

test.afterEach(async () => {
  await app?.close()
  app = undefined
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

test('the desktop app opens a hardened window on the demo workspace', async () => {
  expect(existsSync(join(ROOT, 'out/main/index.js')), 'run "npm run build" first').toBe(true)
  dataDir = await mkdtemp(join(tmpdir(), 'kryss-electron-'))
  // Inherited ELECTRON_RUN_AS_NODE would start Electron as plain Node, without a window.
  const { ELECTRON_RUN_AS_NODE: _runAsNode, ...env } = process.env
  app = await _electron.launch({
    executablePath: electronBinary,
    args: ['.'],
    cwd: ROOT,
    env: { ...env, KRYSS_DATA_DIR: dataDir },
  })
  const window = await app.firstWindow()
  expect(window.url()).toBe('kryss://app/index.html')

  // The page sees window.kryss and nothing of Node or Electron.
  const globals = await window.evaluate(() => {
    const scope = globalThis as Record<string, unknown>
    return {
      kryss: Object.keys((scope.kryss as object | undefined) ?? {}).sort(),
      require: typeof scope.require,
      process: typeof scope.process,
    }
  })
  expect(globals).toEqual({
    kryss: ['getAppInfo', 'getHostConnection', 'openExternal'],
    require: 'undefined',
    process: 'undefined',
  })

  // First launch asks who I am, then shows the example workspace the host seeded.
  await window.getByTestId('profile-name').fill('Kari Kryss')
  await window.getByTestId('profile-company').fill('Kryss Innovasjon')
  await window.getByTestId('profile-save').click()
  await expect(
    window.getByTestId('workspace-item').filter({ hasText: DEMO_WORKSPACE_NAME }),
  ).toBeVisible()
  await expect(window.getByTestId('note-list')).toBeVisible()
})
