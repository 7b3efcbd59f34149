import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { decodeInviteLink } from '../../shared/invite'
import { waitFor } from './hostHarness'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const children: ChildProcess[] = []

/** A hub process, as a user starts it, with what it printed so far. */
export type HubRun = {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  /** Resolves with the exit code (-1 when killed by a signal). */
  exit: Promise<number>
}

/** Runs the hub exactly as documented: `node --import tsx electron/core/hub.ts …`. */
export function runHub(args: string[]): HubRun {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/core/hub.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, KRYSS_DATA_DIR: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exit = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)))
  return { child, stdout: () => stdout, stderr: () => stderr, exit }
}

/** Kills every hub the test started (call in afterEach). */
export function killHubs(): void {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
}

/** Waits until the hub has printed its address and invites. */
export async function hubStarted(
  run: HubRun,
): Promise<{ port: number; invites: Map<string, string> }> {
  await waitFor(() => run.stdout().includes('invite '), 'the hub to print its invites', 20_000)
  const port = Number(/^Kryss hub on http:\/\/127\.0\.0\.1:(\d+)$/m.exec(run.stdout())?.[1])
  const invites = new Map<string, string>()
  for (const match of run.stdout().matchAll(/^invite (\S+) (\S+)$/gm)) {
    invites.set(match[1] as string, match[2] as string)
  }
  return { port, invites }
}

export function tokenOf(link: string): string {
  const decoded = decodeInviteLink(link)
  if (!decoded.ok) throw new Error(decoded.error)
  return decoded.invite.token
}
