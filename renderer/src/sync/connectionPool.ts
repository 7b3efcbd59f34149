import type { WorkspaceId } from '../../../shared/ids'
import type { HostSession } from '../connection/hostSession'
import type { PresenceState } from './presenceState'
import { openWorkspaceConnection, type WorkspaceConnection } from './workspaceConnection'

/**
 * A released workspace closes on the next task, not at once: React's StrictMode mounts,
 * unmounts and mounts again, and that must not tear down and reopen the socket. Closing soon
 * matters more than caching: a hidden workspace must not keep showing me as present.
 */
const LINGER_MS = 0

type Slot = {
  connection: WorkspaceConnection
  users: number
  closeTimer?: ReturnType<typeof setTimeout>
}

/**
 * Opens workspace connections on demand and closes them when no view uses them any more.
 * Components `acquire` in an effect and read with `get` through `useSyncExternalStore`, so
 * opening a socket never happens during render (React may render twice or throw renders away).
 */
export class ConnectionPool {
  private readonly slots = new Map<WorkspaceId, Slot>()
  private readonly listeners = new Set<() => void>()

  constructor(
    private readonly session: HostSession,
    private readonly presence: () => PresenceState,
  ) {}

  /** Keeps the workspace open until the returned release is called. */
  acquire(id: WorkspaceId): () => void {
    let slot = this.slots.get(id)
    if (slot === undefined) {
      const target = this.session.syncTarget(id)
      if (target === undefined) return () => {}
      slot = {
        connection: openWorkspaceConnection({
          workspaceId: id,
          target,
          surface: this.session.surface,
          presence: this.presence(),
        }),
        users: 0,
      }
      this.slots.set(id, slot)
      this.emit()
    }
    const acquired = slot
    clearTimeout(acquired.closeTimer)
    acquired.users++
    let released = false
    return () => {
      if (released) return
      released = true
      acquired.users--
      if (acquired.users > 0) return
      acquired.closeTimer = setTimeout(() => this.close(id, acquired), LINGER_MS)
    }
  }

  get(id: WorkspaceId | undefined): WorkspaceConnection | undefined {
    return id === undefined ? undefined : this.slots.get(id)?.connection
  }

  /** Closes a workspace at once, e.g. after it was deleted. */
  forget(id: WorkspaceId): void {
    const slot = this.slots.get(id)
    if (slot !== undefined) this.close(id, slot)
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    for (const [id, slot] of [...this.slots]) this.close(id, slot)
    this.listeners.clear()
  }

  private close(id: WorkspaceId, slot: Slot): void {
    if (this.slots.get(id) !== slot) return
    clearTimeout(slot.closeTimer)
    this.slots.delete(id)
    slot.connection.destroy()
    this.emit()
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener()
  }
}
