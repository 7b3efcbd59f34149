import type * as decoding from 'lib0/decoding'
import type * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { NoteId, WorkspaceId } from '../../shared/ids'
import { noteBodyFragment } from '../../shared/model/noteBody'
import { listNotes } from '../../shared/model/notes'
import {
  KRYSS_PROTOCOL_PARAM,
  KRYSS_PROTOCOL_VERSION,
  MessageType,
  readStoredMessage,
} from '../../shared/protocol'
import { noteRoomName } from '../../shared/rooms'
import { cleanup, connectProvider, tempDir, waitFor, whenSynced } from './hostHarness'
import { hubStarted, killHubs, runHub as spawnHub, tokenOf } from './hubProcess'
import { seededRandom } from './peerHarness'

afterEach(async () => {
  killHubs()
  await cleanup()
})

/**
 * A `ws` socket that counts the sync messages it sends and the host's `stored` acknowledgements,
 * like the renderer's CountingWebSocket: an edit is acknowledged once `stored` reaches the count
 * it was sent at.
 */
class CountingSocket extends WebSocket {
  sent = 0
  stored = 0
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols)
    const send = this.send.bind(this) as (data: Uint8Array) => void
    ;(this as unknown as { send: (data: Uint8Array) => void }).send = (data) => {
      if (data[0] === MessageType.sync) this.sent++
      send(data)
    }
  }
}

/** A stock WebsocketProvider that opted in to `stored` and counts what the host acknowledged. */
function ackingProvider(port: number, room: string, token: string, doc: Y.Doc): WebsocketProvider {
  const provider = connectProvider(
    port,
    room,
    { token, [KRYSS_PROTOCOL_PARAM]: String(KRYSS_PROTOCOL_VERSION) },
    doc,
    CountingSocket,
  )
  provider.messageHandlers[MessageType.stored] = (
    _encoder: encoding.Encoder,
    decoder: decoding.Decoder,
    p: WebsocketProvider,
  ) => {
    const socket = p.ws as unknown as CountingSocket | null
    if (socket) socket.stored = Math.max(socket.stored, readStoredMessage(decoder))
  }
  return provider
}

type Edit = { mark: string; socket: CountingSocket; at: number }

/** One editor on one host: the workspace root and one note body, each its own connection. */
type Editor = { root: Y.Doc; body: Y.Doc; rootP: WebsocketProvider; bodyP: WebsocketProvider }

async function openEditor(
  port: number,
  workspaceId: WorkspaceId,
  noteId: NoteId,
  token: string,
): Promise<Editor> {
  const root = new Y.Doc()
  const body = new Y.Doc()
  const rootP = ackingProvider(port, workspaceId, token, root)
  const bodyP = ackingProvider(port, noteRoomName(workspaceId, noteId), token, body)
  await Promise.all([whenSynced(rootP), whenSynced(bodyP)])
  return { root, body, rootP, bodyP }
}

/** Makes one uniquely marked edit and remembers the sync message count it went out with. */
function edit(editor: Editor, mark: string, random: () => number): Edit {
  const toRoot = random() < 0.5
  const provider = toRoot ? editor.rootP : editor.bodyP
  if (toRoot) editor.root.getMap('chaos').set(mark, mark)
  else {
    const fragment = noteBodyFragment(editor.body)
    const text = new Y.XmlText()
    text.insert(0, `[${mark}]`)
    fragment.insert(Math.floor(random() * (fragment.length + 1)), [text])
  }
  const socket = provider.ws as unknown as CountingSocket
  return { mark, socket, at: socket.sent }
}

