// `npm run bench`: builds when needed, then prints the performance figures against targets.
import { spawnSync } from 'node:child_process'
import { buildIsStale, root } from './paths.mjs'

if (buildIsStale()) {
  const build = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (build.status !== 0) process.exit(build.status ?? 1)
}
const run = spawnSync(
  process.execPath,
  ['--import', 'tsx', 'bench/run.ts', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
)
process.exit(run.status ?? 1)
