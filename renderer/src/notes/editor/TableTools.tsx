import type { Editor } from '@tiptap/core'
import {
  BetweenHorizontalEnd,
  BetweenHorizontalStart,
  BetweenVerticalEnd,
  BetweenVerticalStart,
  Columns3,
  PanelTop,
  Rows3,
  Trash2,
} from 'lucide-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { IconButton } from '../../ui/IconButton'

function Tool({
  label,
  onClick,
  children,
}: {
  label: string
  onClick: () => void
  children: ReactNode
}) {
  return (
    <IconButton
      size="sm"
      label={label}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </IconButton>
  )
}

/** Row and column tools, shown in the toolbar while the caret is in a table. */
export function TableTools({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const run =
    (command: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => () =>
      command(editor.chain().focus()).run()
  return (
    <div
      className="toolbar-group toolbar-group--table"
      role="group"
      aria-label={t('blocks.tableTools')}
      data-testid="table-tools"
    >
      <Tool label={t('blocks.addRowBefore')} onClick={run((chain) => chain.addRowBefore())}>
        <BetweenHorizontalStart size={16} aria-hidden />
      </Tool>
      <Tool label={t('blocks.addRowAfter')} onClick={run((chain) => chain.addRowAfter())}>
        <BetweenHorizontalEnd size={16} aria-hidden />
      </Tool>
      <Tool label={t('blocks.deleteRow')} onClick={run((chain) => chain.deleteRow())}>
        <Rows3 size={16} aria-hidden />
      </Tool>
      <Tool label={t('blocks.addColumnBefore')} onClick={run((chain) => chain.addColumnBefore())}>
        <BetweenVerticalStart size={16} aria-hidden />
      </Tool>
      <Tool label={t('blocks.addColumnAfter')} onClick={run((chain) => chain.addColumnAfter())}>
        <BetweenVerticalEnd size={16} aria-hidden />
      </Tool>
      <Tool label={t('blocks.deleteColumn')} onClick={run((chain) => chain.deleteColumn())}>
        <Columns3 size={16} aria-hidden />
      </Tool>
      <Tool label={t('blocks.toggleHeaderRow')} onClick={run((chain) => chain.toggleHeaderRow())}>
        <PanelTop size={16} aria-hidden />
      </Tool>
      <Tool label={t('blocks.deleteTable')} onClick={run((chain) => chain.deleteTable())}>
        <Trash2 size={16} aria-hidden />
      </Tool>
    </div>
  )
}
