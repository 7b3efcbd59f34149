import * as decoding from 'lib0/decoding'
import { MessageType } from '../../../shared/protocol'

type SendData = string | ArrayBufferLike | Blob | ArrayBufferView

function messageType(data: SendData): number | undefined {
  let bytes: Uint8Array
  if (data instanceof Uint8Array) bytes = data
  else if (ArrayBuffer.isView(data))
    bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  else if (data instanceof ArrayBuffer) bytes = new Uint8Array(data)
  else return undefined
  if (bytes.length === 0) return undefined
  try {
    return decoding.readVarUint(decoding.createDecoder(bytes))
  } catch {
    return undefined
  }
}

/**
 * A WebSocket that counts the sync messages (type 0) it sends, so the client can tell when the
 * host's `stored` acknowledgements (type 100) cover everything it sent. Counts belong to one
 * socket: a new connection starts from zero, as the host's count does.
 */
export class CountingWebSocket extends WebSocket {
  /** Sync-protocol messages sent on this socket. */
  sentSyncMessages = 0
  /** How many of them the host has said are on disk. */
  storedSyncMessages = 0

  override send(data: SendData): void {
    if (messageType(data) === MessageType.sync) {
      this.sentSyncMessages++
      this.onCountsChanged()
    }
    super.send(data)
  }

  /** Records a `stored` acknowledgement. Counts only grow; a stale or repeated ack is ignored. */
  acknowledge(count: number): void {
    if (count <= this.storedSyncMessages) return
    this.storedSyncMessages = Math.min(count, this.sentSyncMessages)
    this.onCountsChanged()
  }

  get allStored(): boolean {
    return this.storedSyncMessages >= this.sentSyncMessages
  }

  /** Hook for subclasses made by `countingWebSocketClass`. */
  protected onCountsChanged(): void {}
}

/**
 * A `CountingWebSocket` class that reports count changes to `onChange`. `WebsocketProvider`
 * constructs its sockets itself, so the listener travels in the class.
 */
export function countingWebSocketClass(onChange: () => void): typeof CountingWebSocket {
  return class ReportingWebSocket extends CountingWebSocket {
    protected override onCountsChanged(): void {
      onChange()
    }
  }
}
