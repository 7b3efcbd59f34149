import { isIP } from 'node:net'
import { homedir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { decodeInviteLink, type Invite, type InviteError } from '../../shared/invite'

/** Environment variable that overrides where Kryss keeps its data. */
export const DATA_DIR_ENV = 'KRYSS_DATA_DIR'

/** Default port of the headless hub. */
export const DEFAULT_HUB_PORT = 4455

/**
 * Default bind address: loopback, so a hub started without thinking is not reachable from the
 * network. Workshops on a LAN pass `--bind 0.0.0.0` on purpose.
 */
export const DEFAULT_BIND = '127.0.0.1'

/** A command line or environment value that cannot be used; `message` is for people. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

export type DataDirSources = {
  /** Value of `--data-dir`, if given. */
  flag?: string | undefined
  env?: Record<string, string | undefined>
  /** Electron's `app.getPath('userData')`, passed in by the shell (the core never imports electron). */
  userDataDir?: string | undefined
  /** Home directory for the last-resort default. */
  homeDir?: string
  /** Base for relative paths. */
  cwd?: string
}

/**
 * The one place that decides the data directory: `--data-dir` > `KRYSS_DATA_DIR` > Electron's
 * userData > `~/.kryss`. Relative paths are resolved against `cwd`, so the result is absolute.
 */
export function resolveDataDir(sources: DataDirSources): string {
  const cwd = sources.cwd ?? process.cwd()
  const fromEnv = sources.env?.[DATA_DIR_ENV]
  if (sources.flag !== undefined) {
    if (sources.flag.trim() === '') throw new ConfigError('--data-dir needs a directory path')
    return path.resolve(cwd, sources.flag)
  }
  if (fromEnv !== undefined && fromEnv.trim() !== '') return path.resolve(cwd, fromEnv)
  if (sources.userDataDir !== undefined && sources.userDataDir !== '') {
    return path.resolve(cwd, sources.userDataDir)
  }
  return path.join(sources.homeDir ?? homedir(), '.kryss')
}

export type HubConfig = {
  dataDir: string
  port: number
  bind: string
  /** Seed the example workspace on a fresh data directory (off with `--no-demo`). */
  demo: boolean
  /** `--help` was given: print {@link HUB_USAGE} and exit. */
  help: boolean
  /** Workspaces to join by invite (`--peer`, repeatable), in the order given. */
  peers: Invite[]
}

export const HUB_USAGE = `Usage: npm run hub -- [options]

  --data-dir <path>   where workspaces and settings live (default: $${DATA_DIR_ENV} or ~/.kryss)
  --port <number>     port for the app, the API and sync (default: ${DEFAULT_HUB_PORT}; 0 = any free port)
  --bind <address>    address to listen on (default: ${DEFAULT_BIND}; 0.0.0.0 for the whole LAN)
  --no-demo           do not create the example workspace on a fresh data directory
  --peer <invite>     join a workspace by its invite link and keep it in sync (repeatable)
  -h, --help          show this help`

const HUB_OPTIONS = {
  peer: { type: 'string', multiple: true },
  'data-dir': { type: 'string' },
  port: { type: 'string' },
  bind: { type: 'string' },
  'no-demo': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

/**
 * Parses the hub's command line (without the `node script` prefix). Throws {@link ConfigError}
 * with a sentence a person can act on for unknown flags, missing values and bad numbers.
 */
export function parseHubArgs(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  options: { homeDir?: string; cwd?: string } = {},
): HubConfig {
  const values = readHubFlags(argv)
  return {
    dataDir: resolveDataDir({ flag: values['data-dir'], env, ...options }),
    port: values.port === undefined ? DEFAULT_HUB_PORT : parsePort(values.port),
    bind: values.bind === undefined ? DEFAULT_BIND : parseBind(values.bind),
    demo: values['no-demo'] !== true,
    help: values.help === true,
    peers: (values.peer ?? []).map(parsePeer),
  }
}

const INVITE_ERRORS: Record<InviteError, string> = {
  'not-an-invite': 'is not an invite link (http://HOST:PORT/join#…)',
  'too-long': 'is too long to be an invite link',
  unreadable: 'cannot be read (was it cut off when copied?)',
  'wrong-version': 'comes from another version of Kryss',
  invalid: 'is missing the workspace, token or host addresses',
}

/** An invite link given with `--peer`. */
export function parsePeer(text: string): Invite {
  const result = decodeInviteLink(text)
  if (result.ok) return result.invite
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text
  throw new ConfigError(`--peer "${shown}" ${INVITE_ERRORS[result.error]}`)
}

function readHubFlags(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: HUB_OPTIONS,
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    // Node's messages name the flag ("Unknown option '--prot'"); the usage says what would work.
    throw new ConfigError(`${(error as Error).message}\n\n${HUB_USAGE}`)
  }
}

/** A TCP port: an integer 0–65535 written in plain digits (0 lets the OS choose). */
export function parsePort(text: string): number {
  if (!/^\d{1,5}$/.test(text.trim())) {
    throw new ConfigError(`--port must be a number from 0 to 65535, not "${text}"`)
  }
  const port = Number(text.trim())
  if (port > 65535) throw new ConfigError(`--port must be a number from 0 to 65535, not "${text}"`)
  return port
}

/** An IP address or a host name to listen on. */
export function parseBind(text: string): string {
  const bind = text.trim()
  const hostname = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i
  if (isIP(bind) !== 0 || hostname.test(bind)) return bind
  throw new ConfigError(
    `--bind must be an IP address (such as 127.0.0.1 or 0.0.0.0) or a host name, not "${text}"`,
  )
}
