import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { DEMO_BOARD, seedDemoBoard, seedDemoWorkspace } from '../../shared/demo'
import { isWorkspaceId, newToken, newWorkspaceId, type WorkspaceId } from '../../shared/ids'
import { seedNoteBody } from '../../shared/model/noteBody'
import {
  initWorkspace,
  migrateWorkspace,
  observeWorkspaceMeta,
  readWorkspaceMeta,
  renameWorkspace,
} from '../../shared/model/workspace'
import { BoardStores, NoteBodyStores } from './noteBodies'
import { deriveNoteLinks, type NoteLinkDeriver } from './noteLinks'
import type { SearchService, WorkspaceSearch } from './search/service'
import type { HostState, WorkspaceRecord } from './state'
import { openDocStore, type DocStore, type StorageWarning } from './storage/docStore'

export const WORKSPACES_DIR = 'workspaces'
export const TRASH_DIR = 'trash'
/**
 * A file in a private notebook's folder, so the flag survives a lost or corrupt `kryss.json`:
 * a folder re-registered from disk must never come back as a workspace that can be shared.
 */
export const PRIVATE_MARKER = 'private-notebook'

/** A registered workspace as the rest of the host sees it. */
export interface WorkspaceEntry {
  readonly id: WorkspaceId
  readonly name: string
  /** Capability for guests: invite links carry it, the sync endpoint checks it. */
  readonly token: string
  /**
   * Read-only capability for view-only invites, or undefined until the owner asks for one.
   * Connections holding it may read and send awareness, never change the documents.
   */
  readonly viewToken: string | undefined
  readonly createdAt: number
  readonly demo: boolean
  /**
   * The owner's private notebook: only the owner token reaches it. No invite, no guest token,
   * no peer link, not in discovery (see {@link WorkspaceRegistry.ensurePrivateNotebook}).
   */
  readonly private: boolean
  readonly dir: string
  /** The open store of the root document; null when the workspace is unavailable. */
  readonly store: DocStore | null
  /** The note bodies, each a document of its own opened on demand; null when unavailable. */
  readonly bodies: NoteBodyStores | null
  /** The boards, each a document of its own opened on demand like a body; null when unavailable. */
  readonly boards: BoardStores | null
  /** Why the workspace could not be opened. Its files are left untouched. */
  readonly error: string | null
  /** Storage problems found while opening, in plain words. */
  readonly warnings: readonly string[]
}

/** A workspace got a new token: connections that used `oldToken` must go. */
export type TokenRotation = { id: WorkspaceId; oldToken: string; newToken: string }

/** Something that would share a private notebook (invite, join, peer link) was asked for. */
export class PrivateWorkspaceError extends Error {
  override readonly name = 'PrivateWorkspaceError'
  constructor(readonly id: string) {
    super('A private notebook is never shared: it has no invite link and links to no host.')
  }
}

/** The workspace asked for is not registered. */
export class WorkspaceNotFoundError extends Error {
  override readonly name = 'WorkspaceNotFoundError'
  constructor(readonly id: string) {
    super(`There is no workspace ${id}.`)
  }
}

export type WorkspaceRegistryOptions = {
  dataDir: string
  state: HostState
  /** Seed the example workspace when the data directory is brand new. */
  demo: boolean
  now?: () => number
  log?: (line: string) => void
  /** Full-text search: each open workspace is followed (search/service.ts). */
  search?: Pick<SearchService, 'follow'>
}

class Workspace implements WorkspaceEntry {
  store: DocStore | null = null
  bodies: NoteBodyStores | null = null
  boards: BoardStores | null = null
  error: string | null = null
  readonly warnings: string[] = []
  disposeMetaObserver: () => void = () => {}
  links: NoteLinkDeriver | null = null
  search: WorkspaceSearch | null = null

  constructor(
    public record: WorkspaceRecord,
    readonly dir: string,
  ) {}

  get id(): WorkspaceId {
    return this.record.id
  }
  get name(): string {
    return this.record.name
  }
  get token(): string {
    return this.record.token
  }
  get viewToken(): string | undefined {
    return this.record.viewToken
  }
  get createdAt(): number {
    return this.record.createdAt
  }
  get demo(): boolean {
    return this.record.demo
  }
  get private(): boolean {
    return this.record.private === true
  }
}

