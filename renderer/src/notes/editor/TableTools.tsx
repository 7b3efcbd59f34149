import * as DropdownMenu from '@radix-ui/react-dropdown-menu'
import type { Editor } from '@tiptap/core'
import {
  BetweenHorizontalEnd,
  BetweenHorizontalStart,
  BetweenVerticalEnd,
  BetweenVerticalStart,
  ChevronDown,
  Columns3,
  PanelTop,
  Rows3,
  Table2,
  Trash2,
} from 'lucide-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Tooltip } from '../../ui/Tooltip'

type Chain = ReturnType<Editor['chain']>

function Item({
  icon,
  danger,
  onSelect,
  children,
}: {
  icon: ReactNode
  danger?: boolean
  onSelect: () => void
  children: ReactNode
}) {
  return (
    <DropdownMenu.Item
      className={danger === true ? 'menu-item menu-item--danger' : 'menu-item'}
      onSelect={onSelect}
    >
      {icon}
      {children}
    </DropdownMenu.Item>
  )
}

/**
 * Row and column tools: one toolbar button, shown while the caret is in a table, opening a
 * menu. Picking an item returns focus to the table cell it was in.
 */
export function TableTools({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const run = (command: (chain: Chain) => Chain) => () => command(editor.chain().focus()).run()
  const icon = (Icon: typeof Rows3) => <Icon size={15} aria-hidden />
  return (
    <DropdownMenu.Root modal={false}>
      <Tooltip content={t('blocks.tableTools')}>
        <DropdownMenu.Trigger asChild>
          <button
            type="button"
            className="icon-button icon-button--sm table-tools-trigger is-active"
            aria-label={t('blocks.tableTools')}
            data-testid="table-tools"
          >
            <Table2 size={16} aria-hidden />
            <ChevronDown size={12} aria-hidden />
          </button>
        </DropdownMenu.Trigger>
      </Tooltip>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          className="menu"
          align="start"
          sideOffset={4}
          collisionPadding={8}
          onCloseAutoFocus={(event) => {
            event.preventDefault()
            editor.commands.focus()
          }}
        >
          <Item icon={icon(BetweenHorizontalStart)} onSelect={run((chain) => chain.addRowBefore())}>
            {t('blocks.addRowBefore')}
          </Item>
          <Item icon={icon(BetweenHorizontalEnd)} onSelect={run((chain) => chain.addRowAfter())}>
            {t('blocks.addRowAfter')}
          </Item>
          <Item
            icon={icon(BetweenVerticalStart)}
            onSelect={run((chain) => chain.addColumnBefore())}
          >
            {t('blocks.addColumnBefore')}
          </Item>
          <Item icon={icon(BetweenVerticalEnd)} onSelect={run((chain) => chain.addColumnAfter())}>
            {t('blocks.addColumnAfter')}
          </Item>
          <Item icon={icon(PanelTop)} onSelect={run((chain) => chain.toggleHeaderRow())}>
            {t('blocks.toggleHeaderRow')}
          </Item>
          <DropdownMenu.Separator className="menu-separator" />
          <Item icon={icon(Rows3)} danger onSelect={run((chain) => chain.deleteRow())}>
            {t('blocks.deleteRow')}
          </Item>
          <Item icon={icon(Columns3)} danger onSelect={run((chain) => chain.deleteColumn())}>
            {t('blocks.deleteColumn')}
          </Item>
          <Item icon={icon(Trash2)} danger onSelect={run((chain) => chain.deleteTable())}>
            {t('blocks.deleteTable')}
          </Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  )
}
