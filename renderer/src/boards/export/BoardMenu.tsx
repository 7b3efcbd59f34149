import * as DropdownMenu from '@radix-ui/react-dropdown-menu'
import {
  Award,
  FileCode2,
  FileImage,
  FileJson,
  FileText,
  FileUp,
  LoaderCircle,
  MoreHorizontal,
  X,
} from 'lucide-react'
import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ItemId, NoteId } from '../../../../shared/ids'
import { readBoardMeta } from '../../../../shared/model/board/boardDoc'
import { promoteSticky } from '../../../../shared/model/board/promote'
import { boardSummary } from '../../../../shared/model/board/summary'
import { getBoard } from '../../../../shared/model/boards'
import { afterNextPaint } from '../../lib/afterNextPaint'
import { formatRouteHash, navigate } from '../../lib/route'
import { templateLanguage } from '../../notes/list/createFromTemplate'
import type { WorkspaceConnection } from '../../sync/workspaceConnection'
import { IconButton } from '../../ui/IconButton'
import type { BoardRuntime } from '../boardRuntime'
import type { BoardFileType } from './boardFiles'
import { downloadBoard, exportFileName, type ExportWords } from './boardExports'
import { BoardNoteDialog, type NoteJob } from './BoardNoteDialog'
import { ImportCanvasDialog } from './ImportCanvasDialog'
import { PromoteToMapDialog, PromoteToMapItem } from './PromoteToMapDialog'
import { RasterError } from './rasterize'
import {
  NoteSaveError,
  promotedNoteBlocks,
  saveNoteWithBody,
  summaryNoteBlocks,
  type BoardLink,
  type SaveNoteInput,
} from './saveBoardNote'

type Notice = { kind: 'busy' | 'done' | 'error'; text: string }

/** How long "… was downloaded" stays under the menu. */
const DONE_NOTICE_MS = 4000

/** The one selected item when it is a sticky (the item "promote" acts on). */
function selectedSticky(runtime: BoardRuntime): ItemId | undefined {
  const { selection } = runtime.interaction.getSnapshot()
  if (selection.size !== 1) return undefined
  const [id] = selection
  return id !== undefined && runtime.scene.get(id)?.kind === 'sticky' ? id : undefined
}

/**
 * The board's "…" menu: export as PNG, SVG or JSON Canvas (what I may see of the board),
 * import JSON Canvas, save the summary as a note, promote the selected sticky to a competence
 * note. Exports are for everyone; what writes is left out for a view-only guest.
 */
