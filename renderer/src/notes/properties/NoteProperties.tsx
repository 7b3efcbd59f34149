import { Building2, ChevronDown, Hash, Plus, Shapes, Sparkles, X } from 'lucide-react'
import { useMemo, useRef, useState, type ReactElement, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CompanyId, CompetenceId, NoteId, WorkspaceId } from '../../../../shared/ids'
import { createCompetence } from '../../../../shared/model/companies'
import { noteTagCounts } from '../../../../shared/model/noteFilter'
import {
  addNoteCompetence,
  addNoteTag,
  cleanTag,
  removeNoteCompetence,
  removeNoteTag,
  setNoteCompany,
  setNoteType,
  tagKey,
  type NoteSummary,
} from '../../../../shared/model/notes'
import { NOTE_TYPES, type NoteType } from '../../../../shared/model/noteTypes'
import type * as Y from 'yjs'
import { IconButton } from '../../ui/IconButton'
import { LazyMenu, MenuItem, MenuSeparator } from '../../ui/Menu'
import { showNotesWith } from '../list/showNotesWith'
import type { NoteFacet } from '../list/listView'
import { useCompanies, useCompetences, useNoteListWhile } from '../useNotes'
import { hasExactOption, matchOptions } from './matchOptions'
import { NoteTypeIcon } from './NoteTypeIcon'
import { PickerPopover } from './PickerPopover'
import { SuggestInput } from './SuggestInput'

const NONE = '__none__'
const CREATE = '__create__'

/**
 * A note's properties under its title, as rows of a property sheet (Notion-like): type,
 * owning company, linked competences and tags. Every value is a chip that shows the notes
 * sharing it; editing goes through the model's commands. A view-only guest sees the values.
 */
export function NoteProperties({
  doc,
  workspaceId,
  note,
  authorName,
  readOnly,
}: {
  doc: Y.Doc
  workspaceId: WorkspaceId
  note: NoteSummary
  authorName: string
  readOnly: boolean
}) {
  const { t } = useTranslation()
  const edit = (): { author: { name: string }; now: number } => ({
    author: { name: authorName },
    now: Date.now(),
  })
  const show = (facet: NoteFacet): void => showNotesWith(workspaceId, facet)

  return (
    <div
      className={readOnly ? 'note-props is-read-only' : 'note-props'}
      role="group"
      aria-label={t('noteProps.properties')}
    >
      <PropertyRow icon={<Shapes size={15} />} label={t('noteProps.type')}>
        <TypeValue
          type={note.type}
          readOnly={readOnly}
          onShow={(type) => show({ kind: 'type', type })}
          onChange={(type) => setNoteType(doc, note.id, { ...edit(), type })}
        />
      </PropertyRow>
      <PropertyRow icon={<Building2 size={15} />} label={t('noteProps.company')}>
        <CompanyValue
          doc={doc}
          companyId={note.companyId}
          readOnly={readOnly}
          onShow={(companyId) => show({ kind: 'company', companyId })}
          onChange={(companyId) => setNoteCompany(doc, note.id, { ...edit(), companyId })}
        />
      </PropertyRow>
      <PropertyRow icon={<Sparkles size={15} />} label={t('noteProps.competences')}>
        <CompetencesValue
          doc={doc}
          noteId={note.id}
          linked={note.competenceIds}
          readOnly={readOnly}
          onShow={(competenceId) => show({ kind: 'competence', competenceId })}
          edit={edit}
        />
      </PropertyRow>
      <PropertyRow icon={<Hash size={15} />} label={t('noteProps.tags')}>
        <TagsValue
          doc={doc}
          noteId={note.id}
          tags={note.tags}
          readOnly={readOnly}
          onShow={(tag) => show({ kind: 'tag', tag })}
          edit={edit}
        />
      </PropertyRow>
    </div>
  )
}

function PropertyRow({
  icon,
  label,
  children,
}: {
  icon: ReactNode
  label: string
  children: ReactNode
}) {
  return (
    <div className="prop-row">
      <span className="prop-label">
        {icon}
        {label}
      </span>
      <div className="prop-value">{children}</div>
    </div>
  )
}

