// `npm run hub -- [flags]`: build when the sources changed, then run the headless host.
import { spawn, spawnSync } from 'node:child_process'
import { buildIsStale, hubBundle, root } from './paths.mjs'

if (buildIsStale()) {
  console.error('Kryss: building the app first (electron-vite build)…')
  const build = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (build.status !== 0) process.exit(build.status ?? 1)
}
const hub = spawn(process.execPath, [hubBundle, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
})
// Pass stop signals on, so the hub flushes to disk before it exits.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => hub.kill(signal))
}
hub.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
