import type * as Y from 'yjs'
import { getNoteFile, noteFilesMap, type NoteFile } from '../../../../shared/model/noteFiles'

/** A decoded picture: an `ImageBitmap` in the browser, anything of this shape in tests. */
export type Picture = { readonly width: number; readonly height: number; close(): void }

/**
 * The board's decoded pictures, one per file id: decoded once (off the main thread with
 * `createImageBitmap`) the first time an image of that file is drawn, and closed again when
 * no image of it has been drawn for a while (panned away, deleted) or the canvas goes.
 *
 * The painter asks for a picture every frame it draws an image; until the picture is there it
 * draws a placeholder, and `subscribe` says when to paint again. A file whose bytes have not
 * arrived yet (another person's paste still on the way) is decoded as soon as they do.
 */
export type ImageCache<P extends Picture = Picture> = {
  /** The picture of `fileId`, or undefined while it is decoding or its bytes are missing. */
  get(fileId: string): P | undefined
  /** A picture decoded elsewhere (an image being added): kept, so it is not decoded again. */
  put(fileId: string, picture: P): void
  /** Closes pictures not asked for in `IDLE_MS`; cheap to call after every paint. */
  sweep(): void
  /** Pictures decoded and held now. */
  readonly size: number
  /** A picture became ready (or could not be decoded): paint again. */
  subscribe(listener: () => void): () => void
  destroy(): void
}

/** A picture not drawn for this long is closed (decoding it again takes a few ms). */
export const IDLE_MS = 30_000
/** Sweeps look at the entries at most this often. */
const SWEEP_EVERY_MS = 2_000

type Entry<P> =
  | { state: 'ready'; picture: P; usedAt: number }
  | { state: 'decoding'; usedAt: number }
  /** No bytes yet: decoded when they arrive. */
  | { state: 'missing'; usedAt: number }
  /** The bytes are not a picture this browser decodes: the placeholder stays. */
  | { state: 'broken'; usedAt: number }

export function createImageCache<P extends Picture>(
  doc: Y.Doc,
  options: { decode: (file: NoteFile) => Promise<P>; now?: () => number },
): ImageCache<P> {
  const now = options.now ?? (() => performance.now())
  const entries = new Map<string, Entry<P>>()
  const listeners = new Set<() => void>()
  let destroyed = false
  let sweptAt = now()

  const notify = (): void => {
    for (const listener of [...listeners]) listener()
  }

  const decode = (fileId: string, file: NoteFile): void => {
    const usedAt = entries.get(fileId)?.usedAt ?? now()
    entries.set(fileId, { state: 'decoding', usedAt })
    options.decode(file).then(
      (picture) => {
        const entry = entries.get(fileId)
        // Swept or replaced (put) while decoding: this picture is nobody's.
        if (destroyed || entry?.state !== 'decoding') {
          picture.close()
          return
        }
        entries.set(fileId, { state: 'ready', picture, usedAt: entry.usedAt })
        notify()
      },
      () => {
        const entry = entries.get(fileId)
        if (destroyed || entry?.state !== 'decoding') return
        entries.set(fileId, { state: 'broken', usedAt: entry.usedAt })
        notify()
      },
    )
  }

  // Bytes that arrive for a picture someone is waiting for.
  const files = noteFilesMap(doc)
  const onFiles = (event: Y.YMapEvent<Y.Map<unknown>>): void => {
    for (const fileId of event.keysChanged as Set<string>) {
      if (entries.get(fileId)?.state !== 'missing') continue
      const file = getNoteFile(doc, fileId)
      if (file !== undefined) decode(fileId, file)
    }
  }
  files.observe(onFiles)

  const close = (entry: Entry<P> | undefined): void => {
    if (entry?.state === 'ready') entry.picture.close()
  }

  return {
    get(fileId) {
      const entry = entries.get(fileId)
      if (entry !== undefined) {
        entry.usedAt = now()
        return entry.state === 'ready' ? entry.picture : undefined
      }
      if (destroyed) return undefined
      const file = getNoteFile(doc, fileId)
      if (file === undefined) entries.set(fileId, { state: 'missing', usedAt: now() })
      else decode(fileId, file)
      return undefined
    },
    put(fileId, picture) {
      if (destroyed) {
        picture.close()
        return
      }
      close(entries.get(fileId))
      entries.set(fileId, { state: 'ready', picture, usedAt: now() })
      notify()
    },
    sweep() {
      const at = now()
      if (at - sweptAt < SWEEP_EVERY_MS) return
      sweptAt = at
      for (const [fileId, entry] of entries) {
        if (at - entry.usedAt < IDLE_MS) continue
        close(entry)
        entries.delete(fileId)
      }
    },
    get size() {
      let count = 0
      for (const entry of entries.values()) if (entry.state === 'ready') count++
      return count
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      destroyed = true
      files.unobserve(onFiles)
      for (const entry of entries.values()) close(entry)
      entries.clear()
      listeners.clear()
    },
  }
}

/** Largest side a picture is kept at, in pixels: a 24-megapixel photo would hold ~100 MB. */
export const MAX_PICTURE_SIDE = 2048

/**
 * Decodes a file's bytes with the browser's image decoder (off the main thread), scaled down
 * to at most {@link MAX_PICTURE_SIDE} on its longest side.
 */
export async function decodePicture(
  file: { bytes: Uint8Array; type: string } | Blob,
): Promise<ImageBitmap> {
  const blob = file instanceof Blob ? file : new Blob([file.bytes.slice()], { type: file.type })
  const bitmap = await createImageBitmap(blob)
  const longest = Math.max(bitmap.width, bitmap.height)
  if (longest <= MAX_PICTURE_SIDE) return bitmap
  const scale = MAX_PICTURE_SIDE / longest
  try {
    return await createImageBitmap(bitmap, {
      resizeWidth: Math.max(1, Math.round(bitmap.width * scale)),
      resizeHeight: Math.max(1, Math.round(bitmap.height * scale)),
      resizeQuality: 'high',
    })
  } finally {
    bitmap.close()
  }
}

const caches = new WeakMap<Y.Doc, ImageCache<ImageBitmap>>()

/**
 * The pictures of one open board, shared by its canvas (which draws them and destroys the
 * cache when it goes) and the tools that add images (which hand over what they decoded).
 */
export function boardImages(doc: Y.Doc): ImageCache<ImageBitmap> {
  let cache = caches.get(doc)
  if (cache === undefined) {
    const made = createImageCache(doc, { decode: decodePicture })
    cache = {
      ...made,
      get size() {
        return made.size
      },
      destroy() {
        caches.delete(doc)
        made.destroy()
      },
    }
    caches.set(doc, cache)
  }
  return cache
}

/**
 * The decoder image inserts use (tools/insertImages.ts): a picture decoded to read its size is
 * handed to this board's cache, so the canvas draws it without decoding it again.
 */
export function boardPictureDecoder(doc: Y.Doc): {
  decode(file: { bytes: Uint8Array; type: string }): Promise<ImageBitmap>
  keep(fileId: string, picture: ImageBitmap): void
  drop(picture: ImageBitmap): void
} {
  return {
    decode: (file) => decodePicture(file),
    keep: (fileId, picture) => boardImages(doc).put(fileId, picture),
    drop: (picture) => picture.close(),
  }
}
