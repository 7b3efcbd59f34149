import { Combine, MoreHorizontal, Trash2 } from 'lucide-react'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { CompetenceId } from '../../../../shared/ids'
import {
  COMPETENCE_CATEGORIES,
  escoSchema,
  isCompetenceCategory,
  MAX_COMPETENCE_NAME_LENGTH,
  updateCompetence,
  type VocabularyEntry,
} from '../../../../shared/model/competence/vocabulary'
import type { WorkspaceConnection } from '../../sync/workspaceConnection'
import { IconButton } from '../../ui/IconButton'
import { LazyMenu, MenuItem } from '../../ui/Menu'
import { InlineText } from './InlineText'
import { SynonymChips } from './SynonymChips'
import type { Usage } from './vocabularyModel'

type RowProps = {
  /** The row's line in the virtualised table (VocabularyTable.tsx), and its measuring. */
  index: number
  rowRef: (element: HTMLTableRowElement | null) => void
  connection: WorkspaceConnection
  entry: VocabularyEntry
  usage: Usage | undefined
  readOnly: boolean
  /** Why `name` cannot be the Bokmål label of `id` (empty, too long, taken), or undefined. */
  checkName: (id: CompetenceId, name: string) => string | undefined
  onMerge: (id: CompetenceId) => void
  onDelete: (id: CompetenceId) => void
}

/**
 * One competence in the vocabulary table: its labels, synonyms and ESCO code edited in place,
 * its category, how many companies offer and need it, and a menu to merge or delete it.
 */
function Row({
  index,
  rowRef,
  connection,
  entry,
  usage,
  readOnly,
  checkName,
  onMerge,
  onDelete,
}: RowProps) {
  const { t } = useTranslation()
  const name = entry.name
  const update = (patch: Parameters<typeof updateCompetence>[2]): void =>
    updateCompetence(connection.doc, entry.id, patch)
  return (
    <tr
      ref={rowRef}
      className="vocab-row"
      data-index={index}
      aria-rowindex={index + 2}
      data-testid="vocab-row"
      data-competence-id={entry.id}
    >
      <td>
        <InlineText
          className="vocab-name"
          value={name}
          label={t('mapVocabulary.nameLabel', { name })}
          readOnly={readOnly}
          onCommit={(next) => {
            const refusal = checkName(entry.id, next)
            if (refusal === undefined) update({ name: next })
            return refusal
          }}
          testId="vocab-name"
        />
      </td>
      <td>
        <InlineText
          value={entry.hasEnglishLabel ? entry.labels.en : ''}
          label={t('mapVocabulary.nameEnLabel', { name })}
          placeholder={t('mapVocabulary.nameEnPlaceholder')}
          readOnly={readOnly}
          onCommit={(next) => {
            if (next.trim().length > MAX_COMPETENCE_NAME_LENGTH) {
              return t('mapVocabulary.errors.tooLong', { max: MAX_COMPETENCE_NAME_LENGTH })
            }
            update({ nameEn: next })
            return undefined
          }}
          testId="vocab-name-en"
        />
      </td>
      <td>
        <SynonymChips
          connection={connection}
          id={entry.id}
          name={name}
          synonyms={entry.synonyms}
          readOnly={readOnly}
        />
      </td>
      <td>
        <InlineText
          className="vocab-esco"
          value={entry.esco ?? ''}
          label={t('mapVocabulary.escoLabel', { name })}
          placeholder={t('mapVocabulary.escoPlaceholder')}
          readOnly={readOnly}
          onCommit={(next) => {
            const parsed = escoSchema.safeParse(next)
            if (!parsed.success) return t('mapVocabulary.errors.esco')
            update({ esco: parsed.data })
            return undefined
          }}
          testId="vocab-esco"
        />
      </td>
      <td>
        {readOnly ? (
          <span className="vocab-category-text">{t(`map.categories.${entry.category}`)}</span>
        ) : (
          <select
            className="vocab-category"
            value={entry.category}
            aria-label={t('mapVocabulary.categoryLabel', { name })}
            onChange={(event) => {
              const category = event.target.value
              if (isCompetenceCategory(category)) update({ category })
            }}
            data-testid="vocab-category"
          >
            {COMPETENCE_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`map.categories.${category}`)}
              </option>
            ))}
          </select>
        )}
      </td>
      <td className="vocab-usage" data-testid="vocab-usage">
        {usage === undefined || usage.offers + usage.needs === 0 ? (
          <span className="vocab-unused">{t('mapVocabulary.unused')}</span>
        ) : (
          <>
            {usage.offers > 0 && <span>{t('mapVocabulary.offers', { count: usage.offers })}</span>}
            {usage.needs > 0 && <span>{t('mapVocabulary.needs', { count: usage.needs })}</span>}
          </>
        )}
      </td>
      <td className="vocab-actions">
        {!readOnly && (
          <LazyMenu
            armed={false}
            trigger={
              <IconButton
                size="sm"
                tooltip={false}
                label={t('mapVocabulary.actionsFor', { name })}
                data-testid="vocab-row-menu"
              >
                <MoreHorizontal size={16} aria-hidden />
              </IconButton>
            }
          >
            <MenuItem icon={<Combine size={14} aria-hidden />} onSelect={() => onMerge(entry.id)}>
              {t('mapVocabulary.mergeWith')}
            </MenuItem>
            <MenuItem
              danger
              icon={<Trash2 size={14} aria-hidden />}
              onSelect={() => onDelete(entry.id)}
            >
              {t('mapVocabulary.delete')}
            </MenuItem>
          </LazyMenu>
        )}
      </td>
    </tr>
  )
}

function sameEntry(a: VocabularyEntry, b: VocabularyEntry): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.labels.en === b.labels.en &&
    a.hasEnglishLabel === b.hasEnglishLabel &&
    a.category === b.category &&
    a.esco === b.esco &&
    a.synonyms.length === b.synonyms.length &&
    a.synonyms.every((synonym, i) => synonym === b.synonyms[i])
  )
}

/**
 * Rows re-render only when what they show changed: the index is rebuilt on every edit, with
 * new objects for every entry, and a screenful of rows is in the table at once.
 */
export const CompetenceRow = memo(
  Row,
  (a, b) =>
    a.index === b.index &&
    a.rowRef === b.rowRef &&
    sameEntry(a.entry, b.entry) &&
    a.usage?.offers === b.usage?.offers &&
    a.usage?.needs === b.usage?.needs &&
    a.readOnly === b.readOnly &&
    a.connection === b.connection &&
    a.checkName === b.checkName &&
    a.onMerge === b.onMerge &&
    a.onDelete === b.onDelete,
)
