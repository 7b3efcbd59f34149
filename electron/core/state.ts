import { mkdir, readFile, rename } from 'node:fs/promises'
import path from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import { z } from 'zod'
import { newToken, randomId, WORKSPACE_ID_PATTERN, type WorkspaceId } from '../../shared/ids'
import {
  DEFAULT_SETTINGS,
  profileSchema,
  settingsSchema,
  type Profile,
  type Settings,
} from '../../shared/hostApi'

/** Small JSON state of one data directory (settings, profile, workspace registry). */
export const STATE_FILE = 'kryss.json'
export const STATE_VERSION = 1

const workspaceRecordSchema = z.looseObject({
  id: z
    .string()
    .regex(WORKSPACE_ID_PATTERN)
    .transform((id) => id as WorkspaceId),
  name: z.string(),
  token: z.string().min(16),
  /** Read-only capability, made when the owner first asks for a view-only invite. */
  viewToken: z.string().min(16).optional(),
  createdAt: z.number(),
  demo: z.boolean(),
  /** The owner's private notebook: never invited to, linked, discovered or synced to a guest. */
  private: z.boolean().optional(),
})

/** One registered workspace. The token is the capability that invite links carry. */
export type WorkspaceRecord = z.infer<typeof workspaceRecordSchema>

const peerRecordSchema = z.looseObject({
  workspace: z
    .string()
    .regex(WORKSPACE_ID_PATTERN)
    .transform((id) => id as WorkspaceId),
  hosts: z.array(z.string()).min(1),
  token: z.string().min(16),
})

/** A remote host this host links to for a workspace: its addresses and the token to use. */
export type PeerRecord = z.infer<typeof peerRecordSchema>

/** LAN hosting: on or off, and the port to ask for again so printed invites keep working. */
const hostingStateSchema = z.object({
  on: z.boolean(),
  port: z.number().int().min(1).max(65535).nullable(),
})
export type HostingState = z.infer<typeof hostingStateSchema>
const DEFAULT_HOSTING: HostingState = { on: false, port: null }

/** LAN discovery: hosts typed in by the owner, and workspaces whose name is not advertised. */
const discoveryStateSchema = z.object({
  addresses: z.array(z.string()),
  hiddenNames: z.array(z.string()),
})
export type DiscoveryState = z.infer<typeof discoveryStateSchema>

// Loose objects keep fields written by a newer Kryss, so an older one does not erase them.
// Settings and profile fall back on their own: an unknown language from a newer version is not
// worth losing the workspace registry over.
const stateSchema = z.looseObject({
  version: z.number().int(),
  ownerToken: z.string().min(16).nullable().catch(null),
  settings: settingsSchema.catch(DEFAULT_SETTINGS),
  profile: profileSchema.nullable().catch(null),
  workspaces: z.array(workspaceRecordSchema),
  // This host's id on peer links (random, created on first use) and the hosts it links to.
  hostId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{2,63}$/)
    .nullable()
    .catch(null),
  peers: z.array(peerRecordSchema).catch([]),
  // Files written before LAN hosting existed have no entry: hosting starts off.
  hosting: hostingStateSchema.catch(DEFAULT_HOSTING),
  discovery: discoveryStateSchema.catch({ addresses: [], hiddenNames: [] }),
})
type StateData = z.infer<typeof stateSchema>

function defaultState(): StateData {
  return {
    version: STATE_VERSION,
    ownerToken: null,
    settings: { ...DEFAULT_SETTINGS },
    profile: null,
    workspaces: [],
    hostId: null,
    peers: [],
    hosting: { ...DEFAULT_HOSTING },
    discovery: { addresses: [], hiddenNames: [] },
  }
}

/** What happened to an unreadable state file. */
export type StateRecovery = { movedTo: string; reason: string }

export type HostStateOptions = {
  dataDir: string
  now?: () => number
  log?: (line: string) => void
}

/**
 * Opens `<dataDir>/kryss.json`. A file that is not JSON or does not match the schema is moved
 * aside to `kryss.json.corrupt-<ts>` (reported in {@link HostState.recovery}) and the state
 * starts from defaults; the workspace registry re-registers folders it finds on disk.
 *
 * WARNING: lowdb writes temp-then-rename without fsync. Fine for this file, never for documents.
 */
export async function openHostState(options: HostStateOptions): Promise<HostState> {
  const now = options.now ?? Date.now
  const file = path.join(options.dataDir, STATE_FILE)
  await mkdir(options.dataDir, { recursive: true })
  const read = await readState(file)
  let recovery: StateRecovery | null = null
  if (read.kind === 'corrupt') {
    const movedTo = `${file}.corrupt-${now()}`
    await rename(file, movedTo)
    recovery = { movedTo, reason: read.reason }
    options.log?.(`kryss: ${file} was unreadable (${read.reason}); moved to ${movedTo}`)
  }
  const data = read.kind === 'ok' ? read.data : defaultState()
  const db = new Low<StateData>(new JSONFile<StateData>(file), data)
  const state = new HostState(db, read.kind === 'missing', recovery)
  if (read.kind !== 'ok') await db.write()
  return state
}

type ReadResult =
  { kind: 'ok'; data: StateData } | { kind: 'missing' } | { kind: 'corrupt'; reason: string }

async function readState(file: string): Promise<ReadResult> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' }
    throw error
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    return { kind: 'corrupt', reason: `not JSON: ${(error as Error).message}` }
  }
  const parsed = stateSchema.safeParse(raw)
  if (!parsed.success) {
    return { kind: 'corrupt', reason: z.prettifyError(parsed.error).replace(/\s*\n\s*/g, '; ') }
  }
  // Two entries with one id would mean two stores on one folder: keep the first.
  const seen = new Set<string>()
  const workspaces = parsed.data.workspaces.filter((w) => !seen.has(w.id) && seen.add(w.id))
  return { kind: 'ok', data: { ...parsed.data, workspaces } }
}