/**
 * Opens every registered workspace's store under `<dataDir>/workspaces/<id>/`, re-registers
 * workspace folders that the registry does not know (e.g. after a corrupt `kryss.json`), and
 * seeds the example workspace on a brand-new data directory.
 */
export async function openWorkspaceRegistry(
  options: WorkspaceRegistryOptions,
): Promise<WorkspaceRegistry> {
  const registry = new WorkspaceRegistry(options)
  await registry.load()
  return registry
}

/**
 * Owns the workspaces of one data directory. Mutations are serialised, so a delete never
 * races a rename of the same workspace.
 */
export class WorkspaceRegistry {
  private readonly workspaces = new Map<WorkspaceId, Workspace>()
  private readonly removeListeners = new Set<(id: WorkspaceId) => void>()
  private readonly rotateListeners = new Set<(rotation: TokenRotation) => void>()
  private readonly dataDir: string
  private readonly state: HostState
  private readonly now: () => number
  private readonly log: (line: string) => void
  private queue: Promise<unknown> = Promise.resolve()
  private closed = false

  constructor(private readonly options: WorkspaceRegistryOptions) {
    this.dataDir = options.dataDir
    this.state = options.state
    this.now = options.now ?? Date.now
    this.log = options.log ?? (() => {})
  }

  /** @internal Called once by {@link openWorkspaceRegistry}. */
  async load(): Promise<void> {
    const root = path.join(this.dataDir, WORKSPACES_DIR)
    await mkdir(root, { recursive: true })
    const onDisk = new Set(
      (await readdir(root, { withFileTypes: true }))
        .filter((d) => d.isDirectory())
        .map((d) => d.name),
    )
    const records = this.state.workspaces
    await Promise.all(
      records.map((record) => this.openWorkspace(record, { folderExisted: onDisk.has(record.id) })),
    )

    const known = new Set<string>(records.map((r) => r.id))
    for (const name of [...onDisk].sort()) {
      if (known.has(name)) continue
      if (!isWorkspaceId(name)) {
        this.log(`kryss: ignoring ${path.join(root, name)}: not a workspace folder name`)
        continue
      }
      await this.reregister(name)
    }

    if (this.options.demo && this.state.fresh && records.length === 0 && onDisk.size === 0) {
      await this.createWorkspace({ seedDemo: true, name: '' })
    }
  }

  /** Every registered workspace, open or not, in creation order. */
  list(): WorkspaceEntry[] {
    return [...this.workspaces.values()].sort((a, b) => a.createdAt - b.createdAt)
  }

  get(id: string): WorkspaceEntry | undefined {
    return this.workspaces.get(id as WorkspaceId)
  }

  /** Creates an empty workspace and registers it with a fresh token. */
  create(name: string): Promise<WorkspaceEntry> {
    return this.serialise(() => this.createWorkspace({ name, seedDemo: false }))
  }

  /**
   * The host's private notebook (one per host, the owner's), created with `name` on first use.
   * It is stored like any workspace, flagged `private` in the registry.
   */
  ensurePrivateNotebook(name: string): Promise<WorkspaceEntry> {
    return this.serialise(async () => {
      const existing = this.list().find((w) => w.private)
      if (existing) return existing
      return this.createWorkspace({ name, seedDemo: false, private: true })
    })
  }

  /**
   * Registers a workspace that lives on other hosts (joined by invite), with its id, token and
   * name, and an empty root document that peer sync fills. Nothing is written into it: an empty
   * replica has no deletions to send, and its meta comes from the first sync, never from here.
   * Returns the existing entry when the workspace is already registered.
   */
  register(input: { id: WorkspaceId; name: string; token: string }): Promise<WorkspaceEntry> {
    return this.serialise(async () => {
      const existing = this.workspaces.get(input.id)
      if (existing?.private) throw new PrivateWorkspaceError(input.id)
      if (existing) return existing
      const workspace = new Workspace(
        { id: input.id, name: input.name, token: input.token, createdAt: this.now(), demo: false },
        path.join(this.dataDir, WORKSPACES_DIR, input.id),
      )
      const store = await this.openStore(workspace)
      if (!store) throw new Error(workspace.error ?? `cannot open workspace ${input.id}`)
      await this.state.addWorkspace(workspace.record)
      this.attach(workspace, store)
      return workspace
    })
  }

