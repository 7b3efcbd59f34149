import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { messageSync } from 'y-websocket'
import type { BoardItem } from '../../../shared/model/board/items'
import { MalformedPreviewError, readBoardPreview } from '../../../shared/model/board/preview'
import { MessageType, readBoardPreviewMessage } from '../../../shared/protocol'
import type { DocSync } from '../sync/docSync'

/**
 * The longest the board's document waits for its preview to be painted: a hidden tab paints
 * nothing, and a board must not wait for it to be shown before it syncs.
 */
export const PREVIEW_HOLD_MS = 300

/**
 * Receives a board's preview (shared/model/board/preview.ts, docs/PROTOCOL.md) on `sync`
 * and hands it to `show`, which puts it on screen and resolves once it is painted.
 *
 * The host sends the document right behind the preview, and applying it takes the main
 * thread for a few hundred milliseconds on a large board. Until `show` has resolved (at
 * most {@link PREVIEW_HOLD_MS}), sync messages wait here and are then applied in order, so
 * the preview reaches the screen first. A preview that does not read is skipped: the board
 * then appears when the document has applied, as it would without one.
 */
export function receiveBoardPreview(
  sync: DocSync,
  show: (items: BoardItem[]) => Promise<void> | undefined,
): void {
  const { provider } = sync
  const applySync = provider.messageHandlers[messageSync]
  if (applySync === undefined) return
  let held: { socket: WebSocket | null; messages: Uint8Array[] } | undefined

  const release = (): void => {
    const current = held
    held = undefined
    // A message of a connection that has closed since is for a handshake that is over.
    if (current === undefined || current.socket !== provider.ws) return
    for (const message of current.messages) {
      const encoder = encoding.createEncoder()
      applySync(encoder, decoding.createDecoder(message), provider, true, messageSync)
      if (encoding.length(encoder) > 1) provider.ws?.send(encoding.toUint8Array(encoder))
    }
  }

  provider.messageHandlers[messageSync] = (encoder, decoder, current, emitSynced, type) => {
    if (held === undefined) {
      applySync(encoder, decoder, current, emitSynced, type)
      return
    }
    // The rest of this message, kept whole; nothing is written back until it is applied.
    held.messages.push(decoding.readTailAsUint8Array(decoder))
  }

  provider.messageHandlers[MessageType.boardPreview] = (_encoder, decoder) => {
    let items: BoardItem[]
    try {
      items = readBoardPreview(readBoardPreviewMessage(decoder))
    } catch (error) {
      if (!(error instanceof MalformedPreviewError)) throw error
      console.warn(`kryss: ${error.message}; the board shows when its document has arrived`)
      return
    }
    const shown = show(items)
    if (shown === undefined || held !== undefined) return
    held = { socket: provider.ws, messages: [] }
    const timer = setTimeout(release, PREVIEW_HOLD_MS)
    void shown.then(() => {
      clearTimeout(timer)
      // After the frame that painted it, so the document's apply does not hold that frame.
      setTimeout(release, 0)
    })
  }
}
