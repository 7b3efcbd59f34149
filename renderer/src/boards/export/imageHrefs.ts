import type * as Y from 'yjs'
import { getNoteFile } from '../../../../shared/model/noteFiles'

/** Bytes as a `data:` URL (base64), so a file carries its pictures inside it. */
export function dataUrl(type: string, bytes: Uint8Array): string {
  // In slices: spreading megabytes into one call would overflow the stack.
  const slice = 0x8000
  let binary = ''
  for (let i = 0; i < bytes.length; i += slice) {
    binary += String.fromCharCode(...bytes.subarray(i, i + slice))
  }
  return `data:${type};base64,${btoa(binary)}`
}

/**
 * The `href` of each image's picture in an export, from the board document's files: a data
 * URL (an SVG file has nowhere else to keep it, and a PNG is drawn from that SVG), made once
 * per file however many images show it. Undefined for a file whose bytes are not here (the
 * export draws a labelled box).
 */
export function boardImageHrefs(doc: Y.Doc): (fileId: string) => string | undefined {
  const made = new Map<string, string | undefined>()
  return (fileId) => {
    if (made.has(fileId)) return made.get(fileId)
    const file = getNoteFile(doc, fileId)
    const href = file === undefined ? undefined : dataUrl(file.type, file.bytes)
    made.set(fileId, href)
    return href
  }
}
