import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const HUB_BUNDLE = resolve(import.meta.dirname, '../../out/main/hub.js')

/** A real hub process, as a user starts it with `npm run hub`. */
export type RunningHub = {
  url: string
  ownerLink: string
  invites: Map<string, string>
  dataDir: string
  port: number
  stop(signal?: NodeJS.Signals): Promise<void>
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/**
 * Starts `node out/main/hub.js` and waits until it has printed its address, owner link and
 * invites. Pass the same `dataDir` and `port` again to restart a hub on its data.
 */
export async function startHub(
  options: { dataDir?: string; port?: number; args?: string[] } = {},
): Promise<RunningHub> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'kryss-e2e-')))
  const port = options.port ?? (await freePort())
  const child: ChildProcess = spawn(
    process.execPath,
    [HUB_BUNDLE, '--data-dir', dataDir, '--port', String(port), ...(options.args ?? [])],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  let errors = ''
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  const exited = new Promise<void>((done) => child.once('exit', () => done()))

  const ready = await new Promise<{ url: string; ownerLink: string; invites: Map<string, string> }>(
    (done, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`hub did not start:\n${output}\n${errors}`)),
        20_000,
      )
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        const url = /^Kryss hub on (\S+)$/m.exec(output)?.[1]
        const ownerLink = /^owner (\S+)$/m.exec(output)?.[1]
        if (url === undefined || ownerLink === undefined) return
        // Invites follow the owner line; give the rest of the burst a moment to arrive.
        setTimeout(() => {
          clearTimeout(timer)
          const invites = new Map<string, string>()
          for (const match of output.matchAll(/^invite (\S+) (\S+)$/gm))
            invites.set(match[1] as string, match[2] as string)
          done({ url, ownerLink, invites })
        }, 150)
      })
      child.once('exit', (code) =>
        fail(new Error(`hub exited with ${code}:\n${output}\n${errors}`)),
      )
    },
  )

  return {
    ...ready,
    dataDir,
    port,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}
