import * as Popover from '@radix-ui/react-popover'
import { Vote } from 'lucide-react'
import { useEffect, useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { endVotingRound, startVotingRound } from '../../../../shared/model/board/session'
import type { VotingView } from '../../../../shared/model/board/voting'
import { Button } from '../../ui/Button'
import type { BoardRuntime } from '../boardRuntime'
import { centreOn } from '../state/camera'
import { watchRoundClosing } from './facilitationState'
import {
  DEFAULT_BUDGET,
  MAX_BUDGET,
  MIN_BUDGET,
  parseBudget,
  resultRows,
  votingStatus,
} from './votingView'

/** Zoom to show a result at when the board is zoomed far out (a sticky's text is readable). */
const RESULT_MIN_ZOOM = 0.75

/**
 * Dot voting: the facilitator opens a round (dots per person, anonymous or not) and ends it;
 * while it is open, everyone sees how many of their dots are left; when it ends, the results
 * open for everyone, most votes first, and a click on one shows that sticky on the board.
 */
export function VotingControl({
  runtime,
  voting,
  controls,
  canVote,
}: {
  runtime: BoardRuntime
  voting: VotingView | undefined
  /** I facilitate and may write. */
  controls: boolean
  canVote: boolean
}) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  // Opened by the round ending, not by me: the popover must not take focus from my typing.
  const [opened, setOpened] = useState<'me' | 'round'>('me')

  useEffect(
    () =>
      watchRoundClosing(runtime.doc, () => {
        // Presenting, the bar is hidden: the results wait for the chip.
        if (runtime.presenting.getSnapshot()) return
        setOpened('round')
        setOpen(true)
      }),
    [runtime],
  )

  const status = votingStatus(voting, canVote)
  if (status === undefined && !controls) return null
  const { doc, actor } = runtime
  const roundOpen = voting?.round.status === 'open'
  const label = status === undefined ? t('facilitation.voting.label') : t(status.key, status.values)
  // On a narrow screen the chip says only "2/3".
  const short =
    roundOpen && canVote && voting !== undefined
      ? t('facilitation.voting.dotsShort', { left: voting.remaining, budget: voting.round.budget })
      : undefined

  return (
    <div className="facilitation-group" data-testid="voting" data-status={voting?.round.status}>
      <Popover.Root
        open={open}
        onOpenChange={(next) => {
          setOpened('me')
          setOpen(next)
        }}
      >
        <Popover.Trigger asChild>
          <button
            type="button"
            className={[
              'facilitation-chip',
              roundOpen ? 'facilitation-chip--active' : '',
              status === undefined ? 'facilitation-chip--collapsible' : '',
            ]
              .filter(Boolean)
              .join(' ')}
            title={label}
            data-testid="voting-button"
          >
            <Vote size={15} aria-hidden />
            <span
              className={short === undefined ? 'facilitation-chip-label' : 'facilitation-chip-full'}
              data-testid="voting-status"
            >
              {label}
            </span>
            {short !== undefined && (
              <span className="facilitation-chip-short" aria-hidden>
                {short}
              </span>
            )}
          </button>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            className="popover facilitation-popover"
            side="bottom"
            align="start"
            sideOffset={6}
            collisionPadding={8}
            onOpenAutoFocus={(event) => {
              if (opened === 'round') event.preventDefault()
            }}
            data-testid="voting-popover"
          >
            {voting !== undefined && roundOpen && (
              <div className="facilitation-section">
                <h2 className="facilitation-heading">{label}</h2>
                {canVote && <p className="facilitation-text">{t('facilitation.voting.howTo')}</p>}
                <p className="facilitation-text facilitation-text--muted">
                  {t('facilitation.voting.voters', { count: voting.voterCount })}
                </p>
              </div>
            )}
            {voting !== undefined && !roundOpen && <Results runtime={runtime} voting={voting} />}
            {controls && !roundOpen && (
              <RoundSetup
                heading={
                  voting === undefined
                    ? t('facilitation.voting.label')
                    : t('facilitation.voting.newRound')
                }
                onStart={(budget, anonymous) => {
                  startVotingRound(doc, actor, { budget, anonymous, now: Date.now() })
                  setOpen(false)
                }}
              />
            )}
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      {controls && roundOpen && (
        <Button
          size="sm"
          onClick={() => endVotingRound(doc, actor, Date.now())}
          data-testid="voting-end"
        >
          {t('facilitation.voting.end')}
        </Button>
      )}
    </div>
  )
}

