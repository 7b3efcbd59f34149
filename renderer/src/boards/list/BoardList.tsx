import { Ellipsis, Pencil, Plus, Trash2 } from 'lucide-react'
import { memo, useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardId } from '../../../../shared/ids'
import { deleteBoard, type BoardSummary } from '../../../../shared/model/boards'
import { useNow } from '../../lib/clock'
import { formatCount, formatDateTime, formatRelativeTime } from '../../lib/format'
import { currentRoute, navigate } from '../../lib/route'
import { boardScreen } from '../boardScreenLoader'
import type { WorkspaceConnection } from '../../sync/workspaceConnection'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { IconButton } from '../../ui/IconButton'
import { Menu, MenuItem, MenuSeparator } from '../../ui/Menu'
import { templateLanguage } from '../../notes/list/createFromTemplate'
import { useBoards } from '../useBoards'
import { BoardRenameDialog } from './BoardRenameDialog'
import { boardTemplateName, BoardTemplateIcon } from './BoardTemplateIcon'
import { renameBoardEverywhere } from './boardTitle'
import { NewBoardDialog } from './NewBoardDialog'
import { createBoardInList, type BoardStart } from './newBoard'

type Pending = { kind: 'new' } | { kind: 'rename' | 'delete'; board: BoardSummary } | undefined

/** Opens a board in the main area; the note stays selected underneath (see lib/route.ts). */
export function openBoard(id: BoardId | undefined): void {
  navigate({ ...currentRoute.getSnapshot(), board: id, map: undefined })
}

function useIsCurrentBoard(id: BoardId): boolean {
  return useSyncExternalStore(currentRoute.subscribe, () => currentRoute.getSnapshot().board === id)
}

/**
 * The workspace's boards, most recently changed first, in the sidebar's Boards space. A
 * workspace has tens of boards, not thousands: the list is not virtualized.
 */
export const BoardList = memo(function BoardList({
  connection,
  workspaceName,
  authorName,
  synced,
  readOnly,
}: {
  connection: WorkspaceConnection
  workspaceName: string
  authorName: string
  /** Before the first sync an empty list means "not here yet", not "no boards". */
  synced: boolean
  /** A view-only guest sees the boards but cannot create, rename or delete them. */
  readOnly: boolean
}) {
  const { t, i18n } = useTranslation()
  const doc = connection.doc
  const boards = useBoards(doc)
  const now = useNow()
  const [pending, setPending] = useState<Pending>()
  const close = useCallback((open: boolean) => open || setPending(undefined), [])
  // The board screen's code, while the person looks at the list.
  useEffect(() => {
    const timer = setTimeout(() => void boardScreen.preload(), 0)
    return () => clearTimeout(timer)
  }, [])

  const create = (start: BoardStart): void => {
    const id = createBoardInList(doc, { ...start, author: { name: authorName }, now: Date.now() })
    setPending(undefined)
    openBoard(id)
  }

  const language = templateLanguage(i18n.language)
  const pendingTitle = pending?.kind === 'new' ? '' : pending?.board.title || t('boards.untitled')

  return (
    <section className="sidebar-section sidebar-section--boards" aria-labelledby="boards-heading">
      <div className="sidebar-heading">
        <h2 id="boards-heading">
          {t('boards.heading')}
          <span className="sidebar-count">
            {boards.length > 0 ? formatCount(boards.length, i18n.language) : ''}
          </span>
        </h2>
      </div>
      {!readOnly && (
        <div className="new-note-row">
          <Button
            size="sm"
            className="new-note"
            icon={<Plus size={16} aria-hidden />}
            onClick={() => setPending({ kind: 'new' })}
            data-testid="new-board"
          >
            {t('boards.new')}
          </Button>
        </div>
      )}
      <ul className="board-list" data-testid="board-list" aria-label={t('boards.listLabel')}>
        {boards.length === 0 ? (
          <li className="note-list-empty" role={synced ? undefined : 'status'}>
            {synced ? (
              <>
                <p className="empty-state-title">{t('boards.empty')}</p>
                <p>{readOnly ? t('boards.emptyHintViewOnly') : t('boards.emptyHint')}</p>
              </>
            ) : (
              <p>{t('workspaces.connecting')}</p>
            )}
          </li>
        ) : (
          boards.map((board) => (
            <BoardRow
              key={board.id}
              board={board}
              templateName={boardTemplateName(board.template, language)}
              time={t('boards.changed', {
                time: formatRelativeTime(board.updatedAt, now, i18n.language, t('boards.justNow')),
              })}
              fullTime={formatDateTime(board.updatedAt, i18n.language)}
              onAction={readOnly ? undefined : setPending}
            />
          ))
        )}
      </ul>
      {pending?.kind === 'new' && <NewBoardDialog onOpenChange={close} onCreate={create} />}
      {pending?.kind === 'rename' && (
        <BoardRenameDialog
          initialTitle={pending.board.title}
          onOpenChange={close}
          onSubmit={(title) => {
            renameBoardEverywhere(doc, pending.board.id, { title, now: Date.now() })
            setPending(undefined)
          }}
        />
      )}
      <ConfirmDialog
        open={pending?.kind === 'delete'}
        onOpenChange={close}
        title={t('boards.deleteTitle', { title: pendingTitle })}
        body={t('boards.deleteBody', { title: pendingTitle, workspace: workspaceName })}
        confirmLabel={t('boards.deleteConfirm')}
        onConfirm={() => {
          if (pending?.kind !== 'delete') return
          deleteBoard(doc, pending.board.id)
          if (currentRoute.getSnapshot().board === pending.board.id) openBoard(undefined)
        }}
      />
    </section>
  )
})

