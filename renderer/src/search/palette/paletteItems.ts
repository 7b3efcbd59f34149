import {
  Building2,
  FileText,
  GraduationCap,
  Presentation,
  Search,
  StickyNote,
  Tag,
  type LucideIcon,
} from 'lucide-react'
import type { TFunction } from 'i18next'
import type { BoardId, NoteId } from '../../../../shared/ids'
import type { SearchHit } from '../../../../shared/search/protocol'
import type { Segment } from '../../../../shared/search/terms'
import { openBoard } from '../../boards/list/BoardList'
import { noteTagCounts } from '../../../../shared/model/noteFilter'
import type { NoteSummary } from '../../../../shared/model/notes'
import { updateNoteListView, viewForFacet } from '../../notes/list/listView'
import { currentRoute, navigate } from '../../lib/route'
import type { WorkspaceId } from '../../../../shared/ids'
import { openSearchPage, openSearchTarget } from '../searchRoute'
import type { Range } from './foldOffsets'
import type { FuzzyHit, PaletteKind } from './fuzzyIndex'
import type { PaletteCommand } from './paletteCommands'
import type { PaletteData } from './paletteSources'
import { routeItem, type RecentItem } from './recentList'

/**
 * The palette's rows, grouped: with an empty query what was opened lately and the commands;
 * with a query the names that match (notes, boards, companies, competences, tags), the
 * commands it names, and the top hits of the full-text search with "Search everything for …".
 */
export const PALETTE_GROUPS = [
  'recent',
  'note',
  'board',
  'company',
  'competence',
  'tag',
  'commands',
  'fullText',
] as const
export type PaletteGroup = (typeof PALETTE_GROUPS)[number]

export type PaletteItem = {
  key: string
  group: PaletteGroup
  icon: LucideIcon
  /** The row's text, with the matched parts marked. */
  label: readonly Segment[]
  /** What kind of thing it is, for screen readers ("Note", "Command", …). */
  kind: string
  /** A second line: a full-text hit's passage. */
  snippet?: readonly Segment[]
  /** Small text after the label: where it lives, how many notes a tag has. */
  detail?: string
  /** See PaletteCommand.restoresFocus. */
  restoresFocus: boolean
  run: () => void
}

/** Ranges on `text` as segments (`hit` where a range covers). */
export function rangeSegments(text: string, ranges: readonly Range[]): Segment[] {
  const segments: Segment[] = []
  let at = 0
  for (const [start, end] of ranges) {
    if (start < at || end <= start) continue
    if (start > at) segments.push({ text: text.slice(at, start), hit: false })
    segments.push({ text: text.slice(start, end), hit: true })
    at = end
  }
  if (at < text.length) segments.push({ text: text.slice(at), hit: false })
  return segments
}

const plain = (text: string): Segment[] => [{ text, hit: false }]

const KIND_ICONS: Record<PaletteKind, LucideIcon> = {
  note: FileText,
  board: Presentation,
  company: Building2,
  competence: GraduationCap,
  tag: Tag,
}

export type ItemContext = {
  t: TFunction
  workspaceId: WorkspaceId
  data: PaletteData
  language: 'nb' | 'en'
  onOpenNote: (id: NoteId) => void
}

/** Where each kind opens: the same places the search page opens its hits. */
export function openEntry(context: ItemContext, kind: PaletteKind, id: string): void {
  switch (kind) {
    case 'note':
      context.onOpenNote(id as NoteId)
      return
    case 'board':
      openBoard(id as BoardId)
      return
    case 'company':
      openSearchTarget({ type: 'company', company: id })
      return
    case 'competence':
      openSearchTarget({ type: 'competence', competence: id })
      return
    case 'tag': {
      // The note list showing the tag's notes, over the note that is open.
      updateNoteListView(context.workspaceId, (view) =>
        viewForFacet(view, { kind: 'tag', tag: id }),
      )
      const { workspace, note } = currentRoute.getSnapshot()
      navigate({ workspace, note })
      return
    }
  }
}

function competenceLabel(context: ItemContext, id: string): string | undefined {
  const competence = context.data.competences.find((entry) => entry.id === id)
  return competence?.labels[context.language]
}

const tagCounts = new WeakMap<readonly NoteSummary[], ReadonlyMap<string, number>>()

/** Notes per tag, counted once per note list (not per keystroke: it reads every note). */
function tagCountsOf(notes: readonly NoteSummary[]): ReadonlyMap<string, number> {
  let counts = tagCounts.get(notes)
  if (counts === undefined) {
    counts = new Map(noteTagCounts(notes).map(({ tag, count }) => [tag, count]))
    tagCounts.set(notes, counts)
  }
  return counts
}

