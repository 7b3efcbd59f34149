import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MessageType, parseSubDocId, PeerProtocolError } from '../../../shared/protocol'

/**
 * The awareness frame of a peer link (docs/PROTOCOL.md, "Presence on a link"): type 1, as for a
 * client, so a host that predates presence on links ignores it (it drops every type 1 on a
 * link), followed by which document's presence it is and a y-protocols awareness update, then
 * the client ids the sender no longer relays ("withdrawn": the link it heard them over dropped).
 *
 * ```
 * varUint 1, varString docId ('' = the root, else notes/<id> | boards/<id>),
 * varUint8Array update (varUint n, n × (varUint clientId, varUint clock, varString JSON state)),
 * varUint m, m × varUint clientId (withdrawn)
 * ```
 */
export type PresenceFrame = {
  docId: string
  /** Each state as the JSON text it travels as; `null` = the client left. */
  states: PresenceState[]
  withdrawn: number[]
}

export type PresenceState = { clientId: number; clock: number; json: string }

/** The root document's name in a presence frame; sub-documents use their `doc` wire names. */
export const ROOT_DOC_ID = ''

export function encodePresenceFrame(frame: PresenceFrame): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarString(encoder, frame.docId)
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(frame.states))
  encoding.writeVarUint(encoder, frame.withdrawn.length)
  for (const clientId of frame.withdrawn) encoding.writeVarUint(encoder, clientId)
  return encoding.toUint8Array(encoder)
}

/**
 * Reads a frame's body (type already consumed). Throws on a bad document name, a count longer
 * than the frame, or a state that is not JSON; the link is then closed like for any bad frame.
 * Bytes after the withdrawn list are left for a later version.
 */
export function readPresenceFrame(decoder: decoding.Decoder): PresenceFrame {
  const docId = decoding.readVarString(decoder)
  if (docId !== ROOT_DOC_ID && parseSubDocId(docId) === undefined) {
    throw new PeerProtocolError('not a document name')
  }
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
  const count = decoding.readVarUint(update)
  // Each state takes at least three bytes.
  if (count * 3 > update.arr.length - update.pos) throw new PeerProtocolError('bad count')
  const states: PresenceState[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(update)
    const clock = decoding.readVarUint(update)
    const json = decoding.readVarString(update)
    JSON.parse(json)
    states.push({ clientId, clock, json })
  }
  const withdrawnCount = decoding.readVarUint(decoder)
  if (withdrawnCount > decoder.arr.length - decoder.pos) throw new PeerProtocolError('bad count')
  const withdrawn: number[] = []
  for (let i = 0; i < withdrawnCount; i++) withdrawn.push(decoding.readVarUint(decoder))
  return { docId, states, withdrawn }
}

/**
 * A y-protocols awareness update (what `applyAwarenessUpdate` reads) from states in their JSON
 * text, so they reach a room's `Awareness` with their own clocks.
 */
export function encodeAwarenessUpdate(states: readonly PresenceState[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, states.length)
  for (const { clientId, clock, json } of states) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, json)
  }
  return encoding.toUint8Array(encoder)
}
