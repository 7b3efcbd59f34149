import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CompetenceId } from '../../../../shared/ids'
import {
  addCompetence,
  COMPETENCE_CATEGORIES,
  escoSchema,
  isCompetenceCategory,
  MAX_COMPETENCE_NAME_LENGTH,
  type CompetenceCategory,
} from '../../../../shared/model/competence/vocabulary'
import type { WorkspaceConnection } from '../../sync/workspaceConnection'
import { Button } from '../../ui/Button'
import { Dialog, DialogFooter } from '../../ui/Dialog'
import { TextField } from '../../ui/TextField'

type Errors = { name?: string; nameEn?: string; esco?: string }

/**
 * Adds a competence: Bokmål and English labels, category, synonyms (comma-separated) and an
 * optional ESCO code. The name is checked by the view (`checkName`: empty, too long, already
 * a name of another), the ESCO code by the model's `escoSchema`; each message stands by its field.
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
  const [name, setName] = useState('')
  const [nameEn, setNameEn] = useState('')
  const [category, setCategory] = useState<CompetenceCategory>(initialCategory)
  const [synonyms, setSynonyms] = useState('')
  const [esco, setEsco] = useState('')
  const [errors, setErrors] = useState<Errors>({})

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const found: Errors = {}
    const nameProblem = checkName(undefined, name)
    if (nameProblem !== undefined) found.name = nameProblem
    if (nameEn.trim().length > MAX_COMPETENCE_NAME_LENGTH) {
      found.nameEn = t('mapVocabulary.errors.tooLong', { max: MAX_COMPETENCE_NAME_LENGTH })
    }
    const parsedEsco = escoSchema.safeParse(esco)
    if (!parsedEsco.success) found.esco = t('mapVocabulary.errors.esco')
    if (Object.keys(found).length > 0) {
      setErrors(found)
      const first = (['name', 'nameEn', 'esco'] as const).find((key) => found[key] !== undefined)
      if (first !== undefined) document.getElementById(`${id}-${first}`)?.focus()
      return
    }
    addCompetence(connection.doc, {
      name,
      nameEn,
      category,
      synonyms: synonyms.split(/[,;]/),
      esco: parsedEsco.data ?? '',
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
        <TextField
          id={`${id}-name`}
          label={t('mapVocabulary.add.name')}
          placeholder={t('mapVocabulary.add.namePlaceholder')}
          value={name}
          onChange={(event) => {
            setName(event.target.value)
            setErrors(({ name: _name, ...rest }) => rest)
          }}
          error={errors.name}
          autoFocus
          data-testid="competence-field-name"
        />
        <TextField
          id={`${id}-nameEn`}
          label={t('mapVocabulary.add.nameEn')}
          placeholder={t('mapVocabulary.add.nameEnPlaceholder')}
          value={nameEn}
          onChange={(event) => {
            setNameEn(event.target.value)
            setErrors(({ nameEn: _nameEn, ...rest }) => rest)
          }}
          error={errors.nameEn}
          data-testid="competence-field-name-en"
        />
        <div className="field">
          <label className="field-label" htmlFor={`${id}-category`}>
            {t('mapVocabulary.add.category')}
          </label>
          <select
            id={`${id}-category`}
            className="select"
            value={category}
            onChange={(event) => {
              if (isCompetenceCategory(event.target.value)) setCategory(event.target.value)
            }}
            data-testid="competence-field-category"
          >
            {COMPETENCE_CATEGORIES.map((key) => (
              <option key={key} value={key}>
                {t(`map.categories.${key}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label={t('mapVocabulary.add.synonyms')}
          hint={t('mapVocabulary.add.synonymsHint')}
          value={synonyms}
          onChange={(event) => setSynonyms(event.target.value)}
          data-testid="competence-field-synonyms"
        />
        <TextField
          id={`${id}-esco`}
          label={t('mapVocabulary.add.esco')}
          hint={t('mapVocabulary.add.escoHint')}
          value={esco}
          onChange={(event) => {
            setEsco(event.target.value)
            setErrors(({ esco: _esco, ...rest }) => rest)
          }}
          error={errors.esco}
          data-testid="competence-field-esco"
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
