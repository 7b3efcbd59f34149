import * as RadixDialog from '@radix-ui/react-dialog'
import { LoaderCircle, Search } from 'lucide-react'
import { useId, useMemo, useState, useSyncExternalStore, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Settings } from '../../../../shared/hostApi'
import type { NoteId } from '../../../../shared/ids'
import type { WorkspaceConnection } from '../../sync/workspaceConnection'
import { useFullTextSearch } from '../useFullTextSearch'
import { matchCommands } from './commandMatch'
import { PaletteList } from './PaletteList'
import { paletteCommands } from './paletteCommands'
import {
  commandItems,
  fullTextItems,
  fuzzyItems,
  recentItems,
  type ItemContext,
  type PaletteItem,
} from './paletteItems'
import { usePaletteData, usePaletteIndex } from './paletteSources'
import { recentItemsStore } from './recentItems'

/** Hits of each kind shown for a query (notes get the most room). */
const PER_KIND = 4
const NOTES = 6
const FULL_TEXT = 5
const COMMANDS_WITH_QUERY = 4

/**
 * The palette itself: a field over grouped rows. The field keeps focus; ↑/↓, Home/End pick a
 * row (announced through `aria-activedescendant`), Enter runs it, Escape closes and focus goes
 * back where it was. Rows: with nothing typed, what was opened lately and the commands; with a
 * query, the names that match (fuse.js, fuzzyIndex.ts), the commands it names, and the top
 * hits of the host's full-text search, each with its passage.
 */
export function PaletteDialog({
  onOpenChange,
  onCloseAutoFocus,
  ...body
}: PaletteBodyProps & {
  onOpenChange: (open: boolean) => void
  /** Puts focus back where it was on close, unless the row just chosen moved it. */
  onCloseAutoFocus: (event: Event) => void
}) {
  return (
    <RadixDialog.Root open onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="palette-overlay" />
        <RadixDialog.Content
          className="palette"
          data-testid="palette"
          aria-describedby={undefined}
          onCloseAutoFocus={onCloseAutoFocus}
        >
          <PaletteBody {...body} />
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  )
}

type PaletteBodyProps = {
  connection: WorkspaceConnection
  readOnly: boolean
  canInvite: boolean
  authorName: string
  settings: Settings
  saveSettings: (settings: Settings) => void
  onOpenNote: (id: NoteId | undefined, options?: { focusTitle?: boolean }) => void
  onNewBoard: () => void
  onChoose: (item: PaletteItem) => void
}

