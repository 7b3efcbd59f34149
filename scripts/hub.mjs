// `npm run hub -- [flags]`: build when the sources changed, then run the headless host.
import { spawnSync } from 'node:child_process'
import { buildIsStale, hubBundle, root } from './paths.mjs'

if (buildIsStale()) {
  console.error('Kryss: building the app first (electron-vite build)…')
  const build = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (build.status !== 0) process.exit(build.status ?? 1)
}
const hub = spawnSync(process.execPath, [hubBundle, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
})
process.exit(hub.status ?? 1)