export function BoardMenu({
  runtime,
  connection,
  authorName,
}: {
  runtime: BoardRuntime
  connection: WorkspaceConnection
  authorName: string
}) {
  const { t, i18n } = useTranslation()
  const viewOnly = useSyncExternalStore(runtime.viewOnly.subscribe, runtime.viewOnly.getSnapshot)
  const [notice, setNotice] = useState<Notice>()
  const [importing, setImporting] = useState(false)
  const [job, setJob] = useState<NoteJob>()

  useEffect(() => {
    if (notice?.kind !== 'done') return
    const timer = setTimeout(() => setNotice(undefined), DONE_NOTICE_MS)
    return () => clearTimeout(timer)
  }, [notice])

  const boardTitle = (): string =>
    getBoard(connection.doc, runtime.boardId)?.title || readBoardMeta(runtime.doc).title

  const words = (): ExportWords => ({
    title: boardTitle(),
    untitled: t('boardExport.untitled'),
    labels: { image: t('boardExport.imageLabel'), locked: t('boardExport.lockedLabel') },
  })

  const exportAs = async (type: BoardFileType): Promise<void> => {
    const current = words()
    const file = exportFileName(type, current)
    setNotice({ kind: 'busy', text: t('boardExport.exporting', { file }) })
    try {
      // A large board takes a moment to draw: "Making …" is shown first.
      await new Promise<void>((resolve) => afterNextPaint(resolve))
      await downloadBoard(runtime, type, current)
      setNotice({ kind: 'done', text: t('boardExport.exported', { file }) })
    } catch (error) {
      const message =
        error instanceof RasterError
          ? t(`boardExport.raster.${error.reason}`)
          : error instanceof Error
            ? error.message
            : String(error)
      setNotice({ kind: 'error', text: t('boardExport.exportFailed', { message }) })
    }
  }

  const link = (): BoardLink => ({
    href: formatRouteHash({
      workspace: connection.workspaceId,
      note: undefined,
      board: runtime.boardId,
    }),
    label: t('boardExport.boardLink', { title: boardTitle() || t('boardExport.untitled') }),
  })

  const save = (purpose: NoteJob['purpose'], input: SaveNoteInput): void => {
    const run = (): void => {
      setJob({ purpose, title: input.title, state: 'saving' })
      saveNoteWithBody(
        { rootDoc: connection.doc, openBody: (id) => connection.openNoteBody(id, { note: id }) },
        { ...input, now: Date.now() },
      ).then(
        (id) => setJob({ purpose, title: input.title, state: 'saved', id }),
        (error: unknown) => {
          const message =
            error instanceof NoteSaveError
              ? t(`boardExport.saveFailed.${error.reason}`)
              : t('boardExport.saveFailed.other', {
                  message: error instanceof Error ? error.message : String(error),
                })
          setJob({ purpose, title: input.title, state: 'failed', message, retry: run })
        },
      )
    }
    run()
  }

  const saveSummary = (): void => {
    const summary = boardSummary(runtime.doc, runtime.actor, templateLanguage(i18n.language))
    save('summary', {
      title: summary.title,
      type: 'meeting',
      blocks: summaryNoteBlocks(summary, link()),
      author: { name: authorName },
      now: Date.now(),
    })
  }

  const promote = (id: ItemId): void => {
    const promoted = promoteSticky(runtime.doc, runtime.boardId, id, {
      viewer: runtime.actor,
      lang: templateLanguage(i18n.language),
    })
    if (promoted === undefined) {
      setNotice({ kind: 'error', text: t('boardExport.promoteGone') })
      return
    }
    save('promote', {
      title: promoted.title,
      type: promoted.type,
      blocks: promotedNoteBlocks(promoted, link()),
      author: { name: authorName },
      now: Date.now(),
    })
  }

  const openNote = (id: NoteId): void => {
    setJob(undefined)
    navigate({ workspace: connection.workspaceId, note: id })
  }

  return (
    <div className="board-menu">
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger asChild>
          <IconButton label={t('boardExport.menu')} tooltip={false} data-testid="board-actions">
            <MoreHorizontal size={18} aria-hidden />
          </IconButton>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            className="menu board-menu-content"
            align="end"
            sideOffset={4}
            collisionPadding={8}
          >
            <BoardMenuItems
              runtime={runtime}
              canWrite={!viewOnly}
              exporting={notice?.kind === 'busy'}
              onExport={(type) => void exportAs(type)}
              onImport={() => setImporting(true)}
              onSummary={saveSummary}
              onPromote={promote}
            />
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {notice !== undefined && (
        <div
          className={`board-menu-notice board-menu-notice--${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid="board-actions-notice"
        >
          {notice.kind === 'busy' && <LoaderCircle size={14} aria-hidden className="spin" />}
          <span>{notice.text}</span>
          {notice.kind !== 'busy' && (
            <IconButton
              size="sm"
              label={t('boardExport.dismiss')}
              tooltip={false}
              onClick={() => setNotice(undefined)}
            >
              <X size={14} aria-hidden />
            </IconButton>
          )}
        </div>
      )}
      {importing && <ImportCanvasDialog runtime={runtime} onClose={() => setImporting(false)} />}
      <PromoteToMapDialog runtime={runtime} connection={connection} authorName={authorName} />
      {job !== undefined && (
        <BoardNoteDialog job={job} onClose={() => setJob(undefined)} onOpen={openNote} />
      )}
    </div>
  )
}

/** The menu's items; mounted only while the menu is open, so closed it follows nothing. */
function BoardMenuItems({
  runtime,
  canWrite,
  exporting,
  onExport,
  onImport,
  onSummary,
  onPromote,
}: {
  runtime: BoardRuntime
  canWrite: boolean
  /** One export at a time. */
  exporting: boolean
  onExport: (type: BoardFileType) => void
  onImport: () => void
  onSummary: () => void
  onPromote: (id: ItemId) => void
}) {
  const { t } = useTranslation()
  const sticky = useSyncExternalStore(runtime.interaction.subscribe, () => selectedSticky(runtime))
  return (
    <>
      <Item
        icon={<FileImage size={14} aria-hidden />}
        onSelect={() => onExport('png')}
        disabled={exporting}
        id="png"
      >
        {t('boardExport.exportPng')}
      </Item>
      <Item
        icon={<FileCode2 size={14} aria-hidden />}
        onSelect={() => onExport('svg')}
        disabled={exporting}
        id="svg"
      >
        {t('boardExport.exportSvg')}
      </Item>
      <Item
        icon={<FileJson size={14} aria-hidden />}
        onSelect={() => onExport('canvas')}
        disabled={exporting}
        hint={t('boardExport.exportCanvasHint')}
        id="canvas"
      >
        {t('boardExport.exportCanvas')}
      </Item>
      {canWrite && runtime.canEdit() && (
        <Item icon={<FileUp size={14} aria-hidden />} onSelect={onImport} id="import">
          {t('boardExport.importCanvas')}
        </Item>
      )}
      {canWrite && (
        <>
          <DropdownMenu.Separator className="menu-separator" />
          <Item icon={<FileText size={14} aria-hidden />} onSelect={onSummary} id="summary">
            {t('boardExport.saveSummary')}
          </Item>
          <Item
            icon={<Award size={14} aria-hidden />}
            onSelect={() => {
              if (sticky !== undefined) onPromote(sticky)
            }}
            disabled={sticky === undefined}
            hint={sticky === undefined ? t('boardExport.promoteHint') : undefined}
            id="promote"
          >
            {t('boardExport.promote')}
          </Item>
          <PromoteToMapItem runtime={runtime} />
        </>
      )}
    </>
  )
}

function Item({
  icon,
  onSelect,
  disabled,
  hint,
  id,
  children,
}: {
  icon: ReactNode
  onSelect: () => void
  disabled?: boolean
  hint?: string | undefined
  id: string
  children: ReactNode
}) {
  return (
    <DropdownMenu.Item
      className={hint === undefined ? 'menu-item' : 'menu-item board-menu-item--hint'}
      onSelect={onSelect}
      disabled={disabled}
      data-testid={`board-action-${id}`}
    >
      {icon}
      <span className="board-menu-item-text">
        {children}
        {hint !== undefined && <span className="board-menu-item-hint">{hint}</span>}
      </span>
    </DropdownMenu.Item>
  )
}