  /** Renames in the document (so peers see it) and in the registry. */
  rename(id: string, name: string): Promise<WorkspaceEntry> {
    return this.serialise(async () => {
      const workspace = this.require(id)
      const trimmed = name.trim()
      if (trimmed === '') throw new Error('A workspace needs a name.')
      if (workspace.store) {
        renameWorkspace(workspace.store.doc, trimmed)
        await workspace.store.whenDurable()
      }
      workspace.record = { ...workspace.record, name: trimmed }
      await this.state.renameWorkspace(workspace.id, trimmed)
      return workspace
    })
  }

  /**
   * Closes the workspace, unregisters it and moves its folder to `<dataDir>/trash/<id>-<ts>`.
   * Nothing is ever removed from disk. Remove listeners run first, so open connections close
   * before the store does.
   */
  delete(id: string): Promise<void> {
    return this.serialise(async () => {
      const workspace = this.require(id)
      for (const listener of this.removeListeners) listener(workspace.id)
      this.workspaces.delete(workspace.id)
      await this.closeWorkspace(workspace)
      // Unregister before moving: a crash in between leaves a folder that is re-registered on
      // the next start, never a registry entry that would reopen as an empty workspace.
      await this.state.removeWorkspace(workspace.id)
      const trash = path.join(this.dataDir, TRASH_DIR)
      await mkdir(trash, { recursive: true })
      try {
        await rename(workspace.dir, path.join(trash, `${workspace.id}-${this.now()}`))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      }
    })
  }

  /**
   * Gives the workspace a new random token, saved before the listeners hear of it, so old
   * invite links stop working from this moment (and after a restart). Listeners close the
   * connections that used the old token; peer links holding the new one are unaffected.
   */
  rotateToken(id: string): Promise<WorkspaceEntry> {
    return this.serialise(async () => {
      const workspace = this.require(id)
      await this.replaceToken(workspace, newToken())
      return workspace
    })
  }

  /**
   * Takes `token`, pushed by the linked host this one joined through after it rotated, as this
   * workspace's own token, like {@link rotateToken} does with a random one: saved first, the
   * view-only token renewed, then the listeners close the connections that used the old one.
   * Without this, an old invite naming several hosts would keep working through this one.
   * Returns false when the workspace already holds `token` (rotations travel in circles too).
   */
  adoptToken(id: string, token: string): Promise<boolean> {
    return this.serialise(async () => {
      const workspace = this.require(id)
      if (token === workspace.token) return false
      await this.replaceToken(workspace, token)
      return true
    })
  }

  /**
   * Saves `token` as the workspace's token and renews its view-only link (an invite too), then
   * tells the listeners, which close the connections that used the old token. Saved first, so
   * old links stay refused after a restart.
   */
  private async replaceToken(workspace: Workspace, token: string): Promise<void> {
    const oldToken = workspace.token
    await this.state.setWorkspaceToken(workspace.id, token)
    workspace.record = { ...workspace.record, token }
    if (workspace.record.viewToken !== undefined) {
      const viewToken = newToken()
      await this.state.setWorkspaceViewToken(workspace.id, viewToken)
      workspace.record = { ...workspace.record, viewToken }
    }
    const rotation = { id: workspace.id, oldToken, newToken: token }
    for (const listener of this.rotateListeners) listener(rotation)
  }

  /** The workspace's read-only token, made and saved on first use. */
  ensureViewToken(id: string): Promise<string> {
    return this.serialise(async () => {
      const workspace = this.require(id)
      if (workspace.record.viewToken !== undefined) return workspace.record.viewToken
      const viewToken = newToken()
      await this.state.setWorkspaceViewToken(workspace.id, viewToken)
      workspace.record = { ...workspace.record, viewToken }
      return viewToken
    })
  }

  /** Calls `listener` after a workspace's token was rotated. Returns the disposer. */
  onTokenRotated(listener: (rotation: TokenRotation) => void): () => void {
    this.rotateListeners.add(listener)
    return () => this.rotateListeners.delete(listener)
  }

  /** Calls `listener` with the id of a workspace about to be deleted. Returns the disposer. */
  onRemove(listener: (id: WorkspaceId) => void): () => void {
    this.removeListeners.add(listener)
    return () => this.removeListeners.delete(listener)
  }

