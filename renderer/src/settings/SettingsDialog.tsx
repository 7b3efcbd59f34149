import { Check } from 'lucide-react'
import { useId, useState, useSyncExternalStore, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  languageSettingSchema,
  themeSettingSchema,
  type LanguageSetting,
  type ThemeSetting,
} from '../../../shared/hostApi'
import { Button } from '../ui/Button'
import { Dialog } from '../ui/Dialog'
import type { PreferencesStore } from './preferencesStore'
import { ProfileFields } from './ProfileFields'
import { draftFromProfile, profileFromDraft, type ProfileDraft } from './profileDraft'

const THEMES = themeSettingSchema.options
const LANGUAGES = languageSettingSchema.options

export function SettingsDialog({
  open,
  onOpenChange,
  preferences,
  storedInBrowser,
  companySuggestions,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  preferences: PreferencesStore
  storedInBrowser: boolean
  companySuggestions: readonly string[]
}) {
  const { t } = useTranslation()
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('settings.title')}
      description={t('settings.description')}
      size="md"
      testId="settings-dialog"
    >
      <SettingsForm
        preferences={preferences}
        storedInBrowser={storedInBrowser}
        companySuggestions={companySuggestions}
      />
    </Dialog>
  )
}

/** Mounted only while the dialog is open, so the profile draft starts fresh each time. */
function SettingsForm({
  preferences,
  storedInBrowser,
  companySuggestions,
}: {
  preferences: PreferencesStore
  storedInBrowser: boolean
  companySuggestions: readonly string[]
}) {
  const { t } = useTranslation()
  const { profile, settings } = useSyncExternalStore(preferences.subscribe, preferences.getSnapshot)
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFromProfile(profile))
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle')
  const [failure, setFailure] = useState<string | undefined>()
  const languageId = useId()
  const themeLabelId = useId()
  const parsed = profileFromDraft(draft)
  const changed =
    parsed === undefined ||
    profile === null ||
    parsed.name !== profile.name ||
    parsed.company !== profile.company ||
    parsed.color !== profile.color

  const report = (error: unknown): void =>
    setFailure(error instanceof Error ? error.message : String(error))

  const setLanguage = (language: LanguageSetting): void => {
    setFailure(undefined)
    preferences.saveSettings({ ...settings, language }).catch(report)
  }
  const setTheme = (theme: ThemeSetting): void => {
    setFailure(undefined)
    preferences.saveSettings({ ...settings, theme }).catch(report)
  }
  const saveProfile = (event: FormEvent): void => {
    event.preventDefault()
    if (parsed === undefined) return
    setFailure(undefined)
    setState('saving')
    preferences.saveProfile(parsed).then(
      () => setState('saved'),
      (error: unknown) => {
        setState('idle')
        report(error)
      },
    )
  }

  return (
    <div className="settings">
      <section className="settings-section">
        <div className="field field--row">
          <label className="field-label" htmlFor={languageId}>
            {t('settings.language')}
          </label>
          <select
            id={languageId}
            className="select"
            value={settings.language}
            onChange={(event) => setLanguage(languageSettingSchema.parse(event.target.value))}
            data-testid="language-select"
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {language === 'auto'
                  ? t('settings.languageAuto')
                  : language === 'nb'
                    ? t('settings.languageNb')
                    : t('settings.languageEn')}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--row">
          <span className="field-label" id={themeLabelId}>
            {t('settings.theme')}
          </span>
          <div className="segmented" role="radiogroup" aria-labelledby={themeLabelId}>
            {THEMES.map((theme) => (
              <label
                key={theme}
                className={settings.theme === theme ? 'segment is-active' : 'segment'}
              >
                <input
                  type="radio"
                  name={themeLabelId}
                  value={theme}
                  checked={settings.theme === theme}
                  onChange={() => setTheme(theme)}
                />
                {theme === 'auto'
                  ? t('settings.themeAuto')
                  : theme === 'light'
                    ? t('settings.themeLight')
                    : t('settings.themeDark')}
              </label>
            ))}
          </div>
        </div>
      </section>
      <form className="settings-section" onSubmit={saveProfile} noValidate>
        <h3 className="settings-heading">{t('settings.profile')}</h3>
        <p className="settings-hint">{t('settings.profileHint')}</p>
        <ProfileFields
          draft={draft}
          onChange={(next) => {
            setDraft(next)
            setState('idle')
          }}
          nameError={draft.name.trim() === '' ? t('settings.nameRequired') : undefined}
          companySuggestions={companySuggestions}
        />
        <div className="settings-actions">
          {state === 'saved' && !changed && (
            <span className="settings-saved" role="status">
              <Check size={14} aria-hidden /> {t('settings.profileSaved')}
            </span>
          )}
          <Button
            type="submit"
            variant="primary"
            disabled={parsed === undefined || !changed || state === 'saving'}
            data-testid="profile-save"
          >
            {t('settings.saveProfile')}
          </Button>
        </div>
      </form>
      {failure !== undefined && (
        <p className="form-error" role="alert">
          {t('common.failed', { message: failure })}
        </p>
      )}
      {storedInBrowser && <p className="settings-footnote">{t('settings.storedInBrowser')}</p>}
    </div>
  )
}
