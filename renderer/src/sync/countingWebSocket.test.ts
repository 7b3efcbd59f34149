import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MessageType } from '../../../shared/protocol'
import type * as CountingModule from './countingWebSocket'

/**
 * The counting logic only. A stand-in base class records what would go on the wire; syncing
 * over a real socket with a real host is covered by the end-to-end tests.
 */
class RecordingSocket {
  sent: unknown[] = []
  constructor(readonly url: string) {}
  send(data: unknown): void {
    this.sent.push(data)
  }
}

let module: typeof CountingModule
const globals = globalThis as { WebSocket?: unknown }
const realWebSocket = globals.WebSocket

beforeAll(async () => {
  // Always the stand-in, also where the runtime has a WebSocket (Node ≥ 22): a real one
  // would refuse `send` before it is open.
  globals.WebSocket = RecordingSocket
  module = await import('./countingWebSocket')
})

afterAll(() => {
  globals.WebSocket = realWebSocket
})

function message(type: number, body = 0): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  encoding.writeVarUint(encoder, body)
  return encoding.toUint8Array(encoder)
}

describe('CountingWebSocket', () => {
  it('counts sync messages only and reports changes', () => {
    let changes = 0
    const Socket = module.countingWebSocketClass(() => changes++)
    const socket = new Socket('ws://host/sync/ws-abc')
    socket.send(message(MessageType.sync))
    socket.send(message(MessageType.awareness))
    socket.send(message(MessageType.sync).buffer)
    socket.send('text')
    expect(socket.sentSyncMessages).toBe(2)
    expect(changes).toBe(2)
    expect(socket.allStored).toBe(false)
  })

  it('is all stored once acks cover what was sent; stale acks are ignored', () => {
    const Socket = module.countingWebSocketClass(() => {})
    const socket = new Socket('ws://host/sync/ws-abc')
    socket.send(message(MessageType.sync))
    socket.send(message(MessageType.sync))
    socket.acknowledge(1)
    expect(socket.allStored).toBe(false)
    socket.acknowledge(2)
    expect(socket.allStored).toBe(true)
    socket.acknowledge(1)
    expect(socket.storedSyncMessages).toBe(2)
    socket.send(message(MessageType.sync))
    expect(socket.allStored).toBe(false)
  })

  it('never believes an ack for more than it sent', () => {
    const Socket = module.countingWebSocketClass(() => {})
    const socket = new Socket('ws://host/sync/ws-abc')
    socket.send(message(MessageType.sync))
    socket.acknowledge(5)
    expect(socket.storedSyncMessages).toBe(1)
    socket.send(message(MessageType.sync))
    expect(socket.allStored).toBe(false)
  })
})