function Results({ runtime, voting }: { runtime: BoardRuntime; voting: VotingView }) {
  const { t } = useTranslation()
  const rows = resultRows(voting.results ?? [], (id) => runtime.scene.get(id))
  const { budget, anonymous } = voting.round
  return (
    <div className="facilitation-section" data-testid="voting-results">
      <h2 className="facilitation-heading">{t('facilitation.voting.resultsHeading')}</h2>
      <p className="facilitation-text facilitation-text--muted">
        {anonymous
          ? t('facilitation.voting.resultsAnonymous', { budget })
          : t('facilitation.voting.resultsRound', { budget })}
      </p>
      {rows.length === 0 ? (
        <p className="facilitation-text">{t('facilitation.voting.noVotes')}</p>
      ) : (
        <ol className="facilitation-results">
          {rows.map((row) => (
            <li key={row.item}>
              <button
                type="button"
                className="facilitation-result"
                title={t('facilitation.voting.goTo')}
                onClick={() => {
                  const size = runtime.size.getSnapshot()
                  const zoom = Math.max(runtime.camera.getSnapshot().zoom, RESULT_MIN_ZOOM)
                  runtime.camera.set(centreOn(row.rect, size, zoom))
                  runtime.interaction.update({ selection: new Set([row.item]) })
                }}
                data-testid="voting-result"
              >
                <span className="facilitation-result-count" data-testid="voting-result-count">
                  {row.count}
                </span>
                <span className="facilitation-result-body">
                  <span className="facilitation-result-text">
                    {row.text === '' ? t('facilitation.voting.emptySticky') : row.text}
                  </span>
                  <span className="facilitation-result-meta">
                    {t('facilitation.voting.votes', { count: row.count })}
                    {row.voters.length > 0 && ` · ${voterNames(row.voters)}`}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}

/** "Ada ×2, Bo" — one name per voter, with their dots on this sticky. */
function voterNames(voters: readonly string[]): string {
  const counts = new Map<string, number>()
  for (const name of voters) counts.set(name, (counts.get(name) ?? 0) + 1)
  return [...counts].map(([name, n]) => (n > 1 ? `${name} ×${n}` : name)).join(', ')
}

function RoundSetup({
  heading,
  onStart,
}: {
  heading: string
  onStart: (budget: number, anonymous: boolean) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const [budget, setBudget] = useState(String(DEFAULT_BUDGET))
  const [anonymous, setAnonymous] = useState(false)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    onStart(parseBudget(budget) ?? DEFAULT_BUDGET, anonymous)
  }
  return (
    <form className="facilitation-section" onSubmit={submit}>
      <h2 className="facilitation-heading">{heading}</h2>
      <div className="facilitation-field-row">
        <label className="field-label" htmlFor={`${id}-budget`}>
          {t('facilitation.voting.budget')}
        </label>
        <input
          id={`${id}-budget`}
          className="input facilitation-number"
          type="number"
          min={MIN_BUDGET}
          max={MAX_BUDGET}
          step={1}
          value={budget}
          onChange={(event) => setBudget(event.target.value)}
          data-testid="voting-budget"
        />
      </div>
      <label className="facilitation-check">
        <input
          type="checkbox"
          checked={anonymous}
          onChange={(event) => setAnonymous(event.target.checked)}
          data-testid="voting-anonymous"
        />
        <span>
          {t('facilitation.voting.anonymous')}
          <span className="field-hint">{t('facilitation.voting.anonymousHint')}</span>
        </span>
      </label>
      <Button type="submit" variant="primary" size="sm" data-testid="voting-start">
        {t('facilitation.voting.start')}
      </Button>
    </form>
  )
}
