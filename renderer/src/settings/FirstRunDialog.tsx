import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../ui/Button'
import { Dialog, DialogFooter } from '../ui/Dialog'
import type { PreferencesStore } from './preferencesStore'
import { ProfileFields } from './ProfileFields'
import { draftFromProfile, profileFromDraft } from './profileDraft'

/**
 * Asks who I am before anything else. It cannot be dismissed without a name: presence and
 * "edited by" need one.
 */
export function FirstRunDialog({
  preferences,
  companySuggestions,
}: {
  preferences: PreferencesStore
  companySuggestions: readonly string[]
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(() => draftFromProfile(null))
  const [showErrors, setShowErrors] = useState(false)
  const [failure, setFailure] = useState<string | undefined>()
  const [saving, setSaving] = useState(false)
  const profile = profileFromDraft(draft)

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    setShowErrors(true)
    if (profile === undefined) return
    setSaving(true)
    preferences.saveProfile(profile).then(
      () => setSaving(false),
      (error: unknown) => {
        setSaving(false)
        setFailure(error instanceof Error ? error.message : String(error))
      },
    )
  }

  return (
    <Dialog
      open
      onOpenChange={() => {}}
      dismissible={false}
      title={t('firstRun.title')}
      description={t('firstRun.description')}
      size="md"
      testId="first-run-dialog"
    >
      <form onSubmit={submit} noValidate>
        <ProfileFields
          draft={draft}
          onChange={setDraft}
          nameError={
            showErrors && draft.name.trim() === '' ? t('settings.nameRequired') : undefined
          }
          companySuggestions={companySuggestions}
          autoFocus
        />
        {failure !== undefined && (
          <p className="form-error" role="alert">
            {t('common.failed', { message: failure })}
          </p>
        )}
        <DialogFooter>
          <Button type="submit" variant="primary" disabled={saving} data-testid="profile-save">
            {t('firstRun.submit')}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  )
}
