import * as Y from 'yjs'
import { COMMAND_ORIGIN, readNumber, readString } from './schema'

/**
 * Files of a note (pasted or dropped images), stored in the note's own body document under
 * the Y.Map `files`, so they are saved, synced and copied exactly like the text that shows
 * them. An `image` node in the body refers to its file by `fileId`, never by URL.
 *
 * Ids are content hashes: the same picture pasted twice (or by two people at once) is stored
 * once, and two replicas adding it concurrently write the same key with the same bytes.
 * Files are never deleted with the node that shows them — history and undo may bring the
 * node back.
 */
export const NOTE_FILES_FIELD = 'files'

/** Larger files are refused with a message; a workshop Wi-Fi has to carry them to everyone. */
export const MAX_NOTE_FILE_BYTES = 5 * 1024 * 1024

/** Raster images only: SVG can carry scripts. */
export const NOTE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const
export type NoteImageType = (typeof NOTE_IMAGE_TYPES)[number]

export function isNoteImageType(value: unknown): value is NoteImageType {
  return typeof value === 'string' && (NOTE_IMAGE_TYPES as readonly string[]).includes(value)
}

export const FILE_EXTENSIONS: Record<NoteImageType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
}

export type NoteFile = {
  id: string
  name: string
  type: NoteImageType
  bytes: Uint8Array
  addedBy: string
  addedAt: number
}

export class NoteFileError extends Error {
  constructor(
    readonly reason: 'too-large' | 'unsupported-type' | 'empty',
    message: string,
  ) {
    super(message)
  }
}

export function noteFilesMap(bodyDoc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return bodyDoc.getMap<Y.Map<unknown>>(NOTE_FILES_FIELD)
}

/**
 * The id of a file's content: `f-` and the first 24 hex digits of its SHA-256 (96 bits).
 * Async because Web Crypto is; available in browsers, Electron and Node 20.
 */
export async function noteFileId(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  let hex = ''
  for (const byte of digest.subarray(0, 12)) hex += byte.toString(16).padStart(2, '0')
  return `f-${hex}`
}

/** Checks a file before it is read into the document. Throws a {@link NoteFileError}. */
export function checkNoteFile(input: { size: number; type: string }): NoteImageType {
  if (!isNoteImageType(input.type)) {
    throw new NoteFileError(
      'unsupported-type',
      `Only PNG, JPEG, GIF and WebP images can be added (this is ${input.type || 'unknown'}).`,
    )
  }
  if (input.size === 0) throw new NoteFileError('empty', 'The file is empty.')
  if (input.size > MAX_NOTE_FILE_BYTES) {
    throw new NoteFileError(
      'too-large',
      `The image is ${(input.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_NOTE_FILE_BYTES / 1024 / 1024} MB.`,
    )
  }
  return input.type
}

/**
 * Stores a file in a body document and returns its id (one transaction; nothing written when
 * the same content is already there). Throws a {@link NoteFileError} for a file it refuses.
 */
export async function addNoteFile(
  bodyDoc: Y.Doc,
  input: { bytes: Uint8Array; type: string; name: string; addedBy: string; now: number },
  origin: object = COMMAND_ORIGIN,
): Promise<string> {
  const type = checkNoteFile({ size: input.bytes.byteLength, type: input.type })
  const id = await noteFileId(input.bytes)
  const files = noteFilesMap(bodyDoc)
  if (files.has(id)) return id
  bodyDoc.transact(() => {
    const file = new Y.Map<unknown>()
    file.set('name', input.name.slice(0, 200))
    file.set('type', type)
    // A copy: the caller's buffer may be reused or transferred.
    file.set('bytes', new Uint8Array(input.bytes))
    file.set('addedBy', input.addedBy)
    file.set('addedAt', input.now)
    files.set(id, file)
  }, origin)
  return id
}

export function getNoteFile(bodyDoc: Y.Doc, id: string): NoteFile | undefined {
  const file = noteFilesMap(bodyDoc).get(id)
  if (!(file instanceof Y.Map)) return undefined
  const bytes = file.get('bytes')
  const type = file.get('type')
  if (!(bytes instanceof Uint8Array) || !isNoteImageType(type)) return undefined
  return {
    id,
    name: readString(file, 'name'),
    type,
    bytes,
    addedBy: readString(file, 'addedBy'),
    addedAt: readNumber(file, 'addedAt'),
  }
}

export function listNoteFiles(bodyDoc: Y.Doc): NoteFile[] {
  const files: NoteFile[] = []
  for (const id of noteFilesMap(bodyDoc).keys()) {
    const file = getNoteFile(bodyDoc, id)
    if (file !== undefined) files.push(file)
  }
  return files
}