/** A value that lists the notes sharing it; `onRemove` adds the × of a removable chip. */
function Chip({
  children,
  icon,
  label,
  onShow,
  onRemove,
  removeLabel,
  className,
  testId,
}: {
  children: ReactNode
  icon?: ReactNode
  label: string
  onShow: () => void
  onRemove?: () => void
  removeLabel?: string
  className?: string
  testId?: string
}) {
  const { t } = useTranslation()
  return (
    <span className={['prop-chip', className ?? ''].join(' ')} data-testid={testId}>
      <button
        type="button"
        className="prop-chip-main"
        title={t('noteProps.showNotesWith', { name: label })}
        onClick={onShow}
      >
        {icon}
        <span className="prop-chip-text">{children}</span>
      </button>
      {onRemove !== undefined && (
        <button
          type="button"
          className="prop-chip-remove"
          aria-label={removeLabel}
          onClick={onRemove}
        >
          <X size={12} aria-hidden />
        </button>
      )}
    </span>
  )
}

function EmptyValue({ label }: { label: string }) {
  return <span className="prop-empty">{label}</span>
}

function TypeValue({
  type,
  readOnly,
  onShow,
  onChange,
}: {
  type: NoteType | undefined
  readOnly: boolean
  onShow: (type: NoteType) => void
  onChange: (type: NoteType | undefined) => void
}) {
  const { t } = useTranslation()
  const menu = (trigger: ReactElement) => (
    <LazyMenu armed={false} align="start" trigger={trigger}>
      {NOTE_TYPES.map((option) => (
        <MenuItem
          key={option}
          icon={<NoteTypeIcon type={option} size={15} />}
          onSelect={() => onChange(option)}
        >
          {t(`noteProps.types.${option}`)}
        </MenuItem>
      ))}
      {type !== undefined && (
        <>
          <MenuSeparator />
          <MenuItem icon={<X size={15} aria-hidden />} onSelect={() => onChange(undefined)}>
            {t('noteProps.noType')}
          </MenuItem>
        </>
      )}
    </LazyMenu>
  )
  if (type === undefined) {
    return readOnly ? (
      <EmptyValue label={t('noteProps.empty')} />
    ) : (
      menu(
        <button
          type="button"
          className="prop-empty prop-empty--button"
          aria-label={t('noteProps.chooseType')}
          data-testid="prop-type"
        >
          {t('noteProps.empty')}
        </button>,
      )
    )
  }
  const label = t(`noteProps.types.${type}`)
  return (
    <>
      <Chip
        icon={<NoteTypeIcon type={type} size={13} />}
        label={label}
        onShow={() => onShow(type)}
        className={`prop-chip--type prop-chip--${type}`}
        testId="prop-type-chip"
      >
        {label}
      </Chip>
      {!readOnly &&
        menu(
          <IconButton
            size="sm"
            className="prop-edit"
            label={t('noteProps.changeType')}
            data-testid="prop-type"
          >
            <ChevronDown size={14} aria-hidden />
          </IconButton>,
        )}
    </>
  )
}

