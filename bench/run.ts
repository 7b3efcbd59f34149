import { existsSync } from 'node:fs'
import { runFoundationBench, runPropagationBench } from './foundation'
import { runNotesBench } from './notes'
import { runPeersBench } from './peers'

// `npm run bench` runs everything; `npm run bench -- propagation` (or `peers`, `notes`) one part.
const only = process.argv[2]
if (only === 'propagation') {
  await runPropagationBench()
} else if (only === 'peers') {
  await runPeersBench()
  runNotesBench()
} else if (only === 'notes') {
  runNotesBench()
} else {
  const browser = existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')
  if (!browser) console.log('No Chromium found: browser figures are skipped (set CHROMIUM_PATH).')
  await runFoundationBench({ browser })
  await runPeersBench()
  runNotesBench()
}

// WARNING: providers and sockets of the measured clients keep timers alive; the figures are
// printed, so end here rather than wait for every one of them.
process.exit(0)
