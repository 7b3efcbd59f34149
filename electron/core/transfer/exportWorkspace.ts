import { once } from 'node:events'
import { access, mkdir, writeFile } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import path from 'node:path'
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate'
import type { NoteId } from '../../../shared/ids'
import { exportNames, exportNote } from '../../../shared/model/markdown/exportNote'
import { createFileNamer, safeFileStem } from '../../../shared/model/markdown/fileNames'
import { IMAGES_DIR } from '../../../shared/model/markdown/mapping'
import { listNotes } from '../../../shared/model/notes'
import { NOTES_DIR } from '../noteBodies'
import type { WorkspaceEntry } from '../workspaces'

/**
 * A whole workspace as Markdown files — one `<title>.md` per note, the images beside them in
 * `images/` — written to a sink (a zip streamed to an HTTP response, or a folder). Bodies are
 * opened one at a time and closed again right after (unless someone has the note open), so
 * memory stays flat however many notes there are.
 */
export interface ExportSink {
  /** `compress`: false for images, which are compressed already. */
  file(name: string, bytes: Uint8Array, compress: boolean): Promise<void>
}

export class WorkspaceUnavailableError extends Error {}

const encoder = new TextEncoder()

async function exists(dir: string): Promise<boolean> {
  try {
    await access(dir)
    return true
  } catch {
    return false
  }
}

export async function exportWorkspace(
  workspace: WorkspaceEntry,
  sink: ExportSink,
): Promise<{ notes: number }> {
  const { store, bodies } = workspace
  if (store === null || bodies === null) {
    throw new WorkspaceUnavailableError(workspace.error ?? 'The workspace is not open.')
  }
  const root = store.doc
  const names = exportNames(root)
  const fileName = createFileNamer()
  const imagesWritten = new Set<string>()
  // Oldest first, so "Title (2).md" names the same note in every export.
  const notes = listNotes(root).sort(
    (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
  let count = 0
  for (const note of notes) {
    const id: NoteId = note.id
    // A note nobody has written in yet has no body on disk; do not create one by exporting.
    const hasBody = await exists(path.join(workspace.dir, NOTES_DIR, id))
    let exported: ReturnType<typeof exportNote>
    if (hasBody) {
      const body = await bodies.acquire(id)
      try {
        exported = exportNote(root, id, body.doc, names)
      } finally {
        bodies.release(id, 0)
      }
    } else {
      exported = exportNote(root, id, undefined, names)
    }
    if (exported === undefined) continue
    await sink.file(fileName(exported.title, 'md'), encoder.encode(exported.markdown), true)
    for (const image of exported.images) {
      if (imagesWritten.has(image.path)) continue
      imagesWritten.add(image.path)
      await sink.file(image.path, image.bytes, false)
    }
    count++
  }
  return { notes: count }
}

/** A zip written to `res` as it is made; waits when the socket is behind. */
export function zipResponseSink(res: ServerResponse): ExportSink & { end(): Promise<void> } {
  let failure: Error | null = null
  const finished = new Promise<void>((resolve, reject) => {
    res.once('close', () => (res.writableFinished ? resolve() : reject(new Error('closed'))))
    res.once('finish', () => resolve())
  })
  finished.catch(() => {})
  const zip = new Zip((error, chunk, final) => {
    if (error) {
      failure = error
      res.destroy(error)
      return
    }
    res.write(chunk)
    if (final) res.end()
  })
  return {
    async file(name, bytes, compress) {
      if (failure) throw failure
      if (res.destroyed) throw new Error('The download was cancelled.')
      const entry = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name)
      zip.add(entry)
      entry.push(bytes, true)
      if (res.writableNeedDrain) await once(res, 'drain')
    },
    async end() {
      zip.end()
      await finished
    },
  }
}

/** A new folder inside `parent`, named after the workspace ("Name", "Name (2)", …). */
export async function createExportFolder(parent: string, workspaceName: string): Promise<string> {
  const stem = safeFileStem(workspaceName)
  for (let n = 1; n < 1000; n++) {
    const folder = path.join(parent, n === 1 ? stem : `${stem} (${n})`)
    try {
      await mkdir(folder)
      return folder
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  throw new Error('Could not find a free folder name.')
}

/** Writes files into `folder` (made by {@link createExportFolder}; names are already safe). */
export function folderSink(folder: string): ExportSink {
  let imagesDir: Promise<unknown> | null = null
  return {
    async file(name, bytes) {
      if (name.startsWith(`${IMAGES_DIR}/`)) {
        imagesDir ??= mkdir(path.join(folder, IMAGES_DIR), { recursive: true })
        await imagesDir
      }
      await writeFile(path.join(folder, ...name.split('/')), bytes, { flag: 'wx' })
    },
  }
}