function CompanyValue({
  doc,
  companyId,
  readOnly,
  onShow,
  onChange,
}: {
  doc: Y.Doc
  companyId: CompanyId | undefined
  readOnly: boolean
  onShow: (companyId: CompanyId) => void
  onChange: (companyId: CompanyId | undefined) => void
}) {
  const { t } = useTranslation()
  const companies = useCompanies(doc)
  const company = companies.find((candidate) => candidate.id === companyId)
  const options = useMemo(
    () => companies.map((candidate) => ({ key: candidate.id, label: candidate.name, candidate })),
    [companies],
  )
  const picker = (trigger: ReactElement) => (
    <PickerPopover
      trigger={trigger}
      label={t('noteProps.chooseCompany')}
      placeholder={t('noteProps.companySearch')}
      emptyText={t('noteProps.noMatches')}
      testId="company-picker"
      suggestionsFor={(query) => [
        ...matchOptions(query, options).map(({ key, label, candidate }) => ({
          key,
          label,
          icon: <span className="company-dot" style={{ backgroundColor: candidate.color }} />,
        })),
        ...(companyId !== undefined && query.trim() === ''
          ? [{ key: NONE, label: t('noteProps.noCompany'), icon: <X size={14} aria-hidden /> }]
          : []),
      ]}
      onPick={(key) => onChange(key === NONE ? undefined : (key as CompanyId))}
    />
  )
  if (companyId === undefined) {
    return readOnly ? (
      <EmptyValue label={t('noteProps.empty')} />
    ) : (
      picker(
        <button
          type="button"
          className="prop-empty prop-empty--button"
          aria-label={t('noteProps.chooseCompany')}
          data-testid="prop-company"
        >
          {t('noteProps.empty')}
        </button>,
      )
    )
  }
  const name = company?.name ?? companyId
  return (
    <>
      <Chip
        icon={
          <span
            className="company-dot"
            style={company === undefined ? undefined : { backgroundColor: company.color }}
          />
        }
        label={name}
        onShow={() => onShow(companyId)}
        testId="prop-company-chip"
      >
        {name}
      </Chip>
      {!readOnly &&
        picker(
          <IconButton
            size="sm"
            className="prop-edit"
            label={t('noteProps.changeCompany')}
            data-testid="prop-company"
          >
            <ChevronDown size={14} aria-hidden />
          </IconButton>,
        )}
    </>
  )
}

function CompetencesValue({
  doc,
  noteId,
  linked,
  readOnly,
  onShow,
  edit,
}: {
  doc: Y.Doc
  noteId: NoteId
  linked: readonly CompetenceId[]
  readOnly: boolean
  onShow: (competenceId: CompetenceId) => void
  edit: () => { author: { name: string }; now: number }
}) {
  const { t } = useTranslation()
  const vocabulary = useCompetences(doc)
  const names = useMemo(
    () => new Map(vocabulary.map((competence) => [competence.id, competence.name])),
    [vocabulary],
  )
  const options = useMemo(
    () =>
      vocabulary.map((competence) => ({
        key: competence.id,
        label: competence.name,
        hint: competence.category === '' ? undefined : competence.category,
      })),
    [vocabulary],
  )
  const unlinked = useMemo(
    () => options.filter((option) => !linked.includes(option.key)),
    [options, linked],
  )
  // Chips in vocabulary order (by name), so they do not jump when one is added.
  const chips = [...linked].sort((a, b) =>
    (names.get(a) ?? '').localeCompare(names.get(b) ?? '', 'nb'),
  )
  return (
    <>
      {chips.map((id) => {
        const name = names.get(id) ?? t('noteProps.unknownCompetence')
        return (
          <Chip
            key={id}
            label={name}
            onShow={() => onShow(id)}
            onRemove={
              readOnly
                ? undefined
                : () => removeNoteCompetence(doc, noteId, { ...edit(), competenceId: id })
            }
            removeLabel={t('noteProps.removeCompetence', { name })}
            className="prop-chip--competence"
            testId="prop-competence-chip"
          >
            {name}
          </Chip>
        )
      })}
      {chips.length === 0 && readOnly && <EmptyValue label={t('noteProps.empty')} />}
      {!readOnly && (
        <PickerPopover
          trigger={
            chips.length === 0 ? (
              <button
                type="button"
                className="prop-empty prop-empty--button"
                aria-label={t('noteProps.addCompetence')}
                data-testid="prop-competence-add"
              >
                {t('noteProps.empty')}
              </button>
            ) : (
              <IconButton
                size="sm"
                className="prop-edit"
                label={t('noteProps.addCompetence')}
                data-testid="prop-competence-add"
              >
                <Plus size={14} aria-hidden />
              </IconButton>
            )
          }
          label={t('noteProps.addCompetence')}
          placeholder={t('noteProps.competenceSearch')}
          emptyText={t('noteProps.noMatches')}
          testId="competence-picker"
          suggestionsFor={(query) => {
            const matches = matchOptions(query, unlinked)
            const name = query.trim()
            return name === '' || hasExactOption(name, options)
              ? matches
              : [
                  ...matches,
                  {
                    key: CREATE,
                    label: t('noteProps.createCompetence', { name }),
                    icon: <Plus size={14} aria-hidden />,
                  },
                ]
          }}
          onPick={(key, query) => {
            const competenceId =
              key === CREATE
                ? createCompetence(doc, { name: query.trim(), category: '' })
                : (key as CompetenceId)
            addNoteCompetence(doc, noteId, { ...edit(), competenceId })
          }}
        />
      )}
    </>
  )
}

