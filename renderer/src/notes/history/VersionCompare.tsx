import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { foldUnchanged } from './foldUnchanged'
import {
  diffBodyBlocks,
  hasChanges,
  type BlockChange,
  type BodyBlock,
  type WordPart,
} from '../../../../shared/model/historyDiff'

/**
 * What changed between two texts of a note, block by block, with the words inside changed
 * blocks. Never colour alone: added text is <ins> and removed text <del>, each with a
 * screen-reader label and a visible +/− in the margin, and a legend says which is which.
 */
export function VersionCompare({
  older,
  newer,
  caption,
}: {
  older: readonly BodyBlock[]
  newer: readonly BodyBlock[]
  /** Says what is compared with what ("From … to …"). */
  caption: string
}) {
  const { t } = useTranslation()
  const changes = useMemo(() => diffBodyBlocks(older, newer), [older, newer])
  const rows = useMemo(() => foldUnchanged(changes), [changes])
  const [unfolded, setUnfolded] = useState<ReadonlySet<number>>(new Set())
  return (
    <section className="history-compare" aria-label={caption} data-testid="history-compare">
      <div className="history-compare-head">
        <p className="history-compare-caption">{caption}</p>
        <p className="history-legend">
          <span className="visually-hidden">{t('history.legend')}: </span>
          <ins className="history-legend-added">{t('history.added')}</ins>
          <del className="history-legend-removed">{t('history.removed')}</del>
        </p>
      </div>
      {hasChanges(changes) ? (
        <ol className="history-blocks">
          {rows.map((row, index) =>
            row.kind !== 'fold' ? (
              <ChangeRow key={index} change={row} />
            ) : unfolded.has(index) ? (
              row.changes.map((change, inner) => (
                <ChangeRow key={`${index}.${inner}`} change={change} />
              ))
            ) : (
              <li key={index} className="history-fold">
                <button
                  type="button"
                  className="history-fold-button"
                  aria-expanded={false}
                  onClick={() => setUnfolded(new Set([...unfolded, index]))}
                >
                  {t('history.unchangedBlocks', { count: row.changes.length })}
                </button>
              </li>
            ),
          )}
        </ol>
      ) : (
        <p className="history-empty">{t('history.noDifferences')}</p>
      )}
    </section>
  )
}

function ChangeRow({ change }: { change: BlockChange }) {
  const { t } = useTranslation()
  const className = `history-block history-block--${change.kind} history-block--${change.type}`
  switch (change.kind) {
    case 'same':
      return <li className={className}>{change.text}</li>
    case 'added':
      return (
        <li className={className}>
          <span className="history-sign" aria-hidden>
            +
          </span>
          <ins>
            <span className="visually-hidden">{t('history.added')}: </span>
            {change.text}
          </ins>
        </li>
      )
    case 'removed':
      return (
        <li className={className}>
          <span className="history-sign" aria-hidden>
            −
          </span>
          <del>
            <span className="visually-hidden">{t('history.removed')}: </span>
            {change.text}
          </del>
        </li>
      )
    case 'changed':
      return (
        <li className={className}>
          <span className="history-sign" aria-hidden>
            ±
          </span>
          <span className="visually-hidden">{t('history.changed')}: </span>
          {change.parts.map((part, index) => (
            <Part key={index} part={part} />
          ))}
        </li>
      )
  }
}

function Part({ part }: { part: WordPart }) {
  const { t } = useTranslation()
  if (part.kind === 'same') return <>{part.text}</>
  if (part.kind === 'added') {
    return (
      <ins>
        <span className="visually-hidden">[{t('history.added')}: </span>
        {part.text}
        <span className="visually-hidden">]</span>
      </ins>
    )
  }
  return (
    <del>
      <span className="visually-hidden">[{t('history.removed')}: </span>
      {part.text}
      <span className="visually-hidden">]</span>
    </del>
  )
}
