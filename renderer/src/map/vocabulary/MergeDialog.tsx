import { useId, useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CompetenceId } from '../../../../shared/ids'
import type { CompetenceIndex } from '../../../../shared/model/competence/matrixIndex'
import { readStoredMarks } from '../../../../shared/model/competence/matchStatus'
import { mergeCompetences } from '../../../../shared/model/competence/merge'
import { useNoteList } from '../../notes/useNotes'
import type { WorkspaceConnection } from '../../sync/workspaceConnection'
import { Button } from '../../ui/Button'
import { Dialog, DialogFooter } from '../../ui/Dialog'
import { groupByCategory, mergeImpact } from './vocabularyModel'

/**
 * "These two are the same": choose two competences and the one to keep; the dialog says what
 * moves from the other (offers and needs, tagged notes, match marks, its names as synonyms)
 * before `mergeCompetences` does it in one transaction.
 */
export function MergeDialog({
  connection,
  index,
  authorName,
  initialId,
  onClose,
  onMerged,
}: {
  connection: WorkspaceConnection
  index: CompetenceIndex
  authorName: string
  initialId: CompetenceId | undefined
  onClose: () => void
  onMerged: (removed: string, kept: string) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const notes = useNoteList(connection.doc)
  const [first, setFirst] = useState<CompetenceId | ''>(initialId ?? '')
  const [second, setSecond] = useState<CompetenceId | ''>('')
  const [keep, setKeep] = useState<'first' | 'second'>('first')
  const [failure, setFailure] = useState<string>()
  const live = (value: CompetenceId | ''): CompetenceId | undefined =>
    value === '' ? undefined : index.competences.find((entry) => entry.id === value)?.id
  const a = live(first)
  const b = live(second)
  const ready = a !== undefined && b !== undefined && a !== b
  const keptId = keep === 'first' ? a : b
  const removedId = keep === 'first' ? b : a
  const label = (value: CompetenceId | undefined): string =>
    (value === undefined ? undefined : index.competenceById.get(value)?.name) ?? ''

  const impact = useMemo(
    () =>
      ready && removedId !== undefined
        ? mergeImpact({
            index,
            notes,
            marks: readStoredMarks(connection.doc),
            removeId: removedId,
          })
        : undefined,
    [ready, removedId, index, notes, connection.doc],
  )

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (!ready || keptId === undefined || removedId === undefined) return
    const removedName = label(removedId)
    const keptName = label(keptId)
    try {
      mergeCompetences(connection.doc, {
        keepId: keptId,
        removeId: removedId,
        author: { name: authorName },
        now: Date.now(),
      })
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error))
      return
    }
    onClose()
    onMerged(removedName, keptName)
  }

  const options = (exclude: CompetenceId | undefined) =>
    groupByCategory(index.competences).map((group) => (
      <optgroup key={group.category} label={t(`map.categories.${group.category}`)}>
        {group.entries
          .filter((entry) => entry.id !== exclude)
          .map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
            </option>
          ))}
      </optgroup>
    ))

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={t('mapVocabulary.merge.title')}
      description={t('mapVocabulary.merge.description')}
      size="md"
      testId="merge-dialog"
    >
      <form onSubmit={submit}>
        <div className="merge-pick">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-first`}>
              {t('mapVocabulary.merge.first')}
            </label>
            <select
              id={`${id}-first`}
              className="select"
              value={first}
              onChange={(event) => setFirst(event.target.value as CompetenceId)}
              data-testid="merge-first"
            >
              <option value="">{t('mapVocabulary.merge.choose')}</option>
              {options(undefined)}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-second`}>
              {t('mapVocabulary.merge.second')}
            </label>
            <select
              id={`${id}-second`}
              className="select"
              value={second}
              onChange={(event) => setSecond(event.target.value as CompetenceId)}
              data-testid="merge-second"
            >
              <option value="">{t('mapVocabulary.merge.choose')}</option>
              {options(a)}
            </select>
          </div>
        </div>
        {a !== undefined && a === b && (
          <p className="field-hint" role="status">
            {t('mapVocabulary.merge.sameTwice')}
          </p>
        )}
        {ready && (
          <fieldset className="merge-keep">
            <legend className="field-label">{t('mapVocabulary.merge.keep')}</legend>
            {(['first', 'second'] as const).map((side) => (
              <label key={side} className="merge-keep-option">
                <input
                  type="radio"
                  name={`${id}-keep`}
                  value={side}
                  checked={keep === side}
                  onChange={() => setKeep(side)}
                  data-testid={`merge-keep-${side}`}
                />
                {label(side === 'first' ? a : b)}
              </label>
            ))}
          </fieldset>
        )}
        {impact !== undefined && (
          <div className="merge-impact" data-testid="merge-impact">
            <p>
              {t('mapVocabulary.merge.moves', { removed: label(removedId), kept: label(keptId) })}
            </p>
            <ul>
              <li>
                {t('mapVocabulary.merge.cells', {
                  offers: t('mapVocabulary.deleteOfferCount', { count: impact.offers }),
                  needs: t('mapVocabulary.deleteNeedCount', { count: impact.needs }),
                })}
              </li>
              <li>{t('mapVocabulary.merge.notes', { count: impact.notes })}</li>
              <li>{t('mapVocabulary.merge.marks', { count: impact.marks })}</li>
              <li>{t('mapVocabulary.merge.names', { names: impact.names.join(', ') })}</li>
            </ul>
          </div>
        )}
        {failure !== undefined && (
          <p className="form-error" role="alert">
            {t('common.failed', { message: failure })}
          </p>
        )}
        <DialogFooter>
          <Button variant="ghost" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" disabled={!ready} data-testid="merge-confirm">
            {t('mapVocabulary.merge.submit')}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  )
}
