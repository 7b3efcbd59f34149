import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CompanyId, CompetenceId, NoteId } from '../../../../shared/ids'
import type { CellView } from '../../../../shared/model/competence/matrixIndex'
import { en } from '../../i18n/en'
import { nb } from '../../i18n/nb'
import type { Participant } from '../../sync/presenceState'
import { cellDescriber, levelNames } from './cellLabels'

const i18n = i18next.createInstance()

beforeAll(async () => {
  await i18n.init({
    lng: 'en',
    resources: { en: { translation: en }, nb: { translation: nb } },
    interpolation: { escapeValue: false },
  })
})

const cell = (change: Partial<CellView>): CellView => ({
  key: 'co-a|cp-b',
  companyId: 'co-a' as CompanyId,
  competenceId: 'cp-b' as CompetenceId,
  offer: 0,
  need: 0,
  comment: '',
  evidence: [],
  edited: undefined,
  ...change,
})

function describer(language: 'en' | 'nb', side: 'both' | 'offer' | 'need' = 'both') {
  const t = i18n.getFixedT(language)
  return cellDescriber(t, language, levelNames(t), side)
}

describe('cellDescriber', () => {
  it('names the company, the competence and both levels', () => {
    const describe = describer('en')
    expect(describe('Vestplate AS', 'Bio-based binders', cell({ offer: 2, need: 3 }))).toBe(
      'Vestplate AS × Bio-based binders: offers solid, needs critical',
    )
    expect(describe('Vestplate AS', 'Bio-based binders', undefined)).toBe(
      'Vestplate AS × Bio-based binders: nothing recorded',
    )
  })

  it('reads only the side shown, and says what else the cell has', () => {
    const peers = [{ name: 'Bo Vik' }, { name: 'Cy' }] as Participant[]
    const full = cell({
      offer: 1,
      need: 2,
      comment: 'pilot',
      evidence: ['n1', 'n2'] as NoteId[],
    })
    expect(describer('en', 'need')('A', 'B', full, peers)).toBe(
      'A × B: needs important, has a comment, 2 evidence notes, open for Bo Vik, Cy',
    )
    expect(describer('en', 'offer')('A', 'B', cell({ need: 2 }))).toBe('A × B: nothing recorded')
  })

  it('speaks Bokmål, and keeps "$" in names as typed', () => {
    expect(describer('nb')('Fjord $& Co', 'Stivelse', cell({ offer: 3 }))).toBe(
      'Fjord $& Co × Stivelse: tilbyr ekspert',
    )
  })
})
