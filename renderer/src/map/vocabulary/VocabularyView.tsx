import { Combine, Plus, Search } from 'lucide-react'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CompetenceId } from '../../../../shared/ids'
import {
  competenceNameSchema,
  deleteCompetence,
  findCompetenceByLabel,
  MAX_COMPETENCE_NAME_LENGTH,
  type CompetenceCategory,
} from '../../../../shared/model/competence/vocabulary'
import { formatCount } from '../../lib/format'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { competenceIndexStore, useCompetenceIndex } from '../competenceStore'
import type { MapViewProps } from '../mapViews'
import { MergeDialog } from './MergeDialog'
import { NewCompetenceDialog } from './NewCompetenceDialog'
import { VocabularyTable } from './VocabularyTable'
import { competenceUsage, filterVocabulary, groupByCategory } from './vocabularyModel'

/** How long "… was merged" stays under the toolbar. */
const NOTICE_MS = 6000

type Pending =
  | { kind: 'new' }
  | { kind: 'merge'; id: CompetenceId | undefined }
  | { kind: 'delete'; id: CompetenceId }

/**
 * The shared competence vocabulary: every live competence by category (with counts, in a
 * virtualised table: VocabularyTable.tsx), edited in place — labels, synonyms, ESCO code, category — with a filter, "New competence", and
 * merge or delete from a row's menu. View-only guests see the same table, unchangeable.
 */
export default function VocabularyView({ connection, readOnly, authorName }: MapViewProps) {
  const { t, i18n } = useTranslation()
  const index = useCompetenceIndex(connection.doc)
  const [filter, setFilter] = useState('')
  const [pending, setPending] = useState<Pending>()
  const [notice, setNotice] = useState<string>()

  useEffect(() => {
    if (notice === undefined) return
    const timer = setTimeout(() => setNotice(undefined), NOTICE_MS)
    return () => clearTimeout(timer)
  }, [notice])

  const usage = useMemo(() => competenceUsage(index), [index])
  const shown = useMemo(() => filterVocabulary(index.competences, filter), [index, filter])
  const groups = useMemo(() => groupByCategory(shown), [shown])

  // Row callbacks stay the same across rebuilds of the index (rows are memoised); they read
  // the latest index from the store when they run.
  const store = competenceIndexStore(connection.doc)
  const checkName = useCallback(
    (id: CompetenceId | undefined, name: string): string | undefined => {
      const parsed = competenceNameSchema.safeParse(name)
      if (!parsed.success) {
        return name.trim() === ''
          ? t('mapVocabulary.errors.name')
          : t('mapVocabulary.errors.tooLong', { max: MAX_COMPETENCE_NAME_LENGTH })
      }
      const other = findCompetenceByLabel(store.getSnapshot().competences, parsed.data)
      if (other === undefined || other.id === id) return undefined
      return other.name.toLowerCase() === parsed.data.toLowerCase()
        ? t('mapVocabulary.errors.duplicate', { name: parsed.data })
        : t('mapVocabulary.errors.duplicateOf', { name: parsed.data, other: other.name })
    },
    [t, store],
  )
  const onMerge = useCallback((id: CompetenceId) => setPending({ kind: 'merge', id }), [])
  const onDelete = useCallback((id: CompetenceId) => setPending({ kind: 'delete', id }), [])

  const total = index.competences.length
  const deleting = pending?.kind === 'delete' ? index.competenceById.get(pending.id) : undefined
  const deletingUsage = deleting === undefined ? undefined : usage.get(deleting.id)

  return (
    <div className="vocab-view" data-testid="vocabulary-view">
      <div className="vocab-toolbar">
        <label className="vocab-filter">
          <Search size={14} aria-hidden />
          <input
            type="search"
            className="vocab-filter-input"
            value={filter}
            placeholder={t('mapVocabulary.filterPlaceholder')}
            aria-label={t('mapVocabulary.filterLabel')}
            onChange={(event) => setFilter(event.target.value)}
            data-testid="vocab-filter"
          />
        </label>
        <span className="vocab-count" data-testid="vocab-count">
          {filter.trim() === ''
            ? t('mapVocabulary.count', { count: total })
            : t('mapVocabulary.countFiltered', {
                shown: formatCount(shown.length, i18n.language),
                total: formatCount(total, i18n.language),
              })}
        </span>
        {!readOnly && (
          <div className="vocab-toolbar-actions">
            <Button
              size="sm"
              variant="ghost"
              icon={<Combine size={14} aria-hidden />}
              onClick={() => setPending({ kind: 'merge', id: undefined })}
              disabled={total < 2}
              data-testid="vocab-merge"
            >
              {t('mapVocabulary.mergeTwo')}
            </Button>
            <Button
              size="sm"
              variant="primary"
              icon={<Plus size={14} aria-hidden />}
              onClick={() => setPending({ kind: 'new' })}
              data-testid="vocab-new"
            >
              {t('mapVocabulary.new')}
            </Button>
          </div>
        )}
      </div>
      <p className="vocab-notice" role="status" aria-live="polite" data-testid="vocab-notice">
        {notice}
      </p>
      {total === 0 ? (
        <div className="vocab-scroll">
          <div className="empty-state">
            <p className="empty-state-title">{t('mapVocabulary.empty')}</p>
            <p>{t('mapVocabulary.emptyHint')}</p>
          </div>
        </div>
      ) : shown.length === 0 ? (
        <div className="vocab-scroll">
          <div className="empty-state">
            <p>{t('mapVocabulary.noMatch')}</p>
          </div>
        </div>
      ) : (
        <VocabularyTable
          connection={connection}
          groups={groups}
          usage={usage}
          readOnly={readOnly}
          checkName={checkName}
          onMerge={onMerge}
          onDelete={onDelete}
        />
      )}
      {pending?.kind === 'new' && (
        <NewCompetenceDialog
          connection={connection}
          initialCategory={groups.length === 1 ? (groups[0]?.category ?? 'other') : 'other'}
          checkName={checkName}
          onClose={() => setPending(undefined)}
          onAdded={(name, category: CompetenceCategory) =>
            setNotice(
              t('mapVocabulary.added', {
                name,
                category: t(`map.categories.${category}`),
              }),
            )
          }
        />
      )}
      {pending?.kind === 'merge' && (
        <MergeDialog
          connection={connection}
          index={index}
          authorName={authorName}
          initialId={pending.id}
          onClose={() => setPending(undefined)}
          onMerged={(removed, kept) => setNotice(t('mapVocabulary.merged', { removed, kept }))}
        />
      )}
      {deleting !== undefined && (
        <ConfirmDialog
          open
          onOpenChange={(open) => {
            if (!open) setPending(undefined)
          }}
          title={t('mapVocabulary.deleteTitle', { name: deleting.name })}
          body={t('mapVocabulary.deleteBody', {
            name: deleting.name,
            offers: t('mapVocabulary.deleteOfferCount', { count: deletingUsage?.offers ?? 0 }),
            needs: t('mapVocabulary.deleteNeedCount', { count: deletingUsage?.needs ?? 0 }),
          })}
          confirmLabel={t('mapVocabulary.deleteConfirm')}
          onConfirm={() => deleteCompetence(connection.doc, deleting.id)}
        />
      )}
    </div>
  )
}
