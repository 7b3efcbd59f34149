import * as DropdownMenu from '@radix-ui/react-dropdown-menu'
import { Building2, Network } from 'lucide-react'
import { useId, useMemo, useState, useSyncExternalStore, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CompanyId, CompetenceId, ItemId } from '../../../../shared/ids'
import { readBoardMeta } from '../../../../shared/model/board/boardDoc'
import { visibleItems } from '../../../../shared/model/board/visibility'
import { getBoard } from '../../../../shared/model/boards'
import {
  NEED_LEVELS,
  OFFER_LEVELS,
  type CellSide,
  type Level,
} from '../../../../shared/model/competence/cells'
import { applyPromotedCell, PROMOTED_LEVEL } from '../../../../shared/model/competence/promote'
import type { StickySource } from '../../../../shared/model/competence/promote'
import { createValueStore, type ValueStore } from '../../lib/externalStore'
import { openMap } from '../../lib/route'
import { useCompetenceIndex } from '../../map/competenceStore'
import { CompetenceFields, emptyCompetenceDraft } from '../../map/vocabulary/CompetenceFields'
import { templateLanguage } from '../../notes/list/createFromTemplate'
import { listParticipants } from '../../sync/presenceState'
import type { WorkspaceConnection } from '../../sync/workspaceConnection'
import { Button } from '../../ui/Button'
import { Dialog, DialogFooter } from '../../ui/Dialog'
import type { BoardRuntime } from '../boardRuntime'
import {
  authorCompany,
  buildPromotion,
  suggestCompetence,
  type CompetenceChoice,
  type PresentPerson,
} from './promoteToMap'

/**
 * "Add to the competence map…" in the board's menu: the selected sticky becomes an offer or
 * a need of a member company — the author's company when their profile names one — with a
 * competence from the vocabulary (the one the sticky's first line names, or a new one), a
 * level, and the workshop's provenance in the cell's comment. Written into the workspace's
 * root document with `applyPromotedCell`; then the company's page is one click away.
 *
 * Two parts, because the menu unmounts as it closes: the item (in the menu) asks, and the
 * dialog (beside the menu) answers — through a small store per board runtime.
 */
const requests = new WeakMap<BoardRuntime, ValueStore<ItemId | undefined>>()

function requestStore(runtime: BoardRuntime): ValueStore<ItemId | undefined> {
  let store = requests.get(runtime)
  if (store === undefined) {
    store = createValueStore<ItemId | undefined>(undefined)
    requests.set(runtime, store)
  }
  return store
}

/** The one selected item when it is a sticky. */
function selectedSticky(runtime: BoardRuntime): ItemId | undefined {
  const { selection } = runtime.interaction.getSnapshot()
  if (selection.size !== 1) return undefined
  const [id] = selection
  return id !== undefined && runtime.scene.get(id)?.kind === 'sticky' ? id : undefined
}

/** The menu item; belongs inside the board menu's content, shown to those who may write. */
export function PromoteToMapItem({ runtime }: { runtime: BoardRuntime }) {
  const { t } = useTranslation()
  const sticky = useSyncExternalStore(runtime.interaction.subscribe, () => selectedSticky(runtime))
  return (
    <DropdownMenu.Item
      className={sticky === undefined ? 'menu-item board-menu-item--hint' : 'menu-item'}
      disabled={sticky === undefined}
      onSelect={() => {
        if (sticky !== undefined) requestStore(runtime).set(sticky)
      }}
      data-testid="board-action-promote-map"
    >
      <Network size={14} aria-hidden />
      <span className="board-menu-item-text">
        {t('mapPromote.menu')}
        {sticky === undefined && (
          <span className="board-menu-item-hint">{t('mapPromote.menuHint')}</span>
        )}
      </span>
    </DropdownMenu.Item>
  )
}

/** The dialog; mounted beside the board menu, open while a sticky is being promoted. */
export function PromoteToMapDialog({
  runtime,
  connection,
  authorName,
}: {
  runtime: BoardRuntime
  connection: WorkspaceConnection
  authorName: string
}) {
  const { t } = useTranslation()
  const store = requestStore(runtime)
  const itemId = useSyncExternalStore(store.subscribe, store.getSnapshot)
  return (
    <Dialog
      open={itemId !== undefined}
      onOpenChange={(open) => {
        if (!open) store.set(undefined)
      }}
      title={t('mapPromote.title')}
      description={t('mapPromote.description')}
      size="md"
      testId="promote-map-dialog"
    >
      {itemId !== undefined && (
        <PromoteForm
          key={itemId}
          runtime={runtime}
          connection={connection}
          authorName={authorName}
          itemId={itemId}
          onClose={() => store.set(undefined)}
        />
      )}
    </Dialog>
  )
}