export function fuzzyItems(context: ItemContext, hits: readonly FuzzyHit[]): PaletteItem[] {
  const { t } = context
  const tagCounts = hits.some((hit) => hit.entry.kind === 'tag')
    ? tagCountsOf(context.data.notes)
    : undefined
  return hits.map(({ entry, nameIndex, ranges }): PaletteItem => {
    const name = entry.names[nameIndex] ?? ''
    const shown =
      entry.kind === 'competence'
        ? (competenceLabel(context, entry.id) ?? name)
        : (entry.names[0] ?? '')
    // The matched name is shown marked: as the label when it is the label, else beside it
    // (a competence found by its other label or a synonym).
    const label = shown === name ? rangeSegments(name, ranges) : plain(shown)
    const item: PaletteItem = {
      key: `${entry.kind}:${entry.id}`,
      group: entry.kind,
      icon: KIND_ICONS[entry.kind],
      label,
      kind: t(`palette.kinds.${entry.kind}`),
      restoresFocus: false,
      run: () => openEntry(context, entry.kind, entry.id),
    }
    if (shown !== name) item.snippet = rangeSegments(name, ranges)
    if (entry.kind === 'tag') {
      item.detail = t('palette.tagNotes', { count: tagCounts?.get(entry.id) ?? 0 })
    }
    return item
  })
}

/**
 * Recently opened things that still exist, with their names now — without the one on screen,
 * so Enter on an empty palette goes back to where one was before.
 */
export function recentItems(context: ItemContext, recent: readonly RecentItem[]): PaletteItem[] {
  const { t, data } = context
  const items: PaletteItem[] = []
  const here = routeItem(currentRoute.getSnapshot())
  for (const { kind, id } of recent) {
    if (here?.kind === kind && here.id === id) continue
    const name =
      kind === 'note'
        ? data.notes.find((note) => note.id === id)?.title
        : kind === 'board'
          ? data.boards.find((board) => board.id === id)?.title
          : data.companies.find((company) => company.id === id)?.name
    if (name === undefined) continue
    const fallback =
      kind === 'note' ? t('notes.untitled') : kind === 'board' ? t('boards.untitled') : ''
    items.push({
      key: `recent:${kind}:${id}`,
      group: 'recent',
      icon: KIND_ICONS[kind],
      label: plain(name.trim() === '' ? fallback : name),
      kind: t(`palette.kinds.${kind}`),
      restoresFocus: false,
      run: () => openEntry(context, kind, id),
    })
  }
  return items
}

export function commandItems(
  context: ItemContext,
  commands: readonly PaletteCommand[],
): PaletteItem[] {
  return commands.map((command) => ({
    key: `command:${command.id}`,
    group: 'commands',
    icon: command.icon,
    label: plain(command.label),
    kind: context.t('palette.kinds.command'),
    restoresFocus: command.restoresFocus,
    run: command.run,
  }))
}

const HIT_ICONS: Record<SearchHit['kind'], LucideIcon> = {
  note: FileText,
  sticky: StickyNote,
  company: Building2,
  competence: GraduationCap,
}

/** The key a full-text hit would have as a row above (`note:…`, `company:…`, …), if any. */
function listedKey(hit: SearchHit): string {
  const target = hit.target
  switch (target.type) {
    case 'note':
      return `note:${target.note}`
    case 'company':
      return target.competence === undefined ? `company:${target.company}` : ''
    case 'competence':
      return `competence:${target.competence}`
    case 'boardItem':
      return ''
  }
}

/**
 * The host's top full-text hits (without what is already listed by name above), then "Search
 * everything for «…»", which opens the search page with the query.
 */
export function fullTextItems(
  context: ItemContext,
  query: string,
  hits: readonly SearchHit[],
  listed: ReadonlySet<string>,
): PaletteItem[] {
  const { t } = context
  const items: PaletteItem[] = []
  for (const hit of hits) {
    if (listed.has(listedKey(hit))) continue
    const title = hit.title.some((segment) => segment.text.trim() !== '')
      ? hit.title
      : plain(t('search.untitled'))
    const titleText = title.map((segment) => segment.text).join('')
    // An offer or need's title already names its company.
    const detail =
      hit.context !== undefined && !titleText.includes(hit.context) ? hit.context : undefined
    items.push({
      key: `text:${hit.id}`,
      group: 'fullText',
      icon: HIT_ICONS[hit.kind],
      label: title,
      kind: t(`palette.kinds.${hit.kind}`),
      ...(hit.snippet.length > 0 ? { snippet: hit.snippet } : {}),
      ...(detail === undefined ? {} : { detail }),
      restoresFocus: false,
      run: () => openSearchTarget(hit.target),
    })
  }
  items.push({
    key: 'text:all',
    group: 'fullText',
    icon: Search,
    label: plain(t('palette.commands.searchEverything', { text: query.trim() })),
    kind: t('palette.kinds.command'),
    restoresFocus: false,
    run: () => openSearchPage(query.trim()),
  })
  return items
}
