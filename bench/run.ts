import { existsSync } from 'node:fs'
import { runFoundationBench } from './foundation'

const browser = existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')
if (!browser) console.log('No Chromium found: browser figures are skipped (set CHROMIUM_PATH).')
await runFoundationBench({ browser })