function TagsValue({
  doc,
  noteId,
  tags,
  readOnly,
  onShow,
  edit,
}: {
  doc: Y.Doc
  noteId: NoteId
  tags: readonly string[]
  readOnly: boolean
  onShow: (tag: string) => void
  edit: () => { author: { name: string }; now: number }
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState('')
  const [suggesting, setSuggesting] = useState(false)
  const add = (tag: string): void => {
    if (cleanTag(tag) === '') return
    addNoteTag(doc, noteId, { ...edit(), tag })
    setDraft('')
  }
  return (
    <>
      {tags.map((tag) => (
        <Chip
          key={tagKey(tag)}
          icon={<span className="prop-chip-hash">#</span>}
          label={`#${tag}`}
          onShow={() => onShow(tag)}
          onRemove={readOnly ? undefined : () => removeNoteTag(doc, noteId, { ...edit(), tag })}
          removeLabel={t('noteProps.removeTag', { tag })}
          className="prop-chip--tag"
          testId="prop-tag-chip"
        >
          {tag}
        </Chip>
      ))}
      {tags.length === 0 && readOnly && <EmptyValue label={t('noteProps.empty')} />}
      {!readOnly && (
        <span onFocus={() => setSuggesting(true)} onBlur={() => setSuggesting(false)}>
          <TagSuggestInput
            doc={doc}
            active={suggesting}
            tags={tags}
            draft={draft}
            setDraft={setDraft}
            onAdd={add}
            onRemoveLast={() => {
              const last = tags.at(-1)
              if (last !== undefined) removeNoteTag(doc, noteId, { ...edit(), tag: last })
            }}
          />
        </span>
      )}
    </>
  )
}

/**
 * The tag input. Only while it has focus (`active`) does it read the whole note list for the
 * tags already in use, so an open note does not recount 10k notes' tags on every edit elsewhere.
 */
function TagSuggestInput({
  doc,
  active,
  tags,
  draft,
  setDraft,
  onAdd,
  onRemoveLast,
}: {
  doc: Y.Doc
  active: boolean
  tags: readonly string[]
  draft: string
  setDraft: (draft: string) => void
  onAdd: (tag: string) => void
  onRemoveLast: () => void
}) {
  const { t } = useTranslation()
  const inputRef = useRef<HTMLInputElement>(null)
  const notes = useNoteListWhile(doc, active)
  const counts = useMemo(() => noteTagCounts(notes), [notes])
  const have = useMemo(() => new Set(tags.map(tagKey)), [tags])
  const options = useMemo(
    () =>
      counts
        .filter((entry) => !have.has(tagKey(entry.tag)))
        .map((entry) => ({ key: entry.tag, label: entry.tag, count: entry.count })),
    [counts, have],
  )
  const suggestions =
    draft.trim() === ''
      ? []
      : matchOptions(draft.replace(/^#+/, ''), options, 8).map((option) => ({
          key: option.key,
          label: `#${option.label}`,
          hint: option.count,
        }))
  return (
    <SuggestInput
      label={t('noteProps.tagInput')}
      placeholder={t('noteProps.tagPlaceholder')}
      value={draft}
      onValueChange={setDraft}
      suggestions={suggestions}
      onPick={onAdd}
      onEnterText={onAdd}
      onBackspaceEmpty={onRemoveLast}
      onEscape={() => {
        setDraft('')
        inputRef.current?.blur()
      }}
      inputRef={inputRef}
      highlightFirst={false}
      floating
      className="tag-input"
      testId="tag-input"
    />
  )
}
