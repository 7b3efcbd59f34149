import { mergeAttributes, Node } from '@tiptap/core'
import { NodeSelection } from '@tiptap/pm/state'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { NodeView } from '@tiptap/pm/view'
import i18next from 'i18next'
import type * as Y from 'yjs'
import type { NoteId } from '../../../../shared/ids'
import { NOTE_LINK_NODE } from '../../../../shared/model/links'
import { getNote } from '../../../../shared/model/notes'
import { isNoteId } from '../../../../shared/rooms'
import { noteStore } from '../noteStores'

/**
 * `noteLink`: an inline atom pointing at another note of the workspace by id (written by the
 * `[[` autocomplete). It shows the target's *current* title from the root document, so a
 * rename shows everywhere at once, and a struck-out "deleted note" when the target is gone.
 * It is a focusable link: a click, or Enter while it is focused or selected, opens the note.
 * The host mirrors these nodes into the root document's `links` sets for backlinks.
 */
export type NoteLinkOptions = {
  /** The workspace's root document (note titles). Without one, links show a neutral label. */
  rootDoc: Y.Doc | undefined
  /** Opens a note. Without it, links are shown but do nothing. */
  openNote: ((id: NoteId) => void) | undefined
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    noteLink: {
      /** Inserts a link to the note `id` at the selection. */
      insertNoteLink: (id: NoteId) => ReturnType
    }
  }
}

function targetOf(node: ProseMirrorNode): NoteId | undefined {
  const id: unknown = node.attrs.id
  return isNoteId(id) ? id : undefined
}

export function noteLinkTitle(rootDoc: Y.Doc | undefined, id: NoteId | undefined): string {
  if (rootDoc === undefined || id === undefined) return i18next.t('blocks.noteLink')
  const note = getNote(rootDoc, id)
  if (note === undefined) return i18next.t('blocks.deletedNote')
  return note.title.trim() === '' ? i18next.t('notes.untitled') : note.title
}

export const NoteLink = Node.create<NoteLinkOptions>({
  name: NOTE_LINK_NODE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return { rootDoc: undefined, openNote: undefined }
  },

  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-note-link'),
        renderHTML: (attributes: { id?: unknown }) => ({
          'data-note-link': typeof attributes.id === 'string' ? attributes.id : '',
        }),
      },
    }
  },

  parseHTML() {
    return [{ tag: 'span[data-note-link]' }]
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'span',
      mergeAttributes(HTMLAttributes, { class: 'note-link' }),
      noteLinkTitle(this.options.rootDoc, targetOf(node)),
    ]
  },

  renderText({ node }) {
    return `[[${noteLinkTitle(this.options.rootDoc, targetOf(node))}]]`
  },

  addCommands() {
    return {
      insertNoteLink:
        (id) =>
        ({ commands }) =>
          commands.insertContent([
            { type: this.name, attrs: { id } },
            { type: 'text', text: ' ' },
          ]),
    }
  },

  addKeyboardShortcuts() {
    return {
      // Enter on a selected link opens it (a selected atom would otherwise be replaced).
      Enter: ({ editor }) => {
        const { selection } = editor.state
        const open = this.options.openNote
        if (!(selection instanceof NodeSelection) || selection.node.type.name !== this.name) {
          return false
        }
        const id = targetOf(selection.node)
        if (open === undefined || id === undefined) return false
        open(id)
        return true
      },
    }
  },

  addNodeView() {
    const { rootDoc, openNote } = this.options
    return ({ node }) => new NoteLinkView(node, rootDoc, openNote)
  },
})

class NoteLinkView implements NodeView {
  readonly dom: HTMLElement
  private id: NoteId | undefined
  private unsubscribe: () => void = () => {}

  constructor(
    node: ProseMirrorNode,
    private readonly rootDoc: Y.Doc | undefined,
    private readonly openNote: ((id: NoteId) => void) | undefined,
  ) {
    this.dom = document.createElement('span')
    this.dom.className = 'note-link'
    this.dom.contentEditable = 'false'
    this.dom.setAttribute('role', 'link')
    this.dom.tabIndex = 0
    this.dom.addEventListener('click', (event) => {
      event.preventDefault()
      this.open()
    })
    this.dom.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return
      event.preventDefault()
      this.open()
    })
    this.bind(targetOf(node))
    i18next.on('languageChanged', this.onLanguage)
  }

  private readonly onLanguage = (): void => this.render()

  private open(): void {
    if (this.id !== undefined && this.openNote !== undefined) this.openNote(this.id)
  }

  private bind(id: NoteId | undefined): void {
    this.unsubscribe()
    this.id = id
    this.dom.dataset.noteLink = id ?? ''
    if (this.rootDoc !== undefined && id !== undefined) {
      // One shared store per note: many links to one note cost one observer.
      const store = noteStore(this.rootDoc, id)
      this.unsubscribe = store.subscribe(() => this.render())
    } else {
      this.unsubscribe = () => {}
    }
    this.render()
  }

  private render(): void {
    const missing =
      this.rootDoc !== undefined &&
      (this.id === undefined || getNote(this.rootDoc, this.id) === undefined)
    const title = noteLinkTitle(this.rootDoc, this.id)
    this.dom.textContent = title
    this.dom.classList.toggle('note-link--missing', missing)
    this.dom.setAttribute('aria-disabled', String(missing))
    this.dom.title = missing ? i18next.t('blocks.deletedNoteHint') : i18next.t('blocks.openNote')
  }

  update(node: ProseMirrorNode): boolean {
    if (node.type.name !== NOTE_LINK_NODE) return false
    const id = targetOf(node)
    if (id !== this.id) this.bind(id)
    return true
  }

  // Keys pressed while the link itself has focus are its own (Enter opens it).
  stopEvent(event: Event): boolean {
    return event.type === 'keydown' && event.target === this.dom
  }

  ignoreMutation(): boolean {
    return true
  }

  destroy(): void {
    this.unsubscribe()
    i18next.off('languageChanged', this.onLanguage)
  }
}
