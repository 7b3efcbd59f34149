import { access } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError, HUB_USAGE, parseHubArgs } from './config'
import { DataDirInUseError } from './dataDirLock'
import { createHost } from './host'

/**
 * The headless hub: `npm run hub -- [--data-dir …] [--port …] [--bind …] [--no-demo]
 * [--peer <invite>]…`, or
 * `node --import tsx electron/core/hub.ts`. Bundled by electron-vite as `out/main/hub.js`.
 *
 * stdout carries exactly the lines a person (or a script) needs: the URL, the owner link and
 * one invite per workspace. Everything else goes to stderr.
 */
async function runHub(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  let config
  try {
    config = parseHubArgs(argv, env)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    process.stderr.write(`${error.message}\n`)
    return 2
  }
  if (config.help) {
    process.stdout.write(`${HUB_USAGE}\n`)
    return 0
  }

  const root = await findPackageRoot(path.dirname(fileURLToPath(import.meta.url)))
  const host = createHost({
    dataDir: config.dataDir,
    port: config.port,
    bind: config.bind,
    demo: config.demo,
    ...(root === null ? {} : { rendererDir: path.join(root, 'out', 'renderer') }),
    log: (line) => process.stderr.write(`${line}\n`),
  })

  let url: string
  try {
    ;({ url } = await host.start())
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') {
      process.stderr.write(
        `Kryss hub: port ${config.port} on ${config.bind} is already in use; stop the other program or choose another with --port.\n`,
      )
    } else if (error instanceof DataDirInUseError || code === 'EADDRNOTAVAIL') {
      process.stderr.write(`Kryss hub: ${(error as Error).message}\n`)
    } else {
      process.stderr.write(`Kryss hub could not start: ${String(error)}\n`)
    }
    return 1
  }

  // Joined before the invites are printed, so each joined workspace gets its line too (with
  // this hub's address), and hubs can be chained: A ← B ← C.
  for (const invite of config.peers) {
    try {
      await host.peers.link(invite)
    } catch (error) {
      process.stderr.write(`Kryss hub: cannot join ${invite.workspace}: ${String(error)}\n`)
    }
  }

  const lines = [
    `Kryss hub on ${url}`,
    `owner ${url}/#owner=${host.ownerToken}`,
    ...host.inviteLinks().map(({ workspaceId, link }) => `invite ${workspaceId} ${link}`),
  ]
  process.stdout.write(`${lines.join('\n')}\n`)

  let stopping = false
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`Kryss hub: ${signal} again, exiting without waiting for the flush\n`)
      process.exit(1)
    }
    stopping = true
    host
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        process.stderr.write(`Kryss hub: stopping failed: ${String(error)}\n`)
        process.exit(1)
      })
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return null
}

/**
 * The folder with package.json above `start`: the repository root both for
 * `electron/core/hub.ts` and for the bundle at `out/main/hub.js`.
 */
async function findPackageRoot(start: string): Promise<string | null> {
  for (let dir = start; ; dir = path.dirname(dir)) {
    try {
      await access(path.join(dir, 'package.json'))
      return dir
    } catch {
      if (path.dirname(dir) === dir) return null
    }
  }
}

runHub(process.argv.slice(2), process.env)
  .then((code) => {
    if (code !== null) process.exitCode = code
  })
  .catch((error: unknown) => {
    process.stderr.write(`Kryss hub failed: ${String(error)}\n`)
    process.exitCode = 1
  })