/** What is inside the dialog; its state changes with each key, the dialog around it does not. */
function PaletteBody({
  connection,
  readOnly,
  canInvite,
  authorName,
  settings,
  saveSettings,
  onOpenNote,
  onNewBoard,
  onChoose,
}: PaletteBodyProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'nb'
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const listId = useId()
  const data = usePaletteData(connection.doc, true)
  const index = usePaletteIndex(connection.doc, data, true)
  const recentStore = recentItemsStore(connection.workspaceId)
  const recent = useSyncExternalStore(recentStore.subscribe, recentStore.getSnapshot)
  const typed = query.trim() !== ''
  const fullText = useFullTextSearch(query, {
    client: connection.search,
    limit: FULL_TEXT,
    lane: 'palette',
  })

  const context = useMemo<ItemContext>(
    () => ({ t, workspaceId: connection.workspaceId, data, language, onOpenNote }),
    [t, connection.workspaceId, data, language, onOpenNote],
  )
  const commands = useMemo(
    () =>
      paletteCommands(
        {
          t,
          connection,
          readOnly,
          canInvite,
          authorName,
          settings,
          saveSettings,
          language,
          onOpenNote,
          onNewBoard,
        },
        query,
      ),
    [
      t,
      connection,
      readOnly,
      canInvite,
      authorName,
      settings,
      saveSettings,
      language,
      onOpenNote,
      onNewBoard,
      query,
    ],
  )

  const { items, nothing } = useMemo(() => {
    if (!typed) {
      return {
        items: [...recentItems(context, recent), ...commandItems(context, commands)],
        nothing: false,
      }
    }
    // One search; notes get a little more room than the other kinds.
    const hits = (index?.search(query, { perKind: NOTES }) ?? []).filter(
      (hit, at, all) =>
        hit.entry.kind === 'note' ||
        all.slice(0, at).filter((other) => other.entry.kind === hit.entry.kind).length < PER_KIND,
    )
    const named = fuzzyItems(context, hits)
    const listed = new Set(named.map((item) => item.key))
    const matching = commandItems(
      context,
      matchCommands(commands, query).slice(0, COMMANDS_WITH_QUERY),
    )
    const texts =
      fullText.available === 'unavailable'
        ? []
        : fullTextItems(context, query, fullText.response?.hits ?? [], listed)
    const textHits = texts.length - 1
    return {
      // Commands the query names come first unless a name holds the words as typed: "dark"
      // is the theme, not a competence one typo away.
      items: hits.some((hit) => !hit.typo)
        ? [...named, ...matching, ...texts]
        : [...matching, ...named, ...texts],
      nothing: named.length === 0 && matching.length === 0 && textHits <= 0,
    }
  }, [typed, context, recent, commands, index, query, fullText.available, fullText.response])

  const shown = Math.min(active, Math.max(0, items.length - 1))
  const activeItem = items[shown]
  const optionId = (at: number): string => `${listId}-option-${at}`

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const last = items.length - 1
    const move = (to: number): void => {
      event.preventDefault()
      setActive(Math.max(0, Math.min(last, to)))
    }
    switch (event.key) {
      case 'ArrowDown':
        return move(shown >= last ? 0 : shown + 1)
      case 'ArrowUp':
        return move(shown <= 0 ? last : shown - 1)
      case 'Home':
        return move(0)
      case 'End':
        return move(last)
      case 'PageDown':
        return move(shown + 5)
      case 'PageUp':
        return move(shown - 5)
      case 'Enter':
        event.preventDefault()
        if (activeItem !== undefined && !event.nativeEvent.isComposing) onChoose(activeItem)
        return
    }
  }

  const fullTextNote = !typed
    ? undefined
    : fullText.available === 'unavailable'
      ? t('palette.fullTextUnavailable')
      : fullText.error !== undefined
        ? t('palette.fullTextFailed', { message: fullText.error })
        : undefined
  const status = !typed
    ? undefined
    : index === undefined
      ? t('palette.loading')
      : nothing && !fullText.pending
        ? t('palette.noMatches', { text: query.trim() })
        : undefined

  return (
    <>
      <RadixDialog.Title className="visually-hidden">{t('palette.title')}</RadixDialog.Title>
      <div className="palette-field">
        <Search size={18} aria-hidden className="palette-field-icon" />
        <input
          className="palette-input"
          type="text"
          role="combobox"
          aria-label={t('palette.inputLabel')}
          aria-expanded
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeItem === undefined ? undefined : optionId(shown)}
          placeholder={t('palette.placeholder')}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value)
            setActive(0)
          }}
          onKeyDown={onKeyDown}
          autoComplete="off"
          spellCheck={false}
          data-testid="palette-input"
        />
        {typed && (fullText.pending || index === undefined) && (
          <LoaderCircle size={16} aria-hidden className="spin palette-field-busy" />
        )}
      </div>
      <PaletteList
        id={listId}
        items={items}
        active={shown}
        optionId={optionId}
        onHover={setActive}
        onChoose={onChoose}
      />
      {fullTextNote !== undefined && <p className="palette-note">{fullTextNote}</p>}
      {/* Always there, so screen readers hear what the field's keys changed. */}
      <p className={status === undefined ? 'visually-hidden' : 'palette-status'} role="status">
        {status ?? (typed ? t('palette.count', { count: items.length }) : '')}
      </p>
      <footer className="palette-footer" aria-hidden>
        <span>
          <kbd>↑</kbd>
          <kbd>↓</kbd> {t('palette.footer.move')}
        </span>
        <span>
          <kbd>Enter</kbd> {t('palette.footer.open')}
        </span>
        <span>
          <kbd>Esc</kbd> {t('palette.footer.close')}
        </span>
      </footer>
    </>
  )
}