/**
 * Settings, profile, workspace registry and the persisted owner token. Every mutation is
 * written before its promise resolves; writes are serialised so none overtakes another.
 */
export class HostState {
  private writing: Promise<void> = Promise.resolve()

  constructor(
    private readonly db: Low<StateData>,
    /** No state file existed: this data directory is new. */
    readonly fresh: boolean,
    /** Set when the state file was unreadable and moved aside. */
    readonly recovery: StateRecovery | null,
  ) {}

  get settings(): Settings {
    return { ...this.db.data.settings }
  }

  get profile(): Profile | null {
    return this.db.data.profile === null ? null : { ...this.db.data.profile }
  }

  /** The registered workspaces, in creation order. */
  get workspaces(): readonly WorkspaceRecord[] {
    return this.db.data.workspaces.map((w) => ({ ...w }))
  }

  get hosting(): HostingState {
    return { ...this.db.data.hosting }
  }

  async setHosting(hosting: HostingState): Promise<void> {
    await this.update((data) => {
      data.hosting = { ...hosting }
    })
  }

  /** Known host addresses (origins) and the workspaces whose name is not advertised nearby. */
  get discovery(): DiscoveryState {
    const { addresses, hiddenNames } = this.db.data.discovery
    return { addresses: [...addresses], hiddenNames: [...hiddenNames] }
  }

  /** Remembers a host address to ask for its workspaces; a known one is not added twice. */
  async addKnownAddress(address: string): Promise<void> {
    await this.update((data) => {
      if (!data.discovery.addresses.includes(address)) data.discovery.addresses.push(address)
    })
  }

  /** Whether a workspace's name is advertised to the LAN (it is unless the owner hid it). */
  async setVisibleNearby(id: WorkspaceId, visible: boolean): Promise<void> {
    await this.update((data) => {
      const others = data.discovery.hiddenNames.filter((hidden) => hidden !== id)
      data.discovery.hiddenNames = visible ? others : [...others, id]
    })
  }

  async setSettings(settings: Settings): Promise<Settings> {
    await this.update((data) => {
      data.settings = { ...data.settings, ...settings }
    })
    return this.settings
  }

  async setProfile(profile: Profile | null): Promise<Profile | null> {
    await this.update((data) => {
      data.profile = profile
    })
    return this.profile
  }

  /**
   * The owner token saved for the hub, created on first use. A desktop app passes its own
   * per-launch token instead and never calls this.
   */
  async ensureOwnerToken(random?: (bytes: Uint8Array) => Uint8Array): Promise<string> {
    const existing = this.db.data.ownerToken
    if (existing !== null) return existing
    const token = newToken(random)
    await this.update((data) => {
      data.ownerToken = token
    })
    return token
  }

  /** This host's persistent id on peer links, created on first use. */
  async ensureHostId(random?: (bytes: Uint8Array) => Uint8Array): Promise<string> {
    const existing = this.db.data.hostId
    if (existing !== null) return existing
    const hostId = `host-${randomId(16, random)}`
    await this.update((data) => {
      data.hostId = hostId
    })
    return hostId
  }

  /** The remote hosts this host links to, per workspace. */
  get peers(): readonly PeerRecord[] {
    return this.db.data.peers.map((p) => ({ ...p, hosts: [...p.hosts] }))
  }

  /** Adds a remote for a workspace, or replaces the one with the same first address. */
  async savePeer(record: PeerRecord): Promise<void> {
    await this.update((data) => {
      const same = (p: PeerRecord) =>
        p.workspace === record.workspace && p.hosts[0] === record.hosts[0]
      data.peers = [...data.peers.filter((p) => !same(p)), { ...record, hosts: [...record.hosts] }]
    })
  }

  async addWorkspace(record: WorkspaceRecord): Promise<void> {
    await this.update((data) => {
      if (data.workspaces.some((w) => w.id === record.id)) {
        throw new Error(`workspace ${record.id} is already registered`)
      }
      data.workspaces.push({ ...record })
    })
  }

  async renameWorkspace(id: WorkspaceId, name: string): Promise<void> {
    await this.update((data) => {
      const record = data.workspaces.find((w) => w.id === id)
      if (record) record.name = name
    })
  }

  async setWorkspaceToken(id: WorkspaceId, token: string): Promise<void> {
    await this.update((data) => {
      const record = data.workspaces.find((w) => w.id === id)
      if (record) record.token = token
    })
  }

  /** Saves a workspace's read-only token (see `WorkspaceRegistry.ensureViewToken`). */
  async setWorkspaceViewToken(id: WorkspaceId, viewToken: string): Promise<void> {
    await this.update((data) => {
      const record = data.workspaces.find((w) => w.id === id)
      if (record) record.viewToken = viewToken
    })
  }

  async removeWorkspace(id: WorkspaceId): Promise<void> {
    await this.update((data) => {
      data.workspaces = data.workspaces.filter((w) => w.id !== id)
      data.peers = data.peers.filter((p) => p.workspace !== id)
    })
  }

  /** Resolves when every write started so far is on disk (or has failed). */
  async flush(): Promise<void> {
    await this.writing
  }

  private update(mutate: (data: StateData) => void): Promise<void> {
    mutate(this.db.data)
    const write = this.writing.then(() => this.db.write())
    this.writing = write.catch(() => {})
    return write
  }
}
