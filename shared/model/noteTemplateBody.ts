import type * as Y from 'yjs'
import { appendNoteBody, noteBodyFragment } from './noteBody'
import type { Block } from './richText'
import { COMMAND_ORIGIN } from './schema'

/**
 * Writing a template into a new note's body exactly once. `appendNoteBody` appends, so two
 * replicas that both wrote before syncing would show every heading twice. The rule: only the
 * replica that created the note writes, only after its body document has synced with the host
 * once, and only into a body that is still empty (an editor bound to an empty body writes
 * nothing until someone types, so "empty" really means nobody has written yet).
 */

/** The part of a y-websocket provider this needs: whether it has synced, and the event. */
export type SyncSignal = {
  readonly synced: boolean
  on(event: 'sync', listener: (synced: boolean) => void): void
  off(event: 'sync', listener: (synced: boolean) => void): void
}

/** Appends `blocks` only when the body has no content at all. Returns whether it wrote. */
export function fillEmptyNoteBody(
  bodyDoc: Y.Doc,
  blocks: readonly Block[],
  origin: object = COMMAND_ORIGIN,
): boolean {
  if (blocks.length === 0 || noteBodyFragment(bodyDoc).length > 0) return false
  appendNoteBody(bodyDoc, blocks, origin)
  return true
}

/**
 * Waits for the first sync of `provider`, then fills the body if it is still empty. `done`
 * resolves with whether it wrote; `cancel` (the note closed, the connection went away)
 * resolves it with `false`, so a body that never synced is never written blind.
 */
export function fillNoteBodyAfterSync(
  bodyDoc: Y.Doc,
  provider: SyncSignal,
  blocks: readonly Block[],
): { done: Promise<boolean>; cancel(): void } {
  let settle: (wrote: boolean) => void = () => {}
  const done = new Promise<boolean>((resolve) => (settle = resolve))
  const onSync = (synced: boolean): void => {
    if (!synced) return
    provider.off('sync', onSync)
    settle(fillEmptyNoteBody(bodyDoc, blocks))
  }
  if (provider.synced) settle(fillEmptyNoteBody(bodyDoc, blocks))
  else provider.on('sync', onSync)
  return {
    done,
    cancel() {
      provider.off('sync', onSync)
      settle(false)
    },
  }
}
