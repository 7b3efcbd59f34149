import { Extension } from '@tiptap/core'
import { PluginKey } from '@tiptap/pm/state'
import { Suggestion } from '@tiptap/suggestion'
import i18next from 'i18next'
import { FilePlus2, FileText } from 'lucide-react'
import type * as Y from 'yjs'
import type { NoteId } from '../../../../shared/ids'
import { NOTE_LINK_NODE } from '../../../../shared/model/links'
import { noteListStore } from '../noteStores'
import { MAX_LINK_SUGGESTIONS, offerCreate, rankNoteLinks } from './matching'
import { menuRenderer } from './suggestionRenderer'

/**
 * `[[` in a note opens an autocomplete over the workspace's note titles; picking one inserts a
 * `noteLink` node. The last entry creates a note with the typed title and links to it.
 */
export type NoteLinkSuggestOptions = {
  rootDoc: Y.Doc | undefined
  /** The note being edited: never offered as a link to itself. */
  noteId: NoteId | undefined
  /** Creates a note titled `title` and returns its id. Without it, no "Create note" entry. */
  createNote: ((title: string) => NoteId) | undefined
}

export type LinkItem =
  { kind: 'note'; id: NoteId; title: string } | { kind: 'create'; title: string }

/** The typed text after `[[`, without a closing `]]` someone typed out of habit. */
export function linkQuery(query: string): string {
  return query.replace(/\]{1,2}$/, '').trim()
}

export const NoteLinkSuggest = Extension.create<NoteLinkSuggestOptions>({
  name: 'noteLinkSuggest',

  addOptions() {
    return { rootDoc: undefined, noteId: undefined, createNote: undefined }
  },

  addProseMirrorPlugins() {
    const { rootDoc, noteId, createNote } = this.options
    if (rootDoc === undefined) return []
    return [
      Suggestion<LinkItem, LinkItem>({
        editor: this.editor,
        pluginKey: new PluginKey('noteLinkSuggest'),
        char: '[[',
        allowSpaces: true,
        allowedPrefixes: null,
        allow: ({ state, range }) => !state.doc.resolve(range.from).parent.type.spec.code,
        items: ({ query }) => {
          const text = linkQuery(query)
          // The list store is shared with the note list, so this is usually a cached array.
          const notes = noteListStore(rootDoc).getSnapshot()
          const items: LinkItem[] = rankNoteLinks(notes, text, {
            exclude: noteId,
            limit: MAX_LINK_SUGGESTIONS,
          }).map((note) => ({ kind: 'note', id: note.id, title: note.title }))
          if (createNote !== undefined && offerCreate(notes, text)) {
            items.push({ kind: 'create', title: text })
          }
          return items
        },
        command: ({ editor, range, props: item }) => {
          const id = item.kind === 'note' ? item.id : createNote?.(item.title)
          if (id === undefined) return
          editor
            .chain()
            .focus()
            .deleteRange(range)
            .insertContent([
              { type: NOTE_LINK_NODE, attrs: { id } },
              { type: 'text', text: ' ' },
            ])
            .run()
        },
        render: menuRenderer<LinkItem>({
          label: () => i18next.t('blocks.linkMenuLabel'),
          empty: (query) =>
            linkQuery(query) === ''
              ? i18next.t('blocks.linkTypeToSearch')
              : i18next.t('blocks.linkNoMatch'),
          entry: (item) =>
            item.kind === 'note'
              ? {
                  key: item.id,
                  label: item.title.trim() === '' ? i18next.t('notes.untitled') : item.title,
                  icon: FileText,
                }
              : {
                  key: 'create',
                  label: i18next.t('blocks.createNote', { title: item.title }),
                  icon: FilePlus2,
                  variant: 'create',
                },
        }),
      }),
    ]
  },
})