function BoardRow({
  board,
  templateName,
  time,
  fullTime,
  onAction,
}: {
  board: BoardSummary
  templateName: string | undefined
  time: string
  fullTime: string
  /** Absent for a view-only guest: the row has no rename/delete menu. */
  onAction: ((pending: Pending) => void) | undefined
}) {
  const { t } = useTranslation()
  const active = useIsCurrentBoard(board.id)
  const title = board.title || t('boards.untitled')
  return (
    <li
      className={active ? 'board-item is-active' : 'board-item'}
      data-testid="board-item"
      data-board-id={board.id}
    >
      <button
        type="button"
        className="board-open"
        aria-current={active ? 'page' : undefined}
        onClick={() => openBoard(board.id)}
      >
        <span className="board-item-icon">
          <BoardTemplateIcon template={board.template} />
        </span>
        <span className="board-item-text">
          <span className={board.title ? 'board-item-title' : 'board-item-title is-untitled'}>
            {title}
          </span>
          <span className="board-item-meta">
            {templateName !== undefined && (
              <span className="board-item-template">{templateName}</span>
            )}
            <time dateTime={new Date(board.updatedAt).toISOString()} title={fullTime}>
              {time}
            </time>
          </span>
        </span>
      </button>
      {onAction !== undefined && (
        <Menu
          trigger={
            <IconButton
              size="sm"
              className="row-menu"
              label={t('boards.actionsFor', { title })}
              tooltip={false}
              data-testid="board-menu"
            >
              <Ellipsis size={16} aria-hidden />
            </IconButton>
          }
        >
          <MenuItem
            icon={<Pencil size={15} aria-hidden />}
            onSelect={() => onAction({ kind: 'rename', board })}
          >
            {t('boards.rename')}
          </MenuItem>
          <MenuSeparator />
          <MenuItem
            danger
            icon={<Trash2 size={15} aria-hidden />}
            onSelect={() => onAction({ kind: 'delete', board })}
          >
            {t('boards.delete')}
          </MenuItem>
        </Menu>
      )}
    </li>
  )
}
