import { Extension, type Editor, type Range } from '@tiptap/core'
import { PluginKey } from '@tiptap/pm/state'
import { Suggestion } from '@tiptap/suggestion'
import i18next from 'i18next'
import {
  CheckSquare,
  Code2,
  Heading1,
  Heading2,
  Heading3,
  ImageIcon,
  List,
  ListOrdered,
  Minus,
  Pilcrow,
  Quote,
  Table2,
  type LucideIcon,
} from 'lucide-react'
import { en, nb } from '../../i18n/sections/blocks'
import { filterByQuery } from './matching'
import { menuRenderer } from './suggestionRenderer'

/**
 * The slash menu: "/" at the start of a block or after a space lists the blocks, filtered as
 * you type (in either language), and turns the current block into the one picked.
 */
export type BlockKey =
  | 'text'
  | 'heading1'
  | 'heading2'
  | 'heading3'
  | 'bulletList'
  | 'orderedList'
  | 'taskList'
  | 'quote'
  | 'codeBlock'
  | 'table'
  | 'divider'
  | 'image'

export type SlashItem = {
  key: BlockKey
  icon: LucideIcon
  /** Extra search words besides the labels in both languages. */
  keywords: string[]
  run: (editor: Editor, range: Range) => void
}

export type SlashMenuOptions = {
  /** "Image": opens a file picker. Without it, the entry is not offered. */
  pickImage: ((editor: Editor) => void) | undefined
}

const chainAt = (editor: Editor, range: Range) => editor.chain().focus().deleteRange(range)

export const SLASH_ITEMS: readonly SlashItem[] = [
  {
    key: 'text',
    icon: Pilcrow,
    keywords: ['paragraph', 'p', 'avsnitt'],
    run: (editor, range) => chainAt(editor, range).setParagraph().run(),
  },
  {
    key: 'heading1',
    icon: Heading1,
    keywords: ['h1', '#', 'title', 'tittel'],
    run: (editor, range) => chainAt(editor, range).setHeading({ level: 1 }).run(),
  },
  {
    key: 'heading2',
    icon: Heading2,
    keywords: ['h2', '##'],
    run: (editor, range) => chainAt(editor, range).setHeading({ level: 2 }).run(),
  },
  {
    key: 'heading3',
    icon: Heading3,
    keywords: ['h3', '###'],
    run: (editor, range) => chainAt(editor, range).setHeading({ level: 3 }).run(),
  },
  {
    key: 'bulletList',
    icon: List,
    keywords: ['ul', 'bullet', 'kulepunkt'],
    run: (editor, range) => chainAt(editor, range).toggleBulletList().run(),
  },
  {
    key: 'orderedList',
    icon: ListOrdered,
    keywords: ['ol', '1.', 'numbered'],
    run: (editor, range) => chainAt(editor, range).toggleOrderedList().run(),
  },
  {
    key: 'taskList',
    icon: CheckSquare,
    keywords: ['todo', 'task', 'checkbox', 'oppgave', 'gjøremål'],
    run: (editor, range) => chainAt(editor, range).toggleTaskList().run(),
  },
  {
    key: 'quote',
    icon: Quote,
    keywords: ['blockquote', '>'],
    run: (editor, range) => chainAt(editor, range).setBlockquote().run(),
  },
  {
    key: 'codeBlock',
    icon: Code2,
    keywords: ['code', '```', 'pre'],
    run: (editor, range) => chainAt(editor, range).setCodeBlock().run(),
  },
  {
    key: 'table',
    icon: Table2,
    keywords: ['grid', 'rutenett'],
    run: (editor, range) =>
      chainAt(editor, range).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
  },
  {
    key: 'divider',
    icon: Minus,
    keywords: ['hr', '---', 'rule', 'line', 'linje'],
    run: (editor, range) => chainAt(editor, range).setHorizontalRule().run(),
  },
  {
    key: 'image',
    icon: ImageIcon,
    keywords: ['picture', 'photo', 'png', 'jpeg', 'foto'],
    run: () => {}, // replaced by the configured picker below
  },
]

function terms(item: SlashItem): string[] {
  return [nb[item.key], en[item.key], ...item.keywords]
}

/** The entries for `query`, best first. */
export function slashItems(query: string, withImage: boolean): SlashItem[] {
  const offered = withImage ? SLASH_ITEMS : SLASH_ITEMS.filter((item) => item.key !== 'image')
  return filterByQuery(offered, query, terms)
}

export const SlashMenu = Extension.create<SlashMenuOptions>({
  name: 'slashMenu',

  addOptions() {
    return { pickImage: undefined }
  },

  addProseMirrorPlugins() {
    const { pickImage } = this.options
    return [
      Suggestion<SlashItem, SlashItem>({
        editor: this.editor,
        pluginKey: new PluginKey('slashMenu'),
        char: '/',
        allowedPrefixes: [' '],
        // Not in code, where "/" is just a character.
        allow: ({ state, range }) => {
          const $from = state.doc.resolve(range.from)
          return !$from.parent.type.spec.code
        },
        items: ({ query }) => slashItems(query, pickImage !== undefined),
        command: ({ editor, range, props: item }) => {
          if (item.key === 'image' && pickImage !== undefined) {
            editor.chain().focus().deleteRange(range).run()
            pickImage(editor)
            return
          }
          item.run(editor, range)
        },
        render: menuRenderer<SlashItem>({
          label: () => i18next.t('blocks.slashMenuLabel'),
          empty: () => i18next.t('blocks.slashNoMatch'),
          entry: (item) => ({
            key: item.key,
            label: i18next.t(`blocks.${item.key}`),
            hint: i18next.t(`blocks.${item.key}Hint`),
            icon: item.icon,
          }),
        }),
      }),
    ]
  },
})
