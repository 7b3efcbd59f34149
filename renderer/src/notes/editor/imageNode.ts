import { mergeAttributes, Node } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { NodeView } from '@tiptap/pm/view'
import i18next from 'i18next'
import type * as Y from 'yjs'
import { getNoteFile, noteFilesMap } from '../../../../shared/model/noteFiles'
import { rememberNoteFile } from './fileCache'

/**
 * The `image` block: a picture whose bytes live in the body document's `files` map (see
 * shared/model/noteFiles.ts). The node only names its file (`fileId`) and carries an `alt`
 * text; no URL is ever stored, so a note and its pictures sync, save and copy together.
 *
 * The node view turns the bytes into an object URL (revoked when the view goes away or the
 * file changes) and waits for a file that has not arrived from a peer yet.
 */
export const IMAGE_NODE = 'image'

export type ImageNodeOptions = {
  /** The body document holding the files. Without one, images show only their alt text. */
  bodyDoc: Y.Doc | undefined
}

export type ImageAttributes = { fileId: string; alt: string }

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    noteImage: {
      /** Inserts an image block showing the stored file `fileId`. */
      insertNoteImage: (attributes: ImageAttributes) => ReturnType
    }
  }
}

export const NoteImage = Node.create<ImageNodeOptions>({
  name: IMAGE_NODE,
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { bodyDoc: undefined }
  },

  addAttributes() {
    return {
      fileId: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-file-id') ?? '',
        renderHTML: (attributes: Partial<ImageAttributes>) => ({
          'data-file-id': attributes.fileId ?? '',
        }),
      },
      alt: {
        default: '',
        parseHTML: (element) => element.getAttribute('alt') ?? '',
        renderHTML: (attributes: Partial<ImageAttributes>) => ({ alt: attributes.alt ?? '' }),
      },
    }
  },

  // Only our own images parse back (copy and paste inside the app): an <img src> from the
  // web would need its bytes fetched, which a local-first app does not do behind your back.
  parseHTML() {
    return [{ tag: 'img[data-file-id]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['img', mergeAttributes(HTMLAttributes)]
  },

  renderText({ node }) {
    const alt = (node.attrs as ImageAttributes).alt
    return alt === '' ? '' : `[${alt}]`
  },

  addCommands() {
    return {
      insertNoteImage:
        (attributes) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: attributes }),
    }
  },

  addNodeView() {
    const bodyDoc = this.options.bodyDoc
    return ({ node }) => new ImageView(node, bodyDoc)
  },
})

class ImageView implements NodeView {
  readonly dom: HTMLElement
  private readonly img: HTMLImageElement
  private readonly status: HTMLElement
  private fileId: string
  private url: string | undefined
  private readonly unobserve: () => void

  constructor(
    node: ProseMirrorNode,
    private readonly bodyDoc: Y.Doc | undefined,
  ) {
    this.dom = document.createElement('figure')
    this.dom.className = 'note-image'
    this.dom.contentEditable = 'false'
    this.img = document.createElement('img')
    this.img.draggable = false
    this.status = document.createElement('span')
    this.status.className = 'note-image-status'
    this.dom.append(this.img, this.status)
    const { fileId, alt } = node.attrs as ImageAttributes
    this.fileId = fileId
    this.img.alt = alt
    this.dom.dataset.fileId = fileId
    this.show()

    if (bodyDoc === undefined) {
      this.unobserve = () => {}
    } else {
      // A file that arrives later (from a peer, or a sync after the node) shows up at once.
      const files = noteFilesMap(bodyDoc)
      const onFiles = (event: Y.YMapEvent<Y.Map<unknown>>): void => {
        if (event.keysChanged.has(this.fileId)) this.show()
      }
      files.observe(onFiles)
      this.unobserve = () => files.unobserve(onFiles)
    }
  }

  private show(): void {
    const file = this.bodyDoc === undefined ? undefined : getNoteFile(this.bodyDoc, this.fileId)
    this.revoke()
    if (file === undefined) {
      this.img.removeAttribute('src')
      this.img.hidden = true
      this.dom.classList.add('note-image--pending')
      this.status.hidden = false
      this.status.textContent =
        this.img.alt === ''
          ? i18next.t('blocks.imagePending')
          : i18next.t('blocks.imagePendingNamed', { alt: this.img.alt })
      return
    }
    rememberNoteFile(file)
    // The bytes live in the document; the Blob copies them so later edits cannot change it.
    this.url = URL.createObjectURL(new Blob([file.bytes.slice()], { type: file.type }))
    this.img.src = this.url
    this.img.hidden = false
    this.status.hidden = true
    this.dom.classList.remove('note-image--pending')
  }

  private revoke(): void {
    if (this.url !== undefined) URL.revokeObjectURL(this.url)
    this.url = undefined
  }

  update(node: ProseMirrorNode): boolean {
    if (node.type.name !== IMAGE_NODE) return false
    const { fileId, alt } = node.attrs as ImageAttributes
    this.img.alt = alt
    if (fileId !== this.fileId) {
      this.fileId = fileId
      this.dom.dataset.fileId = fileId
      this.show()
    }
    return true
  }

  ignoreMutation(): boolean {
    return true
  }

  destroy(): void {
    this.unobserve()
    this.revoke()
  }
}
