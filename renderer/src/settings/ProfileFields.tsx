import { Check } from 'lucide-react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { PROFILE_COLORS } from '../../../shared/hostApi'
import { Avatar } from '../ui/Avatar'
import { TextField } from '../ui/TextField'
import { PROFILE_COLOR_NAMES, type ProfileDraft } from './profileDraft'

/** Name, company and colour of a profile draft. The parent owns the draft and saving. */
export function ProfileFields({
  draft,
  onChange,
  nameError,
  companySuggestions = [],
  autoFocus,
}: {
  draft: ProfileDraft
  onChange: (draft: ProfileDraft) => void
  nameError?: string
  companySuggestions?: readonly string[]
  autoFocus?: boolean
}) {
  const { t } = useTranslation()
  const listId = useId()
  const colorLabelId = useId()
  return (
    <div className="profile-fields">
      <div className="profile-preview" aria-hidden>
        <Avatar name={draft.name || '?'} color={draft.color} size="lg" />
      </div>
      <div className="profile-inputs">
        <TextField
          label={t('settings.name')}
          value={draft.name}
          placeholder={t('settings.namePlaceholder')}
          onChange={(event) => onChange({ ...draft, name: event.target.value })}
          maxLength={80}
          autoComplete="name"
          required
          autoFocus={autoFocus}
          error={nameError}
          data-testid="profile-name"
        />
        <TextField
          label={t('settings.company')}
          value={draft.company}
          placeholder={t('settings.companyPlaceholder')}
          onChange={(event) => onChange({ ...draft, company: event.target.value })}
          maxLength={120}
          autoComplete="organization"
          list={companySuggestions.length > 0 ? listId : undefined}
          data-testid="profile-company"
        />
        {companySuggestions.length > 0 && (
          <datalist id={listId}>
            {companySuggestions.map((company) => (
              <option key={company} value={company} />
            ))}
          </datalist>
        )}
        <div className="field">
          <span className="field-label" id={colorLabelId}>
            {t('settings.color')}
          </span>
          <div className="swatches" role="radiogroup" aria-labelledby={colorLabelId}>
            {PROFILE_COLORS.map((color, index) => {
              const name = PROFILE_COLOR_NAMES[index] ?? 'blue'
              const checked = draft.color.toLowerCase() === color
              return (
                <label key={color} className="swatch" style={{ backgroundColor: color }}>
                  <input
                    type="radio"
                    name={colorLabelId}
                    value={color}
                    checked={checked}
                    onChange={() => onChange({ ...draft, color })}
                    aria-label={t(`settings.colors.${name}`)}
                  />
                  {checked && <Check size={14} strokeWidth={3} aria-hidden />}
                </label>
              )
            })}
          </div>
        </div>
      </div>
    </div>
  )
}