type Sticky = StickySource & { authorId: string }

/** The sticky as I see it (a private sticky of someone else's is not there for me). */
function readSticky(
  runtime: BoardRuntime,
  connection: WorkspaceConnection,
  itemId: ItemId,
): Sticky | undefined {
  const item = visibleItems(runtime.doc, runtime.actor).find((candidate) => candidate.id === itemId)
  if (item === undefined || item.kind !== 'sticky') return undefined
  const meta = readBoardMeta(runtime.doc)
  return {
    text: item.text,
    boardTitle: getBoard(connection.doc, runtime.boardId)?.title || meta.title,
    workshopDate: meta.createdAt,
    author: item.author,
    authorId: item.authorId,
  }
}

/** Everyone present with the company in their profile: on the board (with ids) and around. */
function presentPeople(runtime: BoardRuntime, connection: WorkspaceConnection): PresentPerson[] {
  const onBoard: PresentPerson[] = runtime.peers.getSnapshot().map((peer) => ({
    personId: peer.personId,
    name: peer.name,
    company: peer.company,
  }))
  const here = listParticipants(connection.awareness)
  const me = here.find((participant) => participant.isSelf)
  return [
    ...(me === undefined
      ? []
      : [{ personId: runtime.actor.id, name: me.name, company: me.company }]),
    ...onBoard,
    ...here.filter((participant) => !participant.isSelf),
  ]
}

type Written = { companyId: CompanyId; competence: string; side: CellSide; level: Level }

