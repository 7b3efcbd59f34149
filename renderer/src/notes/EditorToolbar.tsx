import { useEditorState, type Editor } from '@tiptap/react'
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
} from 'lucide-react'
import type { ReactNode } from 'react'
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

function ToolbarButton({
  label,
  shortcut,
  active,
  disabled,
  onClick,
  children,
}: {
  label: string
  shortcut?: string
  /** A toggle (aria-pressed) when given; a plain action otherwise. */
  active?: boolean
  disabled?: boolean
  onClick: () => void
  children: ReactNode
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
      onClick={onClick}
    >
      {children}
    </IconButton>
  )
}

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
  const run =
    (command: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => () =>
      command(editor.chain().focus()).run()

  return (
    <>
      <div className="toolbar" role="toolbar" aria-label={t('editor.toolbarLabel')}>
        <Group label={t('editor.historyGroup')}>
          <ToolbarButton
            label={t('editor.undo')}
            shortcut="mod+Z"
            disabled={!state.canUndo}
            onClick={run((chain) => chain.undo())}
          >
            <Undo2 size={16} aria-hidden />
          </ToolbarButton>
          <ToolbarButton
            label={t('editor.redo')}
            shortcut="mod+shift+Z"
            disabled={!state.canRedo}
            onClick={run((chain) => chain.redo())}
          >
            <Redo2 size={16} aria-hidden />
          </ToolbarButton>
        </Group>
        <span className="toolbar-separator" aria-hidden />
        <Group label={t('editor.blocksGroup')}>
          <ToolbarButton
            label={t('editor.heading1')}
            shortcut="mod+alt+1"
            active={state.h1}
            onClick={run((chain) => chain.toggleHeading({ level: 1 }))}
          >
            <Heading1 size={16} aria-hidden />
          </ToolbarButton>
          <ToolbarButton
            label={t('editor.heading2')}
            shortcut="mod+alt+2"
            active={state.h2}
            onClick={run((chain) => chain.toggleHeading({ level: 2 }))}
          >
            <Heading2 size={16} aria-hidden />
          </ToolbarButton>
          <ToolbarButton
            label={t('editor.heading3')}
            shortcut="mod+alt+3"
            active={state.h3}
            onClick={run((chain) => chain.toggleHeading({ level: 3 }))}
          >
            <Heading3 size={16} aria-hidden />
          </ToolbarButton>
          <ToolbarButton
            label={t('editor.bulletList')}
            shortcut="mod+shift+8"
            active={state.bulletList}
            onClick={run((chain) => chain.toggleBulletList())}
          >
            <List size={16} aria-hidden />
          </ToolbarButton>
          <ToolbarButton
            label={t('editor.orderedList')}
            shortcut="mod+shift+7"
            active={state.orderedList}
            onClick={run((chain) => chain.toggleOrderedList())}
          >
            <ListOrdered size={16} aria-hidden />
          </ToolbarButton>
          <ToolbarButton
            label={t('editor.taskList')}
            shortcut="mod+shift+9"
            active={state.taskList}
            onClick={run((chain) => chain.toggleTaskList())}
          >
            <CheckSquare size={16} aria-hidden />
          </ToolbarButton>
          <ToolbarButton
            label={t('editor.quote')}
            shortcut="mod+shift+B"
            active={state.quote}
            onClick={run((chain) => chain.toggleBlockquote())}
          >
            <Quote size={16} aria-hidden />
          </ToolbarButton>
          <ToolbarButton
            label={t('editor.codeBlock')}
            shortcut="mod+alt+C"
            active={state.codeBlock}
            onClick={run((chain) => chain.toggleCodeBlock())}
          >
            <Code2 size={16} aria-hidden />
          </ToolbarButton>
        </Group>
        <span className="toolbar-separator" aria-hidden />
        <Group label={t('editor.marksGroup')}>
          <ToolbarButton
            label={t('editor.bold')}
            shortcut="mod+B"
            active={state.bold}
            onClick={run((chain) => chain.toggleBold())}
          >
            <Bold size={16} aria-hidden />
          </ToolbarButton>
          <ToolbarButton
            label={t('editor.italic')}
            shortcut="mod+I"
            active={state.italic}
            onClick={run((chain) => chain.toggleItalic())}
          >
            <Italic size={16} aria-hidden />
          </ToolbarButton>
          <ToolbarButton
            label={t('editor.strike')}
            shortcut="mod+shift+S"
            active={state.strike}
            onClick={run((chain) => chain.toggleStrike())}
          >
            <Strikethrough size={16} aria-hidden />
          </ToolbarButton>
          <ToolbarButton
            label={t('editor.code')}
            shortcut="mod+E"
            active={state.code}
            onClick={run((chain) => chain.toggleCode())}
          >
            <Code size={16} aria-hidden />
          </ToolbarButton>
          <LinkPopover editor={editor} active={state.link} />
        </Group>
        <span className="toolbar-separator" aria-hidden />
        <Group label={t('editor.insertGroup')}>
          <ToolbarButton
            label={t('editor.table')}
            disabled={state.table}
            onClick={run((chain) => chain.insertTable({ rows: 3, cols: 3, withHeaderRow: true }))}
          >
            <Table2 size={16} aria-hidden />
          </ToolbarButton>
          {canUploadImages(editor) && (
            <ToolbarButton label={t('editor.image')} onClick={() => pickImageFiles(editor)}>
              <ImageIcon size={16} aria-hidden />
            </ToolbarButton>
          )}
          {state.table && <TableTools editor={editor} />}
        </Group>
      </div>
      <EditorAlert editor={editor} />
    </>
  )
}
