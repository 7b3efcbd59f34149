// `npm run test:e2e`: Playwright against the hub-served UI in Debian's Chromium.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { buildIsStale, chromiumPath, root } from './paths.mjs'

if (buildIsStale()) {
  console.error('Kryss e2e: out/ is missing or older than the sources — run "npm run build" first.')
  process.exit(1)
}
if (!existsSync(chromiumPath())) {
  console.error(
    `Kryss e2e: no Chromium at ${chromiumPath()}. Install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.`,
  )
  process.exit(1)
}
const run = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
})
process.exit(run.status ?? 1)
