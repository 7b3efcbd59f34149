// `npm start -- [flags]`: build, then launch the desktop app with Electron.
//
// The Electron package fetches its binary on first launch, which needs internet. Where that
// is impossible we say so in one line and point at the hub, instead of Electron's own
// "failed to install correctly" stack trace.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { root } from './paths.mjs'

const MISSING =
  'Kryss: the Electron runtime is not installed on this machine (it is downloaded on first launch and needs internet). Run "npm run hub" and open the printed link in a browser instead.'

const require = createRequire(import.meta.url)

function packageDirOf(name) {
  try {
    return dirname(require.resolve(`${name}/package.json`))
  } catch {
    return undefined
  }
}

// Mirrors electron/index.js, without its side effect: `require('electron')` starts a
// download when the binary is missing and throws when that fails.
function findElectronBinary(packageDir) {
  const pathFile = join(packageDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const binary = override
    ? join(override, relative ?? 'electron')
    : relative && join(packageDir, 'dist', relative)
  return binary && existsSync(binary) ? binary : undefined
}

const packageDir = packageDirOf('electron')
if (packageDir === undefined) {
  console.error(MISSING)
  process.exit(1)
}

let electron = findElectronBinary(packageDir)
if (electron === undefined) {
  // First launch on a connected machine: fetch it now (Electron's own installer, quietly;
  // it fails within a second when offline).
  spawnSync(process.execPath, [join(packageDir, 'install.js')], { cwd: root, stdio: 'ignore' })
  electron = findElectronBinary(packageDir)
}
if (electron === undefined) {
  console.error(MISSING)
  process.exit(1)
}

const electronVite = join(packageDirOf('electron-vite') ?? '', 'bin', 'electron-vite.js')
const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

// An inherited ELECTRON_RUN_AS_NODE would start Electron as plain Node, without a window.
const { ELECTRON_RUN_AS_NODE: _runAsNode, ...env } = process.env
const app = spawn(electron, ['.', ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' })

// Ctrl+C reaches Electron through the terminal's process group; a plain kill of this script
// is passed on, so the app can flush before it exits.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (app.exitCode === null) app.kill(signal)
  })
}
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
