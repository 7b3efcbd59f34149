import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CompetenceId } from '../../../../shared/ids'
import {
  addCompetence,
  escoSchema,
  type CompetenceCategory,
} from '../../../../shared/model/competence/vocabulary'
import type { WorkspaceConnection } from '../../sync/workspaceConnection'
import { Button } from '../../ui/Button'
import { Dialog, DialogFooter } from '../../ui/Dialog'
import {
  checkCompetenceDraft,
  CompetenceFields,
  emptyCompetenceDraft,
  focusFirstError,
  withoutError,
  type CompetenceDraftErrors,
} from './CompetenceFields'

/**
 * Adds a competence: Bokmål and English labels, category, synonyms (comma-separated) and an
 * optional ESCO code (the fields: CompetenceFields.tsx). The name is checked by the view
 * (`checkName`: empty, too long, already a name of another), the ESCO code by the model's
 * `escoSchema`; each message stands by its field, and the first field in error gets focus.
 */
export function NewCompetenceDialog({
  connection,
  initialCategory,
  checkName,
  onClose,
  onAdded,
}: {
  connection: WorkspaceConnection
  initialCategory: CompetenceCategory
  checkName: (id: CompetenceId | undefined, name: string) => string | undefined
  onClose: () => void
  onAdded: (name: string, category: CompetenceCategory) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const [draft, setDraft] = useState(() => emptyCompetenceDraft(initialCategory))
  const [errors, setErrors] = useState<CompetenceDraftErrors>({})

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const found = checkCompetenceDraft(draft, (name) => checkName(undefined, name), t)
    if (focusFirstError(id, found)) {
      setErrors(found)
      return
    }
    const { name, nameEn, category, synonyms, esco } = draft
    addCompetence(connection.doc, {
      name,
      nameEn,
      category,
      synonyms: synonyms.split(/[,;]/),
      esco: escoSchema.parse(esco) ?? '',
    })
    onClose()
    onAdded(name.replace(/\s+/g, ' ').trim(), category)
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={t('mapVocabulary.add.title')}
      description={t('mapVocabulary.add.description')}
      size="md"
      testId="competence-dialog"
    >
      <form onSubmit={submit} noValidate>
        <CompetenceFields
          idPrefix={id}
          draft={draft}
          onChange={(next, changed) => {
            setDraft(next)
            setErrors((current) => withoutError(current, changed))
          }}
          errors={errors}
          autoFocus
        />
        <DialogFooter>
          <Button variant="ghost" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" data-testid="competence-save">
            {t('mapVocabulary.add.submit')}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  )
}
