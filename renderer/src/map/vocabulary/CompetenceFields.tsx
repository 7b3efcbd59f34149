import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import {
  COMPETENCE_CATEGORIES,
  escoSchema,
  isCompetenceCategory,
  MAX_COMPETENCE_NAME_LENGTH,
  type CompetenceCategory,
} from '../../../../shared/model/competence/vocabulary'
import { SelectField } from '../../ui/SelectField'
import { TextField } from '../../ui/TextField'

/**
 * The fields of a new competence, written once for every place that makes one: the
 * vocabulary's "New competence" dialog (all of them: both labels, category, synonyms, ESCO
 * code) and, brief, a board's "Add to the competence map…" (name and category — the rest is
 * for the vocabulary view later). Controlled: the form keeps the draft, checks it and writes
 * it; this draws the fields, their errors, and says which field changed so the form can drop
 * that field's error.
 */

/** What the fields hold, as typed: synonyms comma-separated, the ESCO code not yet parsed. */
export type CompetenceDraft = {
  name: string
  nameEn: string
  category: CompetenceCategory
  synonyms: string
  esco: string
}

export type CompetenceField = keyof CompetenceDraft

/** The fields that can be refused, in the order they are shown. */
const CHECKED_FIELDS = ['name', 'nameEn', 'esco'] as const

export type CompetenceDraftErrors = Partial<Record<(typeof CHECKED_FIELDS)[number], string>>

export function emptyCompetenceDraft(category: CompetenceCategory, name = ''): CompetenceDraft {
  return { name, nameEn: '', category, synonyms: '', esco: '' }
}

/** The errors without the one of a field just edited (its message goes as one types). */
export function withoutError(
  errors: CompetenceDraftErrors,
  field: CompetenceField,
): CompetenceDraftErrors {
  if (!(field in errors)) return errors
  return Object.fromEntries(Object.entries(errors).filter(([key]) => key !== field))
}

/**
 * Why the draft cannot be added, by field: the name as `checkName` says (empty, too long, a
 * name of another — the vocabulary view knows the others), the English name's length, the
 * ESCO code by the model's `escoSchema`. Empty when it can.
 */
export function checkCompetenceDraft(
  draft: CompetenceDraft,
  checkName: (name: string) => string | undefined,
  t: TFunction,
): CompetenceDraftErrors {
  const errors: CompetenceDraftErrors = {}
  const nameProblem = checkName(draft.name)
  if (nameProblem !== undefined) errors.name = nameProblem
  if (draft.nameEn.trim().length > MAX_COMPETENCE_NAME_LENGTH) {
    errors.nameEn = t('mapVocabulary.errors.tooLong', { max: MAX_COMPETENCE_NAME_LENGTH })
  }
  if (!escoSchema.safeParse(draft.esco).success) errors.esco = t('mapVocabulary.errors.esco')
  return errors
}

/** The id of a field's input, for `focusFirstError` and labels. */
function fieldId(idPrefix: string, field: CompetenceField): string {
  return `${idPrefix}-${field}`
}

/** Moves focus to the first field in error (in the order shown); false when there is none. */
export function focusFirstError(idPrefix: string, errors: CompetenceDraftErrors): boolean {
  const first = CHECKED_FIELDS.find((field) => errors[field] !== undefined)
  if (first === undefined) return false
  document.getElementById(fieldId(idPrefix, first))?.focus()
  return true
}

const DEFAULT_TEST_IDS: Record<CompetenceField, string> = {
  name: 'competence-field-name',
  nameEn: 'competence-field-name-en',
  category: 'competence-field-category',
  synonyms: 'competence-field-synonyms',
  esco: 'competence-field-esco',
}

export function CompetenceFields({
  idPrefix,
  draft,
  onChange,
  errors = {},
  brief = false,
  nameLabel,
  autoFocus = false,
  testIds,
}: {
  /** Unique in the page (the form's `useId()`); each input's id starts with it. */
  idPrefix: string
  draft: CompetenceDraft
  /** The draft with one field changed, and which. */
  onChange: (next: CompetenceDraft, changed: CompetenceField) => void
  errors?: CompetenceDraftErrors
  /** Only the name and the category. */
  brief?: boolean
  /** The name field's label where the default ("Name (Bokmål)") would not say enough. */
  nameLabel?: string
  autoFocus?: boolean
  testIds?: Partial<Record<CompetenceField, string>>
}) {
  const { t } = useTranslation()
  const ids = { ...DEFAULT_TEST_IDS, ...testIds }
  const set = (field: Exclude<CompetenceField, 'category'>) => ({
    id: fieldId(idPrefix, field),
    value: draft[field],
    onChange: (event: { target: { value: string } }) =>
      onChange({ ...draft, [field]: event.target.value }, field),
    error: field === 'synonyms' ? undefined : errors[field],
    'data-testid': ids[field],
  })
  const category = (
    <SelectField
      id={fieldId(idPrefix, 'category')}
      label={t('mapVocabulary.add.category')}
      value={draft.category}
      onChange={(value) => {
        if (isCompetenceCategory(value)) onChange({ ...draft, category: value }, 'category')
      }}
      testId={ids.category}
    >
      {COMPETENCE_CATEGORIES.map((key) => (
        <option key={key} value={key}>
          {t(`map.categories.${key}`)}
        </option>
      ))}
    </SelectField>
  )

  if (brief) {
    return (
      <>
        <TextField
          label={nameLabel ?? t('mapVocabulary.add.name')}
          autoFocus={autoFocus}
          {...set('name')}
        />
        {category}
      </>
    )
  }
  return (
    <>
      <TextField
        label={nameLabel ?? t('mapVocabulary.add.name')}
        placeholder={t('mapVocabulary.add.namePlaceholder')}
        autoFocus={autoFocus}
        {...set('name')}
      />
      <TextField
        label={t('mapVocabulary.add.nameEn')}
        placeholder={t('mapVocabulary.add.nameEnPlaceholder')}
        {...set('nameEn')}
      />
      {category}
      <TextField
        label={t('mapVocabulary.add.synonyms')}
        hint={t('mapVocabulary.add.synonymsHint')}
        {...set('synonyms')}
      />
      <TextField
        label={t('mapVocabulary.add.esco')}
        hint={t('mapVocabulary.add.escoHint')}
        {...set('esco')}
      />
    </>
  )
}
