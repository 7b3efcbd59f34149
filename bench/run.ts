import { existsSync } from 'node:fs'
import { runBoardsBench } from './boards'
import { runBoardsBrowserBench } from './boardsBrowser'
import { runCompetenceBench } from './competence'
import { runCompetenceBrowserBench } from './competenceBrowser'
import { runNetworkLayoutBench } from './networkLayout'
import { runFoundationBench, runPropagationBench } from './foundation'
import { runNotesBench } from './notes'
import { runNotesBrowserBench } from './notesBrowser'
import { runPeersBench } from './peers'
import { runSearchBench } from './search'

function hasBrowser(): boolean {
  const found = existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')
  if (!found) console.log('No Chromium found: browser figures are skipped (set CHROMIUM_PATH).')
  return found
}

// `npm run bench` runs everything; `npm run bench -- propagation` (or `peers`, `notes`, `boards`, `competence`, `search`)
// one part.
const only = process.argv[2]
if (only === 'propagation') {
  await runPropagationBench()
} else if (only === 'peers') {
  await runPeersBench()
} else if (only === 'notes') {
  runNotesBench()
  if (hasBrowser()) await runNotesBrowserBench()
} else if (only === 'competence') {
  runCompetenceBench()
  if (hasBrowser()) await runCompetenceBrowserBench()
  await runNetworkLayoutBench()
} else if (only === 'search') {
  // `npm run bench -- search [sizes…]`, e.g. `search 1000 10000`.
  const sizes = process.argv
    .slice(3)
    .map(Number)
    .filter((n) => n > 0)
  await runSearchBench(sizes.length > 0 ? sizes : undefined)
} else if (only === 'boards') {
  await runBoardsBench()
  if (hasBrowser()) await runBoardsBrowserBench()
} else {
  const browser = hasBrowser()
  await runFoundationBench({ browser })
  await runPeersBench()
  runNotesBench()
  if (browser) await runNotesBrowserBench()
  await runBoardsBench()
  if (browser) await runBoardsBrowserBench()
  runCompetenceBench()
  if (browser) await runCompetenceBrowserBench()
  await runNetworkLayoutBench()
  await runSearchBench()
}

// WARNING: providers and sockets of the measured clients keep timers alive; the figures are
// printed, so end here rather than wait for every one of them.
process.exit(0)
