import {
  FilePlus,
  Languages,
  Moon,
  Network,
  Presentation,
  Search,
  Square,
  Sun,
  Timer,
  UserPlus,
  type LucideIcon,
} from 'lucide-react'
import type { TFunction } from 'i18next'
import type { Settings } from '../../../../shared/hostApi'
import type { NoteId } from '../../../../shared/ids'
import {
  readFacilitator,
  readTimer,
  startTimer,
  stopTimer,
} from '../../../../shared/model/board/session'
import { createNote } from '../../../../shared/model/notes'
import type { WorkspaceConnection } from '../../sync/workspaceConnection'
import { clearFilters, hasFilters, updateNoteListView } from '../../notes/list/listView'
import { currentRoute, openMap } from '../../lib/route'
import { openSearchPage } from '../searchRoute'
import { openBoardRuntime, requestInvite } from './paletteHooks'

/**
 * The palette's commands, only those that apply where the user is: nothing that writes for a
 * view-only guest, Invite for the owner of a shared workspace, the timer on a board for the
 * one who facilitates it. Each runs the same code as the button it stands for.
 */
export type CommandId =
  | 'newNote'
  | 'newBoard'
  | 'openMap'
  | 'openSearch'
  | 'invite'
  | 'startTimer'
  | 'stopTimer'
  | 'theme'
  | 'language'

export type PaletteCommand = {
  id: CommandId
  label: string
  keywords: string
  icon: LucideIcon
  /**
   * Whether focus goes back where it was when the palette closes (the command changed
   * something in place, or opens a dialog of its own); otherwise the command moves it.
   */
  restoresFocus: boolean
  run: () => void
}

export type CommandContext = {
  t: TFunction
  connection: WorkspaceConnection
  readOnly: boolean
  /** The owner, in a workspace that can be shared (not the private notebook). */
  canInvite: boolean
  authorName: string
  settings: Settings
  saveSettings: (settings: Settings) => void
  /** The language shown now. */
  language: 'nb' | 'en'
  onOpenNote: (id: NoteId, options?: { focusTitle?: boolean }) => void
  onNewBoard: () => void
}

/** Minutes for "Start the timer": a number typed in the query (1–240), else 5. */
export function timerMinutes(query: string): number {
  const typed = /(?:^|\s)(\d{1,3})(?:\s|$)/.exec(query)
  const minutes = typed === null ? 5 : Number(typed[1])
  return minutes >= 1 && minutes <= 240 ? minutes : 5
}

function timerCommands(context: CommandContext, query: string): PaletteCommand[] {
  const runtime = openBoardRuntime.getSnapshot()
  if (runtime === undefined || currentRoute.getSnapshot().board !== runtime.boardId) return []
  // Only the facilitator, on a board they may write to (the bar shows them the same controls).
  if (!runtime.canEdit() || readFacilitator(runtime.doc)?.id !== runtime.actor.id) return []
  const { t } = context
  const status = readTimer(runtime.doc, Date.now()).status
  if (status === 'running' || status === 'paused') {
    return [
      {
        id: 'stopTimer',
        label: t('palette.commands.stopTimer'),
        keywords: t('palette.keywords.stopTimer'),
        icon: Square,
        restoresFocus: true,
        run: () => stopTimer(runtime.doc, runtime.actor),
      },
    ]
  }
  const minutes = timerMinutes(query)
  return [
    {
      id: 'startTimer',
      label: t('palette.commands.startTimer', { count: minutes }),
      keywords: `${t('palette.keywords.startTimer')} ${minutes}`,
      icon: Timer,
      restoresFocus: true,
      run: () =>
        startTimer(runtime.doc, runtime.actor, { durationMs: minutes * 60_000, now: Date.now() }),
    },
  ]
}

/** The commands that apply now, in the order the palette lists them. */
export function paletteCommands(context: CommandContext, query: string): PaletteCommand[] {
  const { t, connection, settings } = context
  const commands: PaletteCommand[] = []
  if (!context.readOnly) {
    commands.push(
      {
        id: 'newNote',
        label: t('palette.commands.newNote'),
        keywords: t('palette.keywords.newNote'),
        icon: FilePlus,
        restoresFocus: false,
        run: () => {
          const id = createNote(connection.doc, {
            title: '',
            author: { name: context.authorName },
            now: Date.now(),
          })
          // A new note must be visible in the list: it is the newest, but may not pass filters.
          updateNoteListView(connection.workspaceId, (view) =>
            hasFilters(view) ? clearFilters(view) : view,
          )
          context.onOpenNote(id, { focusTitle: true })
        },
      },
      {
        id: 'newBoard',
        label: t('palette.commands.newBoard'),
        keywords: t('palette.keywords.newBoard'),
        icon: Presentation,
        restoresFocus: true,
        run: context.onNewBoard,
      },
    )
  }
  commands.push(...timerCommands(context, query))
  commands.push(
    {
      id: 'openMap',
      label: t('palette.commands.openMap'),
      keywords: t('palette.keywords.openMap'),
      icon: Network,
      restoresFocus: false,
      run: () => openMap({ view: 'matrix' }),
    },
    {
      id: 'openSearch',
      label: t('palette.commands.openSearch'),
      keywords: t('palette.keywords.openSearch'),
      icon: Search,
      restoresFocus: false,
      run: () => openSearchPage(''),
    },
  )
  if (context.canInvite) {
    commands.push({
      id: 'invite',
      label: t('palette.commands.invite'),
      keywords: t('palette.keywords.invite'),
      icon: UserPlus,
      restoresFocus: true,
      run: () => void requestInvite(),
    })
  }
  const dark = document.documentElement.dataset.theme === 'dark'
  commands.push(
    {
      id: 'theme',
      label: t(dark ? 'palette.commands.themeLight' : 'palette.commands.themeDark'),
      keywords: t('palette.keywords.theme'),
      icon: dark ? Sun : Moon,
      restoresFocus: true,
      run: () => context.saveSettings({ ...settings, theme: dark ? 'light' : 'dark' }),
    },
    {
      id: 'language',
      label: t(
        context.language === 'en' ? 'palette.commands.languageNb' : 'palette.commands.languageEn',
      ),
      keywords: t('palette.keywords.language'),
      icon: Languages,
      restoresFocus: true,
      run: () =>
        context.saveSettings({ ...settings, language: context.language === 'en' ? 'nb' : 'en' }),
    },
  )
  return commands
}
