import { Check } from 'lucide-react'
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CompanyId } from '../../../../shared/ids'
import {
  createCompany,
  INDUSTRIES,
  MAX_COMPANY_DESCRIPTION_LENGTH,
  MAX_COMPANY_NAME_LENGTH,
  SIZE_BANDS,
  updateCompany,
  type Company,
} from '../../../../shared/model/companies'
import { Button } from '../../ui/Button'
import { Dialog, DialogFooter } from '../../ui/Dialog'
import { SelectField } from '../../ui/SelectField'
import { TextField } from '../../ui/TextField'
import type { WorkspaceConnection } from '../../sync/workspaceConnection'
import {
  changedFields,
  checkCompanyFields,
  checkNewCompany,
  COMPANY_COLORS,
  COMPANY_FIELDS,
  draftOf,
  shownDraft,
  type CompanyColorName,
  type CompanyEdits,
  type CompanyField,
  type FieldErrors,
} from './companyForm'

const MAX_LENGTH: Partial<Record<CompanyField, number>> = {
  name: MAX_COMPANY_NAME_LENGTH,
  location: 120,
  contactPerson: 120,
  description: MAX_COMPANY_DESCRIPTION_LENGTH,
}

/**
 * "New company" and "Edit profile": one form for a company's profile. Errors come from the
 * model's zod schema and stand next to their field. Editing writes only the fields the person
 * changed (companyForm.ts), so someone else's edit to another field stays.
 */
export function CompanyDialog({
  connection,
  company,
  initialColor,
  onClose,
  onCreated,
}: {
  connection: WorkspaceConnection
  /** The live company to edit; undefined for a new one. */
  company: Company | undefined
  /** A new company's first colour. */
  initialColor?: string
  onClose: () => void
  onCreated?: (id: CompanyId) => void
}) {
  const { t } = useTranslation()
  const baseId = useId()
  const [edits, setEdits] = useState<CompanyEdits>({})
  const [errors, setErrors] = useState<FieldErrors>({})
  const live = draftOf(company, initialColor)
  const draft = shownDraft(live, edits)
  const fieldId = (field: CompanyField): string => `${baseId}-${field}`

  const change = (field: CompanyField, value: string): void => {
    setEdits((current) => ({ ...current, [field]: value }))
    if (errors[field] !== undefined) {
      setErrors((current) => {
        const { [field]: _gone, ...rest } = current
        return rest
      })
    }
  }

  const refuse = (found: FieldErrors): void => {
    setErrors(found)
    const first = COMPANY_FIELDS.find((field) => found[field] !== undefined)
    if (first !== undefined) document.getElementById(fieldId(first))?.focus()
  }

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (company === undefined) {
      const checked = checkNewCompany(draft)
      if (!checked.ok) return refuse(checked.errors)
      const id = createCompany(connection.doc, checked.input)
      onClose()
      onCreated?.(id)
      return
    }
    const checked = checkCompanyFields(changedFields(live, edits))
    if (!checked.ok) return refuse(checked.errors)
    updateCompany(connection.doc, company.id, checked.patch)
    onClose()
  }

  const message = (field: CompanyField): string | undefined => {
    const problem = errors[field]
    if (problem === undefined) return undefined
    if (problem === 'required') return t('mapCompany.errors.required')
    if (problem === 'tooLong') return t('mapCompany.errors.tooLong', { max: MAX_LENGTH[field] })
    if (field === 'website' || field === 'contactEmail') return t(`mapCompany.errors.${field}`)
    return t('mapCompany.errors.invalid')
  }

  const text = (field: CompanyField, extra: { type?: string; autoFocus?: boolean } = {}) => (
    <TextField
      id={fieldId(field)}
      label={t(`mapCompany.fields.${field}`)}
      value={draft[field]}
      onChange={(event) => change(field, event.target.value)}
      error={message(field)}
      placeholder={
        field === 'name' ||
        field === 'location' ||
        field === 'website' ||
        field === 'contactPerson' ||
        field === 'contactEmail'
          ? t(`mapCompany.placeholders.${field}`)
          : undefined
      }
      data-testid={`company-field-${field}`}
      {...extra}
    />
  )

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={
        company === undefined
          ? t('mapCompany.newTitle')
          : t('mapCompany.editTitle', { name: company.name })
      }
      description={
        company === undefined ? t('mapCompany.newDescription') : t('mapCompany.editDescription')
      }
      size="md"
      testId="company-dialog"
    >
      <form className="company-form" onSubmit={submit} noValidate>
        {text('name', { autoFocus: true })}
        <div className="company-form-grid">
          <SelectField
            id={fieldId('industry')}
            label={t('mapCompany.fields.industry')}
            value={draft.industry}
            onChange={(value) => change('industry', value)}
            testId="company-field-industry"
          >
            {INDUSTRIES.map((industry) => (
              <option key={industry} value={industry}>
                {t(`map.industries.${industry}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={fieldId('sizeBand')}
            label={t('mapCompany.fields.sizeBand')}
            value={draft.sizeBand}
            onChange={(value) => change('sizeBand', value)}
            testId="company-field-sizeBand"
          >
            <option value="">{t('mapCompany.sizeNone')}</option>
            {SIZE_BANDS.map((band) => (
              <option key={band} value={band}>
                {t('mapCompany.sizeBand', { band })}
              </option>
            ))}
          </SelectField>
          {text('location')}
          {text('website', { type: 'url' })}
          {text('contactPerson')}
          {text('contactEmail', { type: 'email' })}
        </div>
        <div className="field company-form-description">
          <label className="field-label" htmlFor={fieldId('description')}>
            {t('mapCompany.fields.description')}
          </label>
          <textarea
            id={fieldId('description')}
            className="input company-form-textarea"
            rows={3}
            value={draft.description}
            placeholder={t('mapCompany.placeholders.description')}
            onChange={(event) => change('description', event.target.value)}
            aria-invalid={errors.description !== undefined ? true : undefined}
            aria-describedby={
              errors.description !== undefined ? `${fieldId('description')}-error` : undefined
            }
            data-testid="company-field-description"
          />
          {errors.description !== undefined && (
            <p id={`${fieldId('description')}-error`} className="field-error" role="alert">
              {message('description')}
            </p>
          )}
        </div>
        <fieldset className="field company-form-colors">
          <legend className="field-label">{t('mapCompany.fields.color')}</legend>
          <div className="swatches" role="radiogroup" aria-label={t('mapCompany.fields.color')}>
            {swatches(live.color).map(({ name, value }) => {
              const checked = draft.color.toLowerCase() === value
              return (
                <label key={value} className="swatch" style={{ backgroundColor: value }}>
                  <input
                    type="radio"
                    name={`${baseId}-color`}
                    value={value}
                    checked={checked}
                    onChange={() => change('color', value)}
                    aria-label={t(`mapCompany.colors.${name}`)}
                  />
                  {checked && <Check size={14} strokeWidth={3} aria-hidden />}
                </label>
              )
            })}
          </div>
        </fieldset>
        <DialogFooter>
          <Button variant="ghost" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" data-testid="company-save">
            {company === undefined ? t('mapCompany.create') : t('mapCompany.save')}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  )
}

/** The palette, with the company's own colour first when it is not one of the palette's. */
function swatches(current: string): { name: CompanyColorName | 'current'; value: string }[] {
  const value = current.toLowerCase()
  const palette = COMPANY_COLORS.map((color) => ({ name: color.name, value: color.value }))
  return palette.some((color) => color.value === value)
    ? palette
    : [{ name: 'current', value }, ...palette]
}
