import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { checkCompetenceDraft, emptyCompetenceDraft, withoutError } from './CompetenceFields'

/** Answers with the key, so a test sees which message was chosen. */
const t = ((key: string) => key) as unknown as TFunction

describe('checkCompetenceDraft', () => {
  it('accepts a named draft with an empty or valid ESCO code', () => {
    const draft = { ...emptyCompetenceDraft('processes', 'Tørking av tre'), esco: ' S6.3.1 ' }
    expect(checkCompetenceDraft(draft, () => undefined, t)).toEqual({})
    expect(checkCompetenceDraft({ ...draft, esco: '' }, () => undefined, t)).toEqual({})
  })

  it('refuses by field: the name as the view says, a long English name, a wrong ESCO code', () => {
    const draft = {
      ...emptyCompetenceDraft('other', 'Lakk'),
      nameEn: 'x'.repeat(500),
      esco: 'tørking',
    }
    const names: string[] = []
    const errors = checkCompetenceDraft(
      draft,
      (name) => {
        names.push(name)
        return 'taken'
      },
      t,
    )
    expect(names).toEqual(['Lakk'])
    expect(errors).toEqual({
      name: 'taken',
      nameEn: 'mapVocabulary.errors.tooLong',
      esco: 'mapVocabulary.errors.esco',
    })
  })
})

describe('withoutError', () => {
  it('drops the edited field’s message and keeps the others', () => {
    const errors = { name: 'a', esco: 'b' }
    expect(withoutError(errors, 'name')).toEqual({ esco: 'b' })
    expect(withoutError(errors, 'synonyms')).toBe(errors)
  })
})
