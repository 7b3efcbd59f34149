// Paths and checks shared by the npm scripts (plain Node, no build step needed).
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const hubBundle = join(root, 'out/main/hub.js')
export const rendererIndex = join(root, 'out/renderer/index.html')

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

/** True when out/ is missing or older than any source file. */
export function buildIsStale() {
  if (!existsSync(hubBundle) || !existsSync(rendererIndex)) return true
  const built = Math.min(statSync(hubBundle).mtimeMs, statSync(rendererIndex).mtimeMs)
  const sources = ['shared', 'electron', 'renderer'].map((dir) => newestMtime(join(root, dir)))
  return Math.max(...sources, statSync(join(root, 'electron.vite.config.ts')).mtimeMs) > built
}

/** Debian's Chromium unless CHROMIUM_PATH says otherwise. */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
}

/**
 * How Chromium is started for tests, benchmarks and screenshots. Without the background
 * networking flags, Chromium keeps trying hosts that a closed network refuses.
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
])
