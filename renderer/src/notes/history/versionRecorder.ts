import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import {
  captureDueAt,
  captureNoteVersion,
  listNoteVersions,
  noteVersionsMap,
  restoreNoteVersion,
  type NoteVersionId,
  type RestoreResult,
} from '../../../../shared/model/history'
import { noteBodyFragment } from '../../../../shared/model/noteBody'
import { readParticipant } from '../../sync/presenceState'

/**
 * Takes versions of the open note while this person edits it (see `captureDueAt`): after a
 * pause, during long stretches of typing, and when they leave. Only the person who edits
 * captures, so an open but idle note never writes. It also remembers who else edited since
 * the last version (from the clients whose edits arrived, named by their awareness state), so
 * a version says everyone who worked on it.
 *
 * Plain TypeScript with an injected clock and timers, so its policy is tested without React.
 */
export type VersionRecorder = {
  /** Starts watching the body; returns the stop function (which captures pending edits). */
  start(): () => void
  /** Captures pending edits now (the window is closing). */
  flush(): void
  /** Saves a version now (named when `label` is given). `undefined`: nothing changed. */
  save(label?: string): NoteVersionId | undefined
  /** Restores a version as a new change; the text before it is kept as a version. */
  restore(id: NoteVersionId): RestoreResult
  setUserName(name: string): void
  /** The name versions are recorded under. */
  userName(): string
}

export type RecorderClock = {
  now: () => number
  setTimeout: (run: () => void, ms: number) => unknown
  clearTimeout: (handle: unknown) => void
}

const systemClock: RecorderClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export function createVersionRecorder(input: {
  doc: Y.Doc
  awareness: Awareness | undefined
  userName: string
  /**
   * Whether the document has caught up with the host. The catch-up itself brings everyone's
   * past edits, which are not "edits since the last version".
   */
  isSynced?: () => boolean
  clock?: RecorderClock
}): VersionRecorder {
  const { doc, awareness, isSynced = () => true } = input
  const clock = input.clock ?? systemClock
  let userName = input.userName
  let pendingSince: number | undefined
  let lastLocalEditAt = 0
  let timer: unknown
  let restoring = false
  /** Who edited since the newest version: me, and others whose edits arrived. */
  const authors = new Set<string>()

  const cancelTimer = (): void => {
    if (timer !== undefined) clock.clearTimeout(timer)
    timer = undefined
  }

  const editors = (): string[] => (authors.size > 0 ? [...authors] : [userName])

  const settled = (): void => {
    cancelTimer()
    pendingSince = undefined
    authors.clear()
  }

  /** Auto captures name who edited; a save also names the person saving. */
  const capture = (save?: { label: string | undefined }): NoteVersionId | undefined => {
    const label = save?.label?.trim() || undefined
    const id = captureNoteVersion(doc, {
      now: clock.now(),
      by: save === undefined ? editors() : [userName, ...authors],
      kind: save === undefined ? 'auto' : 'manual',
      // A named save is kept even when the text is the same as the newest version.
      ...(label === undefined ? {} : { label, force: true }),
    })
    settled()
    return id
  }

  const schedule = (): void => {
    cancelTimer()
    const now = clock.now()
    const due = captureDueAt({
      now,
      pendingSince,
      lastLocalEditAt,
      lastVersionAt: listNoteVersions(doc)[0]?.at,
    })
    if (due === undefined) return
    timer = clock.setTimeout(
      () => {
        timer = undefined
        capture()
      },
      Math.max(0, due - now),
    )
  }

  /** Names of the other clients whose edits this transaction brought. */
  const remoteAuthors = (transaction: Y.Transaction): string[] => {
    if (awareness === undefined) return []
    const names: string[] = []
    const states = awareness.getStates()
    for (const [client, clock] of transaction.afterState) {
      if (client === doc.clientID || clock <= (transaction.beforeState.get(client) ?? 0)) continue
      const participant = readParticipant(client, states.get(client), doc.clientID)
      if (participant !== undefined) names.push(participant.name)
    }
    return names
  }

  const onBody = (_events: unknown, transaction: Y.Transaction): void => {
    if (!transaction.local) {
      if (isSynced()) for (const name of remoteAuthors(transaction)) authors.add(name)
      return
    }
    if (restoring) return
    const now = clock.now()
    pendingSince ??= now
    lastLocalEditAt = now
    authors.add(userName)
    schedule()
  }

  const onVersions = (_event: unknown, transaction: Y.Transaction): void => {
    if (transaction.local) return
    // Someone else's version holds the edits that reached them, including others' and mine
    // so far; my own pending edits still get a version of mine (it is skipped if identical).
    authors.clear()
    if (pendingSince !== undefined) {
      authors.add(userName)
      schedule()
    }
  }

  return {
    start() {
      const fragment = noteBodyFragment(doc)
      const versions = noteVersionsMap(doc)
      fragment.observeDeep(onBody)
      versions.observe(onVersions)
      return () => {
        fragment.unobserveDeep(onBody)
        versions.unobserve(onVersions)
        if (pendingSince !== undefined && !doc.isDestroyed) capture()
        settled()
      }
    },
    flush() {
      if (pendingSince !== undefined) capture()
    },
    save(label) {
      return capture({ label })
    },
    restore(id) {
      restoring = true
      try {
        const result = restoreNoteVersion(doc, id, {
          now: clock.now(),
          by: [userName],
          editedBy: editors(),
        })
        if (result.status === 'restored') settled()
        return result
      } finally {
        restoring = false
      }
    },
    setUserName(name) {
      userName = name
    },
    userName: () => userName,
  }
}
