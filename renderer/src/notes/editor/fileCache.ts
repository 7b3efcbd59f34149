import type { NoteFile } from '../../../../shared/model/noteFiles'

/**
 * Pictures recently shown in this window, by file id, so an image copied from one note and
 * pasted into another can bring its bytes along: each note keeps its files in its own body
 * document, and the clipboard only carries the image node. Bounded (oldest out first); a
 * miss only means the pasted image is left out.
 */
const MAX_CACHED_BYTES = 64 * 1024 * 1024

const files = new Map<string, NoteFile>()
let cachedBytes = 0

export function rememberNoteFile(file: NoteFile): void {
  const known = files.get(file.id)
  if (known !== undefined) {
    // Refresh its place: most recently shown last.
    files.delete(file.id)
    files.set(file.id, known)
    return
  }
  files.set(file.id, file)
  cachedBytes += file.bytes.byteLength
  for (const [id, oldest] of files) {
    if (cachedBytes <= MAX_CACHED_BYTES || id === file.id) break
    files.delete(id)
    cachedBytes -= oldest.bytes.byteLength
  }
}

export function recallNoteFile(id: string): NoteFile | undefined {
  return files.get(id)
}
