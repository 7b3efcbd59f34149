import * as DropdownMenu from '@radix-ui/react-dropdown-menu'
import { ChevronDown, LocateFixed, Users, X } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { Avatar } from '../../ui/Avatar'
import { Menu, MenuItem, MenuSeparator } from '../../ui/Menu'
import type { BoardRuntime } from '../boardRuntime'
import { visibleRect } from '../state/camera'
import type { Person } from './facilitationState'
import type { Follower, Following } from './follow'
import type { Toasts } from './toast'

/**
 * The people on the board (their avatars are in the board's header already): follow one of
 * them — my view goes where theirs goes — and for the facilitator "Bring everyone to me".
 */
export function PeopleMenu({
  runtime,
  people,
  following,
  follower,
  toasts,
  canSummon,
}: {
  runtime: BoardRuntime
  people: readonly Person[]
  following: Following | undefined
  follower: Follower
  toasts: Toasts
  /** I facilitate and may write. */
  canSummon: boolean
}) {
  const { t } = useTranslation()

  const bringEveryone = (): void => {
    const view = visibleRect(runtime.camera.getSnapshot(), runtime.size.getSnapshot())
    runtime.presence.publish({ summon: { id: Date.now(), view } })
    runtime.presence.flush()
    toasts.show({ kind: 'broughtAll' })
  }

  return (
    <Menu
      trigger={
        <button
          type="button"
          className="facilitation-chip facilitation-chip--narrow"
          aria-label={t('facilitation.people.button', { count: people.length })}
          title={t('facilitation.people.label')}
          data-testid="people-button"
        >
          <Users size={15} aria-hidden />
          <span className="facilitation-chip-label">{t('facilitation.people.label')}</span>
          <ChevronDown size={14} aria-hidden className="facilitation-chip-caret" />
        </button>
      }
    >
      {canSummon && (
        <>
          <MenuItem icon={<LocateFixed size={16} aria-hidden />} onSelect={bringEveryone}>
            {t('facilitation.people.bringAll')}
          </MenuItem>
          <MenuSeparator />
        </>
      )}
      <DropdownMenu.Label className="menu-label">
        {t('facilitation.people.heading')}
      </DropdownMenu.Label>
      {people.length === 0 && (
        <p className="facilitation-menu-note">{t('facilitation.people.nobody')}</p>
      )}
      {people.map((person) => (
        <MenuItem
          key={person.clientId}
          icon={
            <span className="facilitation-menu-avatar">
              <Avatar name={person.name} color={person.color} size="sm" />
            </span>
          }
          onSelect={() => follower.follow(person)}
        >
          {following?.clientId === person.clientId
            ? t('facilitation.people.following', { name: person.name })
            : t('facilitation.people.follow', { name: person.name })}
        </MenuItem>
      ))}
      {following !== undefined && (
        <>
          <MenuSeparator />
          <MenuItem icon={<X size={16} aria-hidden />} onSelect={() => follower.stop()}>
            {t('facilitation.people.stopFollowing')}
          </MenuItem>
        </>
      )}
    </Menu>
  )
}
