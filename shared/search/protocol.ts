import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { z } from 'zod'
import { NOTE_TYPES } from '../model/noteTypes'
import { SEARCH_KINDS } from './fullText'

/**
 * Full-text search over the sync connection (issue 7). The index lives on the host — the only
 * replica that holds every note body and board — in a worker; a client asks on its workspace
 * root connection and gets the answer on the same socket, so browser guests search exactly like
 * the desktop window, and a connection's token already decided what it may read.
 *
 * A Kryss client that wants search adds `search=1` (`SEARCH_PARAM`) besides `kryss=1` to its
 * root connection. A host that can search then sends `searchStatus` (122) at once and again as
 * the index builds; the client sends `searchRequest` (120) only after it has seen one, so an
 * older host is never sent a type it would close the connection over. Every request has an id;
 * the host answers each with one `searchResults` (121) carrying that id. A request that does not
 * parse is answered with `error` set, never by closing the connection (the frame itself was
 * well-formed; only a frame that does not decode closes it, 1007, as for any other message).
 *
 * Bodies are JSON text, checked with the zod schemas below on both ends.
 */
export const SEARCH_PARAM = 'search'

export const SearchMessageType = {
  /** client → host: `varUint requestId`, `varString` JSON {@link SearchQuery}. */
  searchRequest: 120,
  /** host → client: `varUint requestId`, `varString` JSON {@link SearchResponse}. */
  searchResults: 121,
  /** host → client: `varString` JSON {@link SearchStatus}; first on connect, then on change. */
  searchStatus: 122,
} as const

/** A response's `code` when the connection asked too often (the host's rate limit). */
export const SEARCH_RATE_LIMITED = 'rateLimited'

export const searchQuerySchema = z.object({
  /** What the user typed; every word must match (prefixes always, typos from five letters). */
  text: z.string().max(200),
  /** Only these kinds; absent = all. */
  kinds: z.array(z.enum(SEARCH_KINDS)).max(SEARCH_KINDS.length).optional(),
  /**
   * Narrowing, with the note list's field names (shared/model/noteFilter.ts). A filter a kind
   * cannot satisfy leaves that kind out (a tag filter finds only notes).
   * - companyId: notes owned by it, the company itself, its offers/needs.
   * - competenceId: notes linked to it, the competence itself, offers/needs of it.
   * - tag, type: notes only. author: notes created/edited by, stickies written by.
   * - updatedSince / updatedBefore: ms since the epoch.
   */
  filters: z
    .object({
      companyId: z.string().max(64).optional(),
      competenceId: z.string().max(64).optional(),
      tag: z.string().max(80).optional(),
      type: z.enum(NOTE_TYPES).optional(),
      author: z.string().max(80).optional(),
      updatedSince: z.number().optional(),
      updatedBefore: z.number().optional(),
    })
    .optional(),
  /** At most this many hits (default 30). */
  limit: z.number().int().min(1).max(100).optional(),
})
export type SearchQuery = z.infer<typeof searchQuerySchema>

/** A piece of text, `hit` when it is a matched word: render hits in <mark>. */
export const segmentSchema = z.object({ text: z.string(), hit: z.boolean() })

/** Where a hit opens. */
export const searchTargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('note'), note: z.string() }),
  /** A sticky, frame or text on a board: open the board and zoom to the item. */
  z.object({ type: z.literal('boardItem'), board: z.string(), item: z.string() }),
  /** A company's page; with `competence`, that offer/need on it. */
  z.object({
    type: z.literal('company'),
    company: z.string(),
    competence: z.string().optional(),
  }),
  z.object({ type: z.literal('competence'), competence: z.string() }),
])
export type SearchTarget = z.infer<typeof searchTargetSchema>

export const searchHitSchema = z.object({
  /** Unique across kinds (`note:<id>`, `item:<board>/<item>`, `company:<id>`, …). */
  id: z.string(),
  kind: z.enum(SEARCH_KINDS),
  /** The title, its matched words marked. */
  title: z.array(segmentSchema),
  /** A passage of the body around the first hit, marked; empty when only the title matched. */
  snippet: z.array(segmentSchema),
  /** Where it lives, in words: the board's name for an item, the company for an offer/need. */
  context: z.string().optional(),
  updatedAt: z.number(),
  target: searchTargetSchema,
})
export type SearchHit = z.infer<typeof searchHitSchema>

export const searchStatusSchema = z.object({
  /** `building`: a cold (re)build is running; results come from what is indexed so far. */
  state: z.enum(['building', 'ready']),
  /** Documents indexed, and known, so far (notes, items, companies, competences). */
  indexed: z.number().int().min(0),
  total: z.number().int().min(0),
  /**
   * Grows by one with every change to the index (a document added, changed or removed), so a
   * client asks its shown query again exactly when an answer could differ — an edited text
   * changes no count. Per host run (a restart begins again; the client re-asks on reconnect
   * anyway). Absent from hosts before it: their clients see counts change only.
   */
  changes: z.number().int().min(0).optional(),
})
export type SearchStatus = z.infer<typeof searchStatusSchema>

export const searchResponseSchema = z.object({
  hits: z.array(searchHitSchema),
  /** How many matched before `limit` cut them. */
  total: z.number().int().min(0),
  /** Time the host spent on the query, ms. */
  tookMs: z.number().min(0),
  status: searchStatusSchema,
  /** Set when the request was refused (bad JSON, too long); `hits` is empty then. */
  error: z.string().optional(),
  /**
   * What kind of refusal, for a client to say it in its own words: `rateLimited` (the
   * connection asked more than 20 a second, beyond a burst of 40). Other values may come from
   * newer hosts; `error` says them in English.
   */
  code: z.string().max(40).optional(),
  /** With `rateLimited`: when a query would be answered again, ms. */
  retryAfterMs: z.number().min(0).optional(),
})
export type SearchResponse = z.infer<typeof searchResponseSchema>

export function encodeSearchRequest(requestId: number, query: SearchQuery): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, SearchMessageType.searchRequest)
  encoding.writeVarUint(encoder, requestId)
  encoding.writeVarString(encoder, JSON.stringify(query))
  return encoding.toUint8Array(encoder)
}

/** The body of a `searchRequest` (type already read); `query` is unchecked JSON text. */
export function readSearchRequest(decoder: decoding.Decoder): { requestId: number; json: string } {
  return { requestId: decoding.readVarUint(decoder), json: decoding.readVarString(decoder) }
}

export function encodeSearchResults(requestId: number, response: SearchResponse): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, SearchMessageType.searchResults)
  encoding.writeVarUint(encoder, requestId)
  encoding.writeVarString(encoder, JSON.stringify(response))
  return encoding.toUint8Array(encoder)
}

export function readSearchResults(decoder: decoding.Decoder): {
  requestId: number
  json: string
} {
  return { requestId: decoding.readVarUint(decoder), json: decoding.readVarString(decoder) }
}

export function encodeSearchStatus(status: SearchStatus): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, SearchMessageType.searchStatus)
  encoding.writeVarString(encoder, JSON.stringify(status))
  return encoding.toUint8Array(encoder)
}

export function readSearchStatus(decoder: decoding.Decoder): string {
  return decoding.readVarString(decoder)
}