  /** Flushes and closes every store, and waits for the registry file to be written. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.queue.catch(() => {})
    await Promise.all([...this.workspaces.values()].map((w) => this.closeWorkspace(w)))
    this.workspaces.clear()
    await this.state.flush()
  }

  private serialise<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the workspace registry is closed'))
    const result = this.queue.then(task)
    this.queue = result.catch(() => {})
    return result
  }

  private require(id: string): Workspace {
    const workspace = this.workspaces.get(id as WorkspaceId)
    if (!workspace) throw new WorkspaceNotFoundError(id)
    return workspace
  }

  private async createWorkspace(input: {
    name: string
    seedDemo: boolean
    private?: boolean
  }): Promise<Workspace> {
    const id = newWorkspaceId()
    const createdAt = this.now()
    const workspace = new Workspace(
      {
        id,
        name: input.name.trim(),
        token: newToken(),
        createdAt,
        demo: input.seedDemo,
        ...(input.private === true ? { private: true } : {}),
      },
      path.join(this.dataDir, WORKSPACES_DIR, id),
    )
    if (input.private === true) {
      // Marked before anything else is written, so no crash leaves an unmarked notebook.
      await mkdir(workspace.dir, { recursive: true })
      await writeFile(path.join(workspace.dir, PRIVATE_MARKER), 'Kryss private notebook\n')
    }
    const store = await this.openStore(workspace)
    if (!store) throw new Error(workspace.error ?? `cannot create workspace ${id}`)
    if (input.seedDemo) {
      const bodies = seedDemoWorkspace(store.doc, createdAt)
      const bodyStores = this.openBodies(workspace)
      try {
        for (const body of bodies) {
          await bodyStores.withBody(body.noteId, (bodyStore) =>
            seedNoteBody(bodyStore.doc, body.blocks),
          )
        }
      } finally {
        await bodyStores.close()
      }
      const boardStores = this.openBoards(workspace)
      try {
        await boardStores.withBody(DEMO_BOARD.id, (boardStore) =>
          seedDemoBoard(boardStore.doc, createdAt),
        )
      } finally {
        await boardStores.close()
      }
    } else {
      initWorkspace(store.doc, { name: workspace.name, now: createdAt })
    }
    workspace.record.name = readWorkspaceMeta(store.doc).name
    await store.whenDurable()
    // The folder exists before the registry entry: a crash in between is healed by load().
    await this.state.addWorkspace(workspace.record)
    this.attach(workspace, store)
    if (input.seedDemo) this.log(`kryss: created the example workspace ${id}`)
    return workspace
  }

  private async openWorkspace(
    record: WorkspaceRecord,
    context: { folderExisted: boolean },
  ): Promise<Workspace> {
    const workspace = new Workspace(record, path.join(this.dataDir, WORKSPACES_DIR, record.id))
    if (!context.folderExisted) {
      workspace.warnings.push(
        'The folder of this workspace was missing, so it opened empty. Anything synced from others will fill it again.',
      )
      this.log(`kryss: ${workspace.dir} was missing; opening ${record.id} empty`)
    }
    const store = await this.openStore(workspace)
    if (store) {
      // Bring an older document up to the current schema; an empty one stays empty so a guest
      // copy waiting for its first sync does not invent meta of its own.
      if (readWorkspaceMeta(store.doc).name !== '') migrateWorkspace(store.doc)
      this.attach(workspace, store)
    } else {
      this.workspaces.set(workspace.id, workspace)
    }
    return workspace
  }

  /** Registers a workspace folder found on disk, named from its document. */
  private async reregister(id: WorkspaceId): Promise<void> {
    const workspace = new Workspace(
      { id, name: id, token: newToken(), createdAt: this.now(), demo: false },
      path.join(this.dataDir, WORKSPACES_DIR, id),
    )
    const store = await this.openStore(workspace)
    if (store) {
      const meta = readWorkspaceMeta(store.doc)
      workspace.record = {
        ...workspace.record,
        name: meta.name !== '' ? meta.name : id,
        createdAt: meta.createdAt > 0 ? meta.createdAt : workspace.createdAt,
        demo: meta.demo,
      }
    }
    if (await isPrivateFolder(workspace.dir))
      workspace.record = { ...workspace.record, private: true }
    workspace.warnings.push(
      'This workspace was found on disk and registered again, with a new invite link. Old invite links to it no longer work.',
    )
    await this.state.addWorkspace(workspace.record)
    if (store) this.attach(workspace, store)
    else this.workspaces.set(workspace.id, workspace)
    this.log(`kryss: re-registered workspace ${id} found in ${workspace.dir}`)
  }

