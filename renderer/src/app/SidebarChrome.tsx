import { Settings } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import type { Profile } from '../../../shared/hostApi'
import { Avatar } from '../ui/Avatar'
import { Brand } from '../ui/Brand'
import { IconButton } from '../ui/IconButton'

export function SidebarTop({ onOpenSettings }: { onOpenSettings: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="sidebar-top">
      <Brand />
      <IconButton
        label={t('settings.open')}
        onClick={onOpenSettings}
        data-testid="settings-button"
        size="sm"
      >
        <Settings size={16} aria-hidden />
      </IconButton>
    </div>
  )
}

/** Who I am, at the foot of the sidebar; opens the settings. */
export function SidebarProfile({
  profile,
  onOpenSettings,
}: {
  profile: Profile | null
  onOpenSettings: () => void
}) {
  const { t } = useTranslation()
  if (profile === null) return null
  return (
    <button
      type="button"
      className="sidebar-profile"
      onClick={onOpenSettings}
      aria-label={t('settings.profileButton')}
    >
      <Avatar name={profile.name} color={profile.color} size="sm" />
      <span className="sidebar-profile-text">
        <span className="sidebar-profile-name">{profile.name}</span>
        {profile.company !== '' && (
          <span className="sidebar-profile-company">{profile.company}</span>
        )}
      </span>
    </button>
  )
}
