import * as DropdownMenu from '@radix-ui/react-dropdown-menu'
import { ChevronDown, Megaphone } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import {
  handOverFacilitator,
  startSession,
  takeOverFacilitator,
  type Facilitator,
} from '../../../../shared/model/board/session'
import { Avatar } from '../../ui/Avatar'
import { Menu, MenuItem } from '../../ui/Menu'
import type { BoardRuntime } from '../boardRuntime'
import { facilitatorPresent, handOverCandidates, type Person } from './facilitationState'

/**
 * Who facilitates: "Start facilitating" on a board without a facilitator, "Facilitator: Ada"
 * otherwise. The facilitator hands the role on from here; anyone takes it over when the
 * facilitator has left the board.
 */
export function SessionControl({
  runtime,
  facilitator,
  people,
  canWrite,
}: {
  runtime: BoardRuntime
  facilitator: Facilitator | undefined
  people: readonly Person[]
  canWrite: boolean
}) {
  const { t } = useTranslation()
  const { doc, actor } = runtime

  if (facilitator === undefined) {
    if (!canWrite) return null
    return (
      <button
        type="button"
        className="facilitation-chip facilitation-chip--primary"
        title={t('facilitation.session.startHint')}
        onClick={() => startSession(doc, actor)}
        data-testid="facilitation-start"
      >
        <Megaphone size={15} aria-hidden />
        {t('facilitation.session.start')}
      </button>
    )
  }

  const mine = facilitator.id === actor.id
  const present = facilitatorPresent(facilitator, people, actor.id)
  const label = mine
    ? t('facilitation.session.you')
    : present
      ? t('facilitation.session.facilitator', { name: facilitator.name })
      : t('facilitation.session.away', { name: facilitator.name })

  // Someone else facilitates and is here: nothing to do, just say who.
  if (!canWrite || (!mine && present)) {
    return (
      <span className="facilitation-chip facilitation-chip--static" data-testid="facilitator">
        <Megaphone size={15} aria-hidden />
        {label}
      </span>
    )
  }

  const candidates = handOverCandidates(people, actor.id)
  return (
    <Menu
      align="start"
      trigger={
        <button
          type="button"
          className={`facilitation-chip${mine ? ' facilitation-chip--active facilitation-chip--narrow' : ''}`}
          title={label}
          aria-label={`${label} – ${t('facilitation.session.menu')}`}
          data-testid="facilitator"
        >
          <Megaphone size={15} aria-hidden />
          <span className="facilitation-chip-label">{label}</span>
          <ChevronDown size={14} aria-hidden className="facilitation-chip-caret" />
        </button>
      }
    >
      {mine ? (
        candidates.length === 0 ? (
          <p className="facilitation-menu-note">{t('facilitation.session.nobodyElse')}</p>
        ) : (
          candidates.map((person) => (
            <MenuItem
              key={person.personId}
              icon={
                <span className="facilitation-menu-avatar">
                  <Avatar name={person.name} color={person.color} size="sm" />
                </span>
              }
              onSelect={() =>
                handOverFacilitator(doc, actor, { id: person.personId, name: person.name })
              }
            >
              {t('facilitation.session.handOverTo', { name: person.name })}
            </MenuItem>
          ))
        )
      ) : (
        <>
          <DropdownMenu.Label className="menu-label">
            {t('facilitation.session.takeOverHint', { name: facilitator.name })}
          </DropdownMenu.Label>
          <MenuItem
            icon={<Megaphone size={16} aria-hidden />}
            onSelect={() =>
              takeOverFacilitator(doc, actor, new Set(people.map((person) => person.personId)))
            }
          >
            {t('facilitation.session.takeOver')}
          </MenuItem>
        </>
      )}
    </Menu>
  )
}