/** Root map and body text of an editor, and its snapshots, for comparing replicas. */
function describeEditor(editor: Editor): { content: string; snapshots: string } {
  const entries = Object.entries(editor.root.getMap('chaos').toJSON()).sort(([x], [y]) =>
    x < y ? -1 : 1,
  )
  const snapshot = (doc: Y.Doc) => Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64')
  return {
    content: `${JSON.stringify(entries)}\n${noteBodyFragment(editor.body).toJSON()}`,
    snapshots: `${snapshot(editor.root)} ${snapshot(editor.body)}`,
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('SIGKILL chaos on a chain of hub processes', () => {
  it('A ← B ← C: B is killed and restarted at random moments; nothing stored is lost', async () => {
    const SEED = 20261127
    const ROUNDS = 20
    const random = seededRandom(SEED)

    const a = await hubStarted(spawnHub(['--data-dir', await tempDir(), '--port', '0']))
    const [workspaceId, inviteA] = [...a.invites][0] as [WorkspaceId, string]
    const dirB = await tempDir()
    const argsB = ['--data-dir', dirB, '--no-demo', '--peer', inviteA]
    let hubB = spawnHub([...argsB, '--port', '0'])
    const b = await hubStarted(hubB)
    const inviteB = b.invites.get(workspaceId) as string
    const c = await hubStarted(
      spawnHub(['--data-dir', await tempDir(), '--port', '0', '--no-demo', '--peer', inviteB]),
    )

    const probe = new Y.Doc()
    await whenSynced(connectProvider(a.port, workspaceId, { token: tokenOf(inviteA) }, probe))
    const noteId = listNotes(probe)[0]?.id as NoteId
    expect(noteId).toBeDefined()
    const onA = await openEditor(a.port, workspaceId, noteId, tokenOf(inviteA))
    const tokenC = tokenOf(c.invites.get(workspaceId) as string)
    const onC = await openEditor(c.port, workspaceId, noteId, tokenC)

    const edits: Edit[] = []
    let serial = 0
    const burst = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const side = random() < 0.5 ? 'a' : 'c'
        edits.push(edit(side === 'a' ? onA : onC, `${side}${serial++}`, random))
        if (random() < 0.3) await sleep(Math.floor(random() * 30))
      }
    }

    for (let round = 0; round < ROUNDS; round++) {
      await burst(1 + Math.floor(random() * 15))
      // SIGKILL: no flush, no goodbye; whatever B had not written is gone from B.
      hubB.child.kill('SIGKILL')
      await hubB.exit
      await burst(1 + Math.floor(random() * 15))
      await sleep(Math.floor(random() * 200))
      hubB = spawnHub([...argsB, '--port', String(b.port)])
      await burst(1 + Math.floor(random() * 10))
      await waitFor(
        () => hubB.stdout().includes('invite '),
        `B to restart (round ${round})`,
        20_000,
      )
      // Sometimes B dies again before it even finished syncing.
      if (random() < 0.5) await sleep(Math.floor(random() * 300))
    }

    // Every edit A and C said is on their disk; the final state must hold them all.
    await waitFor(
      () => edits.every((e) => e.socket.stored >= e.at),
      'A and C to acknowledge every edit',
      10_000,
    )
    const acknowledged = edits.filter((e) => e.socket.stored >= e.at)
    expect(acknowledged.length).toBe(edits.length)
    expect(edits.length).toBeGreaterThan(ROUNDS * 3)

    const onB = await openEditor(b.port, workspaceId, noteId, tokenOf(inviteB))
    const replicas = [onA, onB, onC]
    let last: { content: string; snapshots: string }[] = []
    await waitFor(
      () => {
        last = replicas.map(describeEditor)
        return last.every(
          (r) => r.content === last[0]?.content && r.snapshots === last[0]?.snapshots,
        )
      },
      `A, B and C to converge (seed ${SEED})`,
      // C may have just failed to reach B several times in a row: its next knock can be a
      // full backoff (≤ 10 s) away, and then the sync itself on a busy machine.
      30_000,
    )
    const final = last[0]?.content ?? ''
    // Root marks are map keys ("a12"), body marks bracketed text ([a12]).
    const lost = acknowledged.filter(
      (e) => !final.includes(`"${e.mark}"`) && !final.includes(`[${e.mark}]`),
    )
    expect(lost.map((e) => e.mark)).toEqual([])
  }, 120_000)
})
