import { useEditorState, type ChainedCommands, type Editor } from '@tiptap/react'
import { yUndoPluginKey } from '@tiptap/y-tiptap'
import {
  Bold,
  CheckSquare,
  Code,
  Code2,
  Heading1,
  Heading2,
  Heading3,
  ImageIcon,
  Italic,
  List,
  ListOrdered,
  Quote,
  Redo2,
  Strikethrough,
  Table2,
  Undo2,
  type LucideIcon,
} from 'lucide-react'
import { memo, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { IconButton } from '../ui/IconButton'
import { EditorAlert } from './editor/EditorAlert'
import { canUploadImages, pickImageFiles } from './editor/imageUpload'
import { TableTools } from './editor/TableTools'
import { LinkPopover } from './LinkPopover'
import { shortcutLabel } from './shortcuts'

function undoState(editor: Editor): { hasUndoOps?: boolean; hasRedoOps?: boolean } | undefined {
  return yUndoPluginKey.getState(editor.state) as
    { hasUndoOps?: boolean; hasRedoOps?: boolean } | undefined
}

/** What a toolbar button does, given the editor it is showing: module-level, so stable. */
type Action = (editor: Editor) => void

const chainAction =
  (command: (chain: ChainedCommands) => ChainedCommands): Action =>
  (editor) => {
    command(editor.chain().focus()).run()
  }

const ACTIONS = {
  undo: chainAction((chain) => chain.undo()),
  redo: chainAction((chain) => chain.redo()),
  heading1: chainAction((chain) => chain.toggleHeading({ level: 1 })),
  heading2: chainAction((chain) => chain.toggleHeading({ level: 2 })),
  heading3: chainAction((chain) => chain.toggleHeading({ level: 3 })),
  bulletList: chainAction((chain) => chain.toggleBulletList()),
  orderedList: chainAction((chain) => chain.toggleOrderedList()),
  taskList: chainAction((chain) => chain.toggleTaskList()),
  quote: chainAction((chain) => chain.toggleBlockquote()),
  codeBlock: chainAction((chain) => chain.toggleCodeBlock()),
  bold: chainAction((chain) => chain.toggleBold()),
  italic: chainAction((chain) => chain.toggleItalic()),
  strike: chainAction((chain) => chain.toggleStrike()),
  code: chainAction((chain) => chain.toggleCode()),
  table: chainAction((chain) => chain.insertTable({ rows: 3, cols: 3, withHeaderRow: true })),
  image: (editor: Editor) => pickImageFiles(editor),
} satisfies Record<string, Action>

/**
 * One button. Memoized on plain props (the action and icon are module-level, the editor comes
 * through a ref that never changes): the toolbar re-renders on every transaction and when it
 * moves to another note, and each button is a Radix tooltip of a dozen components, so only the
 * buttons whose state changed may render again (measured: most of opening a visited note).
 */
const ToolbarButton = memo(function ToolbarButton({
  label,
  shortcut,
  active,
  disabled,
  action,
  editor,
  icon: Icon,
}: {
  label: string
  shortcut?: string
  /** A toggle (aria-pressed) when given; a plain action otherwise. */
  active?: boolean
  disabled?: boolean
  action: Action
  editor: RefObject<Editor>
  icon: LucideIcon
}) {
  return (
    <IconButton
      size="sm"
      label={label}
      hint={shortcut === undefined ? undefined : shortcutLabel(shortcut)}
      active={active}
      aria-pressed={active}
      disabled={disabled}
      // Keep the editor's selection: a mouse press on the toolbar must not move focus.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => action(editor.current)}
    >
      <Icon size={16} aria-hidden />
    </IconButton>
  )
})

function Group({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="toolbar-group" role="group" aria-label={label}>
      {children}
    </div>
  )
}

/**
 * Formatting for the note body: undo/redo (your own changes only), blocks, marks, inserts,
 * and row/column tools while the caret is in a table. Refusals (e.g. a too-large image)
 * show just below it.
 */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      // The Yjs undo plugin's own flags: `can().undo()` would build a command chain per
      // transaction for the same answer.
      canUndo: undoState(current)?.hasUndoOps === true,
      canRedo: undoState(current)?.hasRedoOps === true,
      h1: current.isActive('heading', { level: 1 }),
      h2: current.isActive('heading', { level: 2 }),
      h3: current.isActive('heading', { level: 3 }),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      taskList: current.isActive('taskList'),
      quote: current.isActive('blockquote'),
      codeBlock: current.isActive('codeBlock'),
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      strike: current.isActive('strike'),
      code: current.isActive('code'),
      link: current.isActive('link'),
      table: current.isActive('table'),
    }),
  })
  // The buttons read the editor when clicked; the toolbar moves between notes' editors.
  const current = useRef(editor)
  useLayoutEffect(() => {
    current.current = editor
  }, [editor])

  return (
    <>
      <div className="toolbar" role="toolbar" aria-label={t('editor.toolbarLabel')}>
        <Group label={t('editor.historyGroup')}>
          <ToolbarButton
            label={t('editor.undo')}
            shortcut="mod+Z"
            disabled={!state.canUndo}
            action={ACTIONS.undo}
            editor={current}
            icon={Undo2}
          />
          <ToolbarButton
            label={t('editor.redo')}
            shortcut="mod+shift+Z"
            disabled={!state.canRedo}
            action={ACTIONS.redo}
            editor={current}
            icon={Redo2}
          />
        </Group>
        <span className="toolbar-separator" aria-hidden />
        <Group label={t('editor.blocksGroup')}>
          <ToolbarButton
            label={t('editor.heading1')}
            shortcut="mod+alt+1"
            active={state.h1}
            action={ACTIONS.heading1}
            editor={current}
            icon={Heading1}
          />
          <ToolbarButton
            label={t('editor.heading2')}
            shortcut="mod+alt+2"
            active={state.h2}
            action={ACTIONS.heading2}
            editor={current}
            icon={Heading2}
          />
          <ToolbarButton
            label={t('editor.heading3')}
            shortcut="mod+alt+3"
            active={state.h3}
            action={ACTIONS.heading3}
            editor={current}
            icon={Heading3}
          />
          <ToolbarButton
            label={t('editor.bulletList')}
            shortcut="mod+shift+8"
            active={state.bulletList}
            action={ACTIONS.bulletList}
            editor={current}
            icon={List}
          />
          <ToolbarButton
            label={t('editor.orderedList')}
            shortcut="mod+shift+7"
            active={state.orderedList}
            action={ACTIONS.orderedList}
            editor={current}
            icon={ListOrdered}
          />
          <ToolbarButton
            label={t('editor.taskList')}
            shortcut="mod+shift+9"
            active={state.taskList}
            action={ACTIONS.taskList}
            editor={current}
            icon={CheckSquare}
          />
          <ToolbarButton
            label={t('editor.quote')}
            shortcut="mod+shift+B"
            active={state.quote}
            action={ACTIONS.quote}
            editor={current}
            icon={Quote}
          />
          <ToolbarButton
            label={t('editor.codeBlock')}
            shortcut="mod+alt+C"
            active={state.codeBlock}
            action={ACTIONS.codeBlock}
            editor={current}
            icon={Code2}
          />
        </Group>
        <span className="toolbar-separator" aria-hidden />
        <Group label={t('editor.marksGroup')}>
          <ToolbarButton
            label={t('editor.bold')}
            shortcut="mod+B"
            active={state.bold}
            action={ACTIONS.bold}
            editor={current}
            icon={Bold}
          />
          <ToolbarButton
            label={t('editor.italic')}
            shortcut="mod+I"
            active={state.italic}
            action={ACTIONS.italic}
            editor={current}
            icon={Italic}
          />
          <ToolbarButton
            label={t('editor.strike')}
            shortcut="mod+shift+S"
            active={state.strike}
            action={ACTIONS.strike}
            editor={current}
            icon={Strikethrough}
          />
          <ToolbarButton
            label={t('editor.code')}
            shortcut="mod+E"
            active={state.code}
            action={ACTIONS.code}
            editor={current}
            icon={Code}
          />
          <LinkPopover editor={editor} active={state.link} />
        </Group>
        <span className="toolbar-separator" aria-hidden />
        <Group label={t('editor.insertGroup')}>
          <ToolbarButton
            label={t('editor.table')}
            disabled={state.table}
            action={ACTIONS.table}
            editor={current}
            icon={Table2}
          />
          {canUploadImages(editor) && (
            <ToolbarButton
              label={t('editor.image')}
              action={ACTIONS.image}
              editor={current}
              icon={ImageIcon}
            />
          )}
          {state.table && <TableTools editor={editor} />}
        </Group>
      </div>
      <EditorAlert editor={editor} />
    </>
  )
}
