/**
 * Branded identifiers. A `NoteId` is a string at runtime, but the compiler keeps a note id
 * from being passed where a workspace id is expected.
 */
declare const brand: unique symbol
export type Brand<T, B extends string> = T & { readonly [brand]: B }

export type WorkspaceId = Brand<string, 'WorkspaceId'>
export type NoteId = Brand<string, 'NoteId'>
export type CompanyId = Brand<string, 'CompanyId'>
export type CompetenceId = Brand<string, 'CompetenceId'>
export type BoardId = Brand<string, 'BoardId'>
/** An item on a board (sticky, text, frame, connector, image); unique within its board. */
export type ItemId = Brand<string, 'ItemId'>

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

/**
 * A random id of `length` lowercase base-36 characters (about 5.2 bits each).
 * 16 characters ≈ 82 bits: collisions between replicas are not a practical concern.
 */
export function randomId(
  length = 16,
  random: (bytes: Uint8Array) => Uint8Array = defaultRandom,
): string {
  const bytes = random(new Uint8Array(length))
  let id = ''
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length]
  return id
}

function defaultRandom(bytes: Uint8Array): Uint8Array {
  return crypto.getRandomValues(bytes)
}

/** Workspace ids travel in URLs (`/sync/<id>`), so they are restricted to a safe alphabet. */
export const WORKSPACE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}$/

export function isWorkspaceId(value: unknown): value is WorkspaceId {
  return typeof value === 'string' && WORKSPACE_ID_PATTERN.test(value)
}

export function newWorkspaceId(): WorkspaceId {
  return `ws-${randomId(12)}` as WorkspaceId
}

export function newNoteId(): NoteId {
  return `note-${randomId(12)}` as NoteId
}

export function newBoardId(): BoardId {
  return `board-${randomId(12)}` as BoardId
}

export function newItemId(): ItemId {
  return `item-${randomId(12)}` as ItemId
}

/** What a token looks like on the wire and in invites (base64url, 16–128 characters). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/

/**
 * A secret for invite links and launch tokens: 32 random bytes, base64url (43 characters).
 */
export function newToken(random: (bytes: Uint8Array) => Uint8Array = defaultRandom): string {
  return bytesToBase64Url(random(new Uint8Array(32)))
}

export function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function base64UrlToBytes(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url')
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4)
  const binary = atob(padded)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