function PromoteForm({
  runtime,
  connection,
  authorName,
  itemId,
  onClose,
}: {
  runtime: BoardRuntime
  connection: WorkspaceConnection
  authorName: string
  itemId: ItemId
  onClose: () => void
}) {
  const { t, i18n } = useTranslation()
  const lang = templateLanguage(i18n.language)
  const labels = i18n.language.startsWith('en') ? 'en' : 'nb'
  const id = useId()
  const index = useCompetenceIndex(connection.doc)
  const [sticky] = useState(() => readSticky(runtime, connection, itemId))
  const [suggestion] = useState(() =>
    sticky === undefined ? undefined : suggestCompetence(sticky, index.competences, lang),
  )
  const [authorsCompany] = useState(() =>
    sticky === undefined
      ? undefined
      : authorCompany(
          { id: sticky.authorId, name: sticky.author },
          presentPeople(runtime, connection),
          index.companies,
        ),
  )
  const [side, setSide] = useState<CellSide>('need')
  const [level, setLevel] = useState<Level>(PROMOTED_LEVEL.need)
  const [companyId, setCompanyId] = useState<CompanyId | ''>(authorsCompany ?? '')
  const [competence, setCompetence] = useState<string>(
    suggestion?.kind === 'existing' ? `existing:${suggestion.id}` : 'new',
  )
  // Of a new competence only the name and the category: the vocabulary view has the rest.
  const [draft, setDraft] = useState(() =>
    emptyCompetenceDraft('other', suggestion?.kind === 'new' ? suggestion.name : ''),
  )
  const [written, setWritten] = useState<Written>()
  const [tried, setTried] = useState(false)

  const levelLabel = (of: CellSide, value: Level): string =>
    of === 'offer'
      ? t(`map.levels.offer.${OFFER_LEVELS[value]}`)
      : t(`map.levels.need.${NEED_LEVELS[value]}`)
  const competences = useMemo(
    () =>
      [...index.competences].sort((a, b) =>
        a.labels[labels].localeCompare(b.labels[labels], labels),
      ),
    [index, labels],
  )
  const choice: CompetenceChoice =
    competence === 'new'
      ? { kind: 'new', name: draft.name, category: draft.category }
      : { kind: 'existing', id: competence.slice('existing:'.length) as CompetenceId }
  const promoted =
    sticky === undefined || companyId === ''
      ? undefined
      : buildPromotion({
          sticky,
          vocabulary: index.competences,
          lang,
          choice: { side, companyId, level, competence: choice },
        })

  if (written !== undefined) {
    const company = index.companyById.get(written.companyId)
    return (
      <>
        <p className="promote-map-done" role="status" data-testid="promote-map-done">
          {t(`mapPromote.done.${written.side}`, {
            company: company?.name ?? '',
            competence: written.competence,
            level: levelLabel(written.side, written.level),
          })}
        </p>
        <DialogFooter>
          <Button variant="ghost" onClick={onClose}>
            {t('mapPromote.stay')}
          </Button>
          <Button
            variant="primary"
            icon={<Building2 size={16} aria-hidden />}
            onClick={() => {
              onClose()
              openMap({ view: 'company', company: written.companyId })
            }}
            data-testid="promote-map-open-company"
          >
            {t('mapPromote.openCompany')}
          </Button>
        </DialogFooter>
      </>
    )
  }

  if (sticky === undefined || sticky.text.trim() === '' || index.companies.length === 0) {
    return (
      <>
        <p className="promote-map-problem" role="alert">
          {sticky === undefined
            ? t('mapPromote.gone')
            : sticky.text.trim() === ''
              ? t('mapPromote.empty')
              : t('mapPromote.noCompanies')}
        </p>
        <DialogFooter>
          <Button onClick={onClose}>{t('common.close')}</Button>
        </DialogFooter>
      </>
    )
  }

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    setTried(true)
    if (promoted === undefined || companyId === '') return
    applyPromotedCell(connection.doc, promoted, {
      author: { name: authorName },
      now: Date.now(),
    })
    setWritten({
      companyId,
      competence:
        promoted.competence.kind === 'existing'
          ? (index.competenceById.get(promoted.competence.id)?.labels[labels] ??
            promoted.competence.name)
          : promoted.competence.name,
      side,
      level,
    })
  }

  return (
    <form className="promote-map-form" onSubmit={submit} noValidate>
      <blockquote className="promote-map-sticky" data-testid="promote-map-sticky">
        {sticky.text}
      </blockquote>
      <div className="field field--row">
        <span className="field-label" id={`${id}-side`}>
          {t('mapPromote.side')}
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby={`${id}-side`}>
          {(['offer', 'need'] as const).map((option) => (
            <label key={option} className={side === option ? 'segment is-active' : 'segment'}>
              <input
                type="radio"
                name={`${id}-side`}
                value={option}
                checked={side === option}
                onChange={() => {
                  setSide(option)
                  setLevel(PROMOTED_LEVEL[option])
                }}
                data-testid={`promote-map-side-${option}`}
              />
              {t(`mapPromote.sides.${option}`)}
            </label>
          ))}
        </div>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-company`}>
          {t('mapPromote.company')}
        </label>
        <select
          id={`${id}-company`}
          className="select"
          value={companyId}
          onChange={(event) => setCompanyId(event.target.value as CompanyId | '')}
          aria-invalid={tried && companyId === '' ? true : undefined}
          data-testid="promote-map-company"
        >
          <option value="">{t('mapPromote.chooseCompany')}</option>
          {index.companies.map((company) => (
            <option key={company.id} value={company.id}>
              {company.name}
              {company.id === authorsCompany ? ` · ${t('mapPromote.companyFromAuthor')}` : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-competence`}>
          {t('mapPromote.competence')}
        </label>
        <select
          id={`${id}-competence`}
          className="select"
          value={competence}
          onChange={(event) => setCompetence(event.target.value)}
          data-testid="promote-map-competence"
        >
          <option value="new">
            {suggestion?.kind === 'new'
              ? t('mapPromote.suggested', { name: suggestion.name })
              : t('mapPromote.newCompetence')}
          </option>
          {competences.map((entry) => (
            <option key={entry.id} value={`existing:${entry.id}`}>
              {suggestion?.kind === 'existing' && suggestion.id === entry.id
                ? t('mapPromote.suggested', { name: entry.labels[labels] })
                : entry.labels[labels]}
            </option>
          ))}
        </select>
      </div>
      {competence === 'new' && (
        <div className="promote-map-new">
          <CompetenceFields
            brief
            idPrefix={`${id}-new`}
            draft={draft}
            onChange={setDraft}
            errors={{
              name: tried && draft.name.trim() === '' ? t('mapPromote.newNameRequired') : undefined,
            }}
            nameLabel={t('mapPromote.newName')}
            testIds={{ name: 'promote-map-new-name', category: 'promote-map-category' }}
          />
        </div>
      )}
      <div className="field field--row">
        <span className="field-label" id={`${id}-level`}>
          {t('mapPromote.level')}
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby={`${id}-level`}>
          {([1, 2, 3] as const).map((option) => (
            <label key={option} className={level === option ? 'segment is-active' : 'segment'}>
              <input
                type="radio"
                name={`${id}-level`}
                value={option}
                checked={level === option}
                onChange={() => setLevel(option)}
                data-testid={`promote-map-level-${option}`}
              />
              {levelLabel(side, option)}
            </label>
          ))}
        </div>
      </div>
      {promoted !== undefined && (
        <div className="field">
          <span className="field-label">{t('mapPromote.comment')}</span>
          <p className="promote-map-comment" data-testid="promote-map-comment">
            {promoted.comment}
          </p>
        </div>
      )}
      <DialogFooter>
        <Button variant="ghost" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          type="submit"
          variant="primary"
          disabled={tried && promoted === undefined}
          data-testid="promote-map-submit"
        >
          {t(`mapPromote.add.${side}`)}
        </Button>
      </DialogFooter>
    </form>
  )
}
