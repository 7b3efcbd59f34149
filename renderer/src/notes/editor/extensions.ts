import type { AnyExtension } from '@tiptap/core'
import { TaskItem, TaskList } from '@tiptap/extension-list'
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table'
import { Placeholder } from '@tiptap/extensions'
import StarterKit from '@tiptap/starter-kit'
import i18next from 'i18next'
import type * as Y from 'yjs'
import type { NoteId } from '../../../../shared/ids'
import { isAllowedLink } from '../safeLink'
import { NoteImage } from './imageNode'
import { ImageUpload, pickImageFiles } from './imageUpload'
import { NoteLink } from './noteLinkNode'
import { NoteLinkSuggest } from './noteLinkSuggest'
import { SlashMenu } from './slashMenu'

/**
 * The schema and views of a note body: every node and mark a body may hold (names as agreed in
 * the notes model: paragraph, heading, lists, taskList/taskItem, blockquote, codeBlock,
 * horizontalRule, table…, image, noteLink, hardBreak; marks bold, italic, strike, code, link),
 * with their Markdown input rules and keyboard shortcuts.
 *
 * Everything here works in a read-only editor without a provider (history shows past versions
 * with it). The live editor adds Collaboration, carets and the editing helpers (slash menu,
 * `[[`, image paste) on top — see useNoteEditor.
 */
export type BodyExtensionOptions = {
  /** The body document whose `files` map holds the images' bytes. */
  bodyDoc?: Y.Doc
  /** The workspace's root document, for the current titles of linked notes. */
  rootDoc?: Y.Doc
  /** Opens a linked note (a click or Enter on a note link). */
  openNote?: (id: NoteId) => void
}

export function bodyExtensions(options: BodyExtensionOptions = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      // The collaboration extension brings a Yjs-aware undo that only undoes your own
      // changes; ProseMirror's would undo other people's edits too.
      undoRedo: false,
      heading: { levels: [1, 2, 3] },
      // Not one of the body's agreed marks (Markdown has no underline either).
      underline: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        // Web, email and in-app links (`#w=…&b=…`); never javascript:, data: or file:.
        isAllowedUri: (url) => isAllowedLink(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
      },
    }),
    TaskList,
    TaskItem.configure({
      nested: true,
      a11y: {
        checkboxLabel: (node, checked) =>
          i18next.t(checked ? 'blocks.taskDone' : 'blocks.taskOpen', {
            text: node.textContent.trim() || i18next.t('blocks.taskEmpty'),
          }),
      },
    }),
    Table.configure({ resizable: false, HTMLAttributes: { class: 'note-table' } }),
    TableRow,
    TableHeader,
    TableCell,
    NoteImage.configure({ bodyDoc: options.bodyDoc }),
    NoteLink.configure({ rootDoc: options.rootDoc, openNote: options.openNote }),
  ]
}

/**
 * The helpers for writing a note, added to {@link bodyExtensions} by the live editor: the
 * slash menu, the `[[` note-link autocomplete and image paste/drop/pick.
 */
export function editingExtensions(options: {
  bodyDoc: Y.Doc
  rootDoc: Y.Doc
  noteId: NoteId
  /** Recorded on added images. */
  userName: string
  /** Creates a note for "Create note «…»" in the `[[` menu and returns its id. */
  createNote: (title: string) => NoteId
}): AnyExtension[] {
  return [
    // Notion's hints: the empty note says what to do, an empty line how to add blocks and
    // links, an empty heading which heading it is.
    Placeholder.configure({
      placeholder: ({ editor, node }) => {
        if (editor.isEmpty) return i18next.t('notes.bodyPlaceholder')
        if (node.type.name === 'heading') {
          const level: unknown = node.attrs.level
          return i18next.t(
            level === 1 ? 'blocks.heading1' : level === 2 ? 'blocks.heading2' : 'blocks.heading3',
          )
        }
        return node.type.name === 'paragraph' ? i18next.t('blocks.placeholder') : ''
      },
    }),
    ImageUpload.configure({ bodyDoc: options.bodyDoc, addedBy: options.userName }),
    SlashMenu.configure({ pickImage: pickImageFiles }),
    NoteLinkSuggest.configure({
      rootDoc: options.rootDoc,
      noteId: options.noteId,
      createNote: options.createNote,
    }),
  ]
}
