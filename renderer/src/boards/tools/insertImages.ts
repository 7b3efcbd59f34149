import type { ItemId } from '../../../../shared/ids'
import { createItems, type NewItem } from '../../../../shared/model/board/commands'
import type { Point } from '../../../../shared/model/board/geometry'
import { altFromFileName, imageItemSize, imageRow } from '../../../../shared/model/board/images'
import { frameAt, itemCenter } from '../../../../shared/model/board/items'
import { addNoteFile, checkNoteFile, NoteFileError } from '../../../../shared/model/noteFiles'
import { createValueStore, type ValueStore } from '../../lib/externalStore'
import { screenToWorld } from '../state/camera'
import type { ToolContext, ToolRuntime } from './toolContext'

/**
 * Pictures onto a board: pasted, dropped, or chosen from the tool rail. Every file is checked
 * (raster types, 5 MB) and decoded before anything is written, so one refused file adds
 * nothing at all; then the bytes go into the board document's `files` map (noteFiles.ts) and
 * the images are made in one command (one undo step), sized to their pictures, in a row
 * around the pointer or the middle of the view, selected.
 */

/** A file to add, as the DOM hands it over (a `File` fits). */
export type ImageSource = {
  readonly name: string
  readonly type: string
  readonly size: number
  arrayBuffer(): Promise<ArrayBuffer>
}

/** Why nothing was added. */
export type ImageRefusal = 'too-large' | 'unsupported-type' | 'empty' | 'unreadable'

export type ImageInsertResult =
  | { ok: true; ids: ItemId[] }
  | { ok: false; reason: ImageRefusal; size: number }
  /** View-only, presenting, or no files: nothing to do and nothing to say. */
  | { ok: false; reason: 'nothing' }

/**
 * Decoding, from the canvas's picture cache: `decode` reads a picture's size (and fails for
 * bytes that are no picture); the decoded picture is handed to `keep` once its file is
 * stored, or to `drop` when nothing is added.
 */
export type PictureDecoder<P extends { width: number; height: number }> = {
  decode(file: { bytes: Uint8Array; type: string }): Promise<P>
  keep(fileId: string, picture: P): void
  drop(picture: P): void
}

export async function insertImages<P extends { width: number; height: number }>(
  ctx: ToolContext,
  files: readonly ImageSource[],
  input: {
    /** Where the row of images is centred, in screen pixels of the canvas; default the middle. */
    at?: Point
    pictures: PictureDecoder<P>
  },
): Promise<ImageInsertResult> {
  const { runtime } = ctx
  if (files.length === 0 || !runtime.canEdit()) return { ok: false, reason: 'nothing' }
  let size = 0
  try {
    for (const file of files) {
      size = file.size
      checkNoteFile(file)
    }
  } catch (error) {
    if (error instanceof NoteFileError) return { ok: false, reason: error.reason, size }
    throw error
  }

  const decoded: { file: ImageSource; bytes: Uint8Array; picture: P }[] = []
  const dropAll = (): void => {
    for (const { picture } of decoded) input.pictures.drop(picture)
  }
  for (const file of files) {
    try {
      const bytes = new Uint8Array(await file.arrayBuffer())
      const picture = await input.pictures.decode({ bytes, type: file.type })
      decoded.push({ file, bytes, picture })
    } catch {
      dropAll()
      return { ok: false, reason: 'unreadable', size: file.size }
    }
  }
  // Present mode or a lost write permission may have begun while the pictures decoded.
  if (!runtime.canEdit()) {
    dropAll()
    return { ok: false, reason: 'nothing' }
  }

  const { actor, doc, scene, size: viewport } = runtime
  const stored: string[] = []
  for (const { file, bytes } of decoded) {
    stored.push(
      await addNoteFile(doc, {
        bytes,
        type: file.type,
        name: file.name,
        addedBy: actor.id,
        now: ctx.now(),
      }),
    )
  }
  const screen = input.at ?? {
    x: viewport.getSnapshot().width / 2,
    y: viewport.getSnapshot().height / 2,
  }
  const rects = imageRow(
    decoded.map(({ picture }) => imageItemSize(picture)),
    screenToWorld(ctx.camera(), screen),
  )
  const items: NewItem[] = rects.map((rect, i) => {
    const centre = itemCenter(rect)
    const alt = altFromFileName(decoded[i]?.file.name ?? '')
    return {
      kind: 'image',
      ...rect,
      fileId: stored[i],
      alt: alt === '' ? undefined : alt,
      frameId: frameAt(scene.query({ ...centre, w: 0, h: 0 }), centre)?.id,
    }
  })
  const ids = ctx.command(() => createItems(doc, items, { actor, now: ctx.now() }))
  decoded.forEach(({ picture }, i) => input.pictures.keep(stored[i] as string, picture))
  runtime.interaction.update({ selection: new Set(ids), editing: undefined, tool: 'select' })
  return { ok: true, ids }
}

/** A refusal on screen: what went wrong, with the size of the file for "too large". */
export type ImageNotice = { id: number; reason: ImageRefusal; size: number }

export type ImageNotices = ValueStore<ImageNotice | undefined> & {
  /** Shows what an insert said, if it refused something (and hides an older refusal). */
  report(result: ImageInsertResult): void
  dismiss(): void
}

/** How long a refusal stays on screen. */
export const IMAGE_NOTICE_MS = 8000

const notices = new WeakMap<object, ImageNotices>()

/**
 * The refusals of image inserts on one open board, shown by the tool bar; paste and drop on
 * the canvas report here too.
 */
export function imageNotices(runtime: Pick<ToolRuntime, 'interaction'>): ImageNotices {
  let found = notices.get(runtime.interaction)
  if (found === undefined) {
    const store = createValueStore<ImageNotice | undefined>(undefined)
    let timer: ReturnType<typeof setTimeout> | undefined
    let next = 1
    const dismiss = (): void => {
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      store.set(undefined)
    }
    found = {
      ...store,
      report(result) {
        if (result.ok || result.reason === 'nothing') {
          if (result.ok) dismiss()
          return
        }
        dismiss()
        store.set({ id: next++, reason: result.reason, size: result.size })
        timer = setTimeout(dismiss, IMAGE_NOTICE_MS)
      },
      dismiss,
    }
    notices.set(runtime.interaction, found)
  }
  return found
}
