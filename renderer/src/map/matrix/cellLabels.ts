import type { TFunction } from 'i18next'
import { NEED_LEVELS, OFFER_LEVELS } from '../../../../shared/model/competence/cells'
import type { CellView } from '../../../../shared/model/competence/matrixIndex'
import type { Participant } from '../../sync/presenceState'
import type { MatrixSide } from './matrixLayout'

/**
 * The words for a cell: its level names and the label a screen reader reads for it
 * ("Vestplate AS × Bio-based binders: offers some, needs critical, has a comment").
 */
export type LevelNames = { offer: readonly string[]; need: readonly string[] }

/** Level names by level 0–3, as labels ("Solid") — looked up once per render, not per cell. */
export function levelNames(t: TFunction): LevelNames {
  return {
    offer: OFFER_LEVELS.map((level) => t(`map.levels.offer.${level}`)),
    need: NEED_LEVELS.map((level) => t(`map.levels.need.${level}`)),
  }
}

export type CellDescriber = (
  company: string,
  competence: string,
  cell: CellView | undefined,
  peers?: readonly Participant[],
) => string

// Stand-ins for the label's parts, put in once and swapped for each cell's own.
const COMPANY = '\u0001'
const COMPETENCE = '\u0002'
const LEVELS = '\u0003'

/**
 * Labels for many cells: the translations are looked up once here, and each cell's label is
 * put together from them — a grid renders hundreds of cells per scroll step, and a
 * translation lookup per cell part was a fifth of the time spent scrolling.
 */
export function cellDescriber(
  t: TFunction,
  language: string,
  names: LevelNames,
  side: MatrixSide,
): CellDescriber {
  const template = t('mapMatrix.cell.label', {
    company: COMPANY,
    competence: COMPETENCE,
    levels: LEVELS,
  })
  const lower = (text: string): string => text.toLocaleLowerCase(language)
  const offers = names.offer.map((level) => t('mapMatrix.cell.offers', { level: lower(level) }))
  const needs = names.need.map((level) => t('mapMatrix.cell.needs', { level: lower(level) }))
  const nothing = t('mapMatrix.cell.nothing')
  const comment = t('mapMatrix.cell.comment')
  return (company, competence, cell, peers) => {
    const parts: string[] = []
    if (cell !== undefined) {
      if (side !== 'need' && cell.offer > 0) parts.push(offers[cell.offer] ?? '')
      if (side !== 'offer' && cell.need > 0) parts.push(needs[cell.need] ?? '')
    }
    if (parts.length === 0) parts.push(nothing)
    if (cell !== undefined && cell.comment !== '') parts.push(comment)
    if (cell !== undefined && cell.evidence.length > 0) {
      parts.push(t('mapMatrix.cell.evidence', { count: cell.evidence.length }))
    }
    if (peers !== undefined && peers.length > 0) {
      parts.push(t('mapMatrix.cell.openBy', { names: peers.map((peer) => peer.name).join(', ') }))
    }
    // Functions as replacements: a `$` in a name is not a replacement pattern.
    return template
      .replace(COMPANY, () => company)
      .replace(COMPETENCE, () => competence)
      .replace(LEVELS, () => parts.join(', '))
  }
}
