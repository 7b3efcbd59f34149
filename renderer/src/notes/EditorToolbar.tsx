import { useEditorState, type Editor } from '@tiptap/react'
import { Bold, Heading1, Heading2, Heading3, Italic, List, ListOrdered } from 'lucide-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { IconButton } from '../ui/IconButton'
import { LinkPopover } from './LinkPopover'
import { shortcutLabel } from './shortcuts'

function ToolbarToggle({
  label,
  shortcut,
  active,
  onClick,
  children,
}: {
  label: string
  shortcut?: string
  active: boolean
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
      // Keep the editor's selection: a mouse press on the toolbar must not move focus.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </IconButton>
  )
}

/** Block and mark formatting for the note body. */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      h1: current.isActive('heading', { level: 1 }),
      h2: current.isActive('heading', { level: 2 }),
      h3: current.isActive('heading', { level: 3 }),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      link: current.isActive('link'),
    }),
  })
  const run =
    (command: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => () =>
      command(editor.chain().focus()).run()

  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbarLabel')}>
      <ToolbarToggle
        label={t('editor.heading1')}
        shortcut="mod+alt+1"
        active={state.h1}
        onClick={run((chain) => chain.toggleHeading({ level: 1 }))}
      >
        <Heading1 size={16} aria-hidden />
      </ToolbarToggle>
      <ToolbarToggle
        label={t('editor.heading2')}
        shortcut="mod+alt+2"
        active={state.h2}
        onClick={run((chain) => chain.toggleHeading({ level: 2 }))}
      >
        <Heading2 size={16} aria-hidden />
      </ToolbarToggle>
      <ToolbarToggle
        label={t('editor.heading3')}
        shortcut="mod+alt+3"
        active={state.h3}
        onClick={run((chain) => chain.toggleHeading({ level: 3 }))}
      >
        <Heading3 size={16} aria-hidden />
      </ToolbarToggle>
      <span className="toolbar-separator" aria-hidden />
      <ToolbarToggle
        label={t('editor.bulletList')}
        shortcut="mod+shift+8"
        active={state.bulletList}
        onClick={run((chain) => chain.toggleBulletList())}
      >
        <List size={16} aria-hidden />
      </ToolbarToggle>
      <ToolbarToggle
        label={t('editor.orderedList')}
        shortcut="mod+shift+7"
        active={state.orderedList}
        onClick={run((chain) => chain.toggleOrderedList())}
      >
        <ListOrdered size={16} aria-hidden />
      </ToolbarToggle>
      <span className="toolbar-separator" aria-hidden />
      <ToolbarToggle
        label={t('editor.bold')}
        shortcut="mod+B"
        active={state.bold}
        onClick={run((chain) => chain.toggleBold())}
      >
        <Bold size={16} aria-hidden />
      </ToolbarToggle>
      <ToolbarToggle
        label={t('editor.italic')}
        shortcut="mod+I"
        active={state.italic}
        onClick={run((chain) => chain.toggleItalic())}
      >
        <Italic size={16} aria-hidden />
      </ToolbarToggle>
      <LinkPopover editor={editor} active={state.link} />
    </div>
  )
}