  /** Opens the store, or marks the workspace unavailable with the reason. Never throws. */
  private async openStore(workspace: Workspace): Promise<DocStore | null> {
    try {
      return await openDocStore({
        dir: workspace.dir,
        now: this.now,
        onWarning: (warning) => {
          workspace.warnings.push(describeStorageWarning(warning))
          this.log(`kryss: ${workspace.id}: ${warning.kind} ${warning.file}: ${warning.reason}`)
        },
      })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      workspace.error = `This workspace could not be opened, and its files were left untouched: ${message}`
      this.log(`kryss: workspace ${workspace.id} is unavailable: ${message}`)
      return null
    }
  }

  private attach(workspace: Workspace, store: DocStore): void {
    workspace.store = store
    workspace.bodies = this.openBodies(workspace)
    workspace.boards = this.openBoards(workspace)
    workspace.links = deriveNoteLinks(store.doc, workspace.bodies, { log: this.log })
    workspace.search =
      this.options.search?.follow({
        id: workspace.id,
        dir: workspace.dir,
        root: store.doc,
        bodies: workspace.bodies,
        boards: workspace.boards,
      }) ?? null
    // A peer may rename the workspace through the document; keep the registry (and so the
    // workspace list and invite links) in step.
    workspace.disposeMetaObserver = observeWorkspaceMeta(store.doc, () => {
      const name = readWorkspaceMeta(store.doc).name
      if (name === '' || name === workspace.name) return
      workspace.record = { ...workspace.record, name }
      this.state.renameWorkspace(workspace.id, name).catch((error: unknown) => {
        this.log(`kryss: cannot save the new name of ${workspace.id}: ${String(error)}`)
      })
    })
    this.workspaces.set(workspace.id, workspace)
  }

  private openBodies(workspace: Workspace): NoteBodyStores {
    return new NoteBodyStores({
      dir: workspace.dir,
      now: this.now,
      log: this.log,
      onWarning: (noteId, warning) => {
        workspace.warnings.push(`Note ${noteId}: ${describeStorageWarning(warning)}`)
        this.log(
          `kryss: ${workspace.id}/${noteId}: ${warning.kind} ${warning.file}: ${warning.reason}`,
        )
      },
    })
  }

  private openBoards(workspace: Workspace): BoardStores {
    return new BoardStores({
      dir: workspace.dir,
      now: this.now,
      log: this.log,
      onWarning: (boardId, warning) => {
        workspace.warnings.push(`Board ${boardId}: ${describeStorageWarning(warning)}`)
        this.log(
          `kryss: ${workspace.id}/boards/${boardId}: ${warning.kind} ${warning.file}: ${warning.reason}`,
        )
      },
    })
  }

  private async closeWorkspace(workspace: Workspace): Promise<void> {
    workspace.disposeMetaObserver()
    // Before the bodies close: a pending link update still needs its body.
    await workspace.links?.close()
    workspace.links = null
    // Also before: the index is saved with everything the open bodies and boards hold.
    await workspace.search?.close()
    workspace.search = null
    const bodies = workspace.bodies
    workspace.bodies = null
    const boards = workspace.boards
    workspace.boards = null
    await Promise.all([bodies?.close(), boards?.close()])
    const store = workspace.store
    workspace.store = null
    if (!store) return
    try {
      await store.close()
    } catch (error) {
      this.log(`kryss: closing workspace ${workspace.id} failed: ${String(error)}`)
    } finally {
      store.doc.destroy()
    }
  }
}

/** Whether a workspace folder holds the {@link PRIVATE_MARKER}. */
async function isPrivateFolder(dir: string): Promise<boolean> {
  try {
    await stat(path.join(dir, PRIVATE_MARKER))
    return true
  } catch {
    return false
  }
}

/** Puts a storage warning into words for the workspace list. */
export function describeStorageWarning(warning: StorageWarning): string {
  const aside = path.basename(warning.quarantinedTo)
  switch (warning.kind) {
    case 'quarantined-tail':
      return `The end of the change log was damaged (${warning.bytes} bytes, ${warning.reason}). Everything before it was loaded; the damaged part was kept in ${aside}.`
    case 'quarantined-log':
      return `The change log could not be read (${warning.reason}). The workspace opened from its last snapshot; the log was kept in ${aside}.`
    case 'quarantined-snapshot':
      return `The snapshot could not be read (${warning.reason}); it was kept in ${aside}.`
  }
}
