import { Extension, type Editor } from '@tiptap/core'
import { Fragment, Slice, type Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import i18next from 'i18next'
import type * as Y from 'yjs'
import {
  addNoteFile,
  checkNoteFile,
  getNoteFile,
  MAX_NOTE_FILE_BYTES,
  NOTE_IMAGE_TYPES,
  NoteFileError,
} from '../../../../shared/model/noteFiles'
import { clearEditorAlert, showEditorAlert } from './editorAlerts'
import { recallNoteFile } from './fileCache'
import { IMAGE_NODE } from './imageNode'

/**
 * Pictures into a note: pasted, dropped, or chosen with a file picker (the slash menu's
 * "Image"). Bytes go into the body document (`addNoteFile`: content-addressed, 5 MB, raster
 * types only); the inserted `image` node only names the file. A refused file inserts nothing
 * and shows a translated message near the editor.
 */
export type ImageUploadOptions = {
  bodyDoc: Y.Doc | undefined
  /** Recorded as the file's `addedBy`. */
  addedBy: string
}

/** The message for a refused file of `size` bytes. */
export function refusalMessage(error: unknown, size: number): string {
  if (error instanceof NoteFileError) {
    if (error.reason === 'too-large') {
      return i18next.t('blocks.imageTooLarge', {
        size: (size / 1024 / 1024).toFixed(1),
        limit: String(MAX_NOTE_FILE_BYTES / 1024 / 1024),
      })
    }
    if (error.reason === 'unsupported-type') return i18next.t('blocks.imageUnsupported')
    return i18next.t('blocks.imageEmpty')
  }
  return i18next.t('blocks.imageFailed')
}

function altText(name: string): string {
  return name.replace(/\.[A-Za-z0-9]{1,5}$/, '').slice(0, 200)
}

/**
 * Stores `files` and inserts one image block per file at `at` (default: the selection).
 * Everything is checked before anything is read or inserted: one refused file stops all.
 */
export async function insertImageFiles(
  editor: Editor,
  files: readonly File[],
  options: ImageUploadOptions & { at?: number },
): Promise<boolean> {
  const { bodyDoc } = options
  if (bodyDoc === undefined || files.length === 0) return false
  let size = 0
  try {
    for (const file of files) {
      size = file.size
      checkNoteFile(file)
    }
    const nodes = []
    for (const file of files) {
      size = file.size
      const fileId = await addNoteFile(bodyDoc, {
        bytes: new Uint8Array(await file.arrayBuffer()),
        type: file.type,
        name: file.name,
        addedBy: options.addedBy,
        now: Date.now(),
      })
      nodes.push({ type: IMAGE_NODE, attrs: { fileId, alt: altText(file.name) } })
    }
    if (editor.isDestroyed) return false
    clearEditorAlert(editor)
    const chain = editor.chain().focus()
    if (options.at === undefined) chain.insertContent(nodes)
    else chain.insertContentAt(options.at, nodes)
    return chain.run()
  } catch (error) {
    if (!editor.isDestroyed) showEditorAlert(editor, refusalMessage(error, size))
    return false
  }
}

/** The editor's image upload settings, when it has the extension. */
function uploadOptions(editor: Editor): ImageUploadOptions | undefined {
  const extension = editor.extensionManager.extensions.find((item) => item.name === 'imageUpload')
  return extension?.options as ImageUploadOptions | undefined
}

export function canUploadImages(editor: Editor): boolean {
  return uploadOptions(editor)?.bodyDoc !== undefined
}

/** Opens the system file picker for images and inserts the chosen ones at the selection. */
export function pickImageFiles(editor: Editor): void {
  const options = uploadOptions(editor)
  if (options === undefined) return
  const input = document.createElement('input')
  input.type = 'file'
  input.accept = NOTE_IMAGE_TYPES.join(',')
  input.multiple = true
  input.hidden = true
  input.setAttribute('aria-label', i18next.t('blocks.imagePickerLabel'))
  input.dataset.testid = 'image-file-input'
  const done = (): void => input.remove()
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])]
    done()
    void insertImageFiles(editor, files, options)
  })
  input.addEventListener('cancel', done)
  document.body.append(input)
  input.click()
}

/**
 * Image nodes pasted from another note name files this body does not have: copy their bytes
 * over from the window's cache of shown pictures, or leave out the ones it cannot find (they
 * would never load).
 */
function bringPastedFiles(slice: Slice, bodyDoc: Y.Doc | undefined, addedBy: string): Slice {
  if (bodyDoc === undefined) return slice
  let changed = false
  const visit = (fragment: Fragment): Fragment => {
    const children: ProseMirrorNode[] = []
    fragment.forEach((node) => {
      if (node.type.name === IMAGE_NODE) {
        const fileId = String(node.attrs.fileId)
        if (getNoteFile(bodyDoc, fileId) === undefined) {
          const cached = recallNoteFile(fileId)
          if (cached === undefined) {
            changed = true
            return
          }
          void addNoteFile(bodyDoc, { ...cached, addedBy, now: Date.now() })
        }
        children.push(node)
        return
      }
      const content = visit(node.content)
      if (content !== node.content) changed = true
      children.push(content === node.content ? node : node.copy(content))
    })
    return changed ? Fragment.fromArray(children) : fragment
  }
  const content = visit(slice.content)
  return changed ? new Slice(content, slice.openStart, slice.openEnd) : slice
}

function filesOf(data: DataTransfer | null): File[] {
  return data === null ? [] : [...data.files]
}

export const ImageUpload = Extension.create<ImageUploadOptions>({
  name: 'imageUpload',

  addOptions() {
    return { bodyDoc: undefined, addedBy: '' }
  },

  addProseMirrorPlugins() {
    const editor = this.editor
    const options = this.options
    return [
      new Plugin({
        key: new PluginKey('imageUpload'),
        props: {
          transformPasted: (slice) => bringPastedFiles(slice, options.bodyDoc, options.addedBy),
          handlePaste: (_view, event) => {
            const files = filesOf(event.clipboardData)
            if (files.length === 0) return false
            // Copying from a word processor also puts a picture of the text on the
            // clipboard: when there is text, the text is what was meant.
            if ((event.clipboardData?.getData('text/plain') ?? '').trim() !== '') return false
            event.preventDefault()
            void insertImageFiles(editor, files, options)
            return true
          },
          handleDrop: (view, event, _slice, moved) => {
            const files = filesOf(event.dataTransfer)
            if (moved || files.length === 0) return false
            event.preventDefault()
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos
            void insertImageFiles(editor, files, { ...options, at })
            return true
          },
        },
      }),
    ]
  },
})
