import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCompany, getCompany, updateCompany } from '../../../../shared/model/companies'
import {
  changedFields,
  checkCompanyFields,
  checkNewCompany,
  draftOf,
  shownDraft,
  suggestColor,
  COMPANY_COLORS,
} from './companyForm'

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
}

const base = {
  name: 'Vestplate AS',
  industry: 'wood-panels' as const,
  location: 'Sunndal',
  description: 'Sponplater',
  color: '#a16207',
}

describe('company form', () => {
  it('names the field zod refuses, with why', () => {
    const checked = checkCompanyFields({
      name: '  ',
      website: 'not a site',
      contactEmail: 'ada@',
      description: 'x'.repeat(1001),
    })
    expect(checked).toEqual({
      ok: false,
      errors: {
        name: 'required',
        website: 'invalid',
        contactEmail: 'invalid',
        description: 'tooLong',
      },
    })
  })

  it('cleans what it accepts: a bare domain gets https://', () => {
    const checked = checkNewCompany({
      ...draftOf(undefined),
      name: ' Nye  Lien ',
      website: 'lien.no',
    })
    expect(checked.ok && checked.input).toMatchObject({
      name: 'Nye Lien',
      website: 'https://lien.no',
      industry: 'other',
    })
  })

  it('saves only the fields a person changed, against the live values', () => {
    const live = draftOf({
      id: 'co-1' as never,
      ...base,
      sizeBand: '',
      website: '',
      contactPerson: '',
      contactEmail: '',
    })
    const edits = { location: 'Sunndalsøra', name: 'Vestplate AS' }
    expect(shownDraft(live, edits).location).toBe('Sunndalsøra')
    // The name was touched but left as it is: nothing to write.
    expect(changedFields(live, edits)).toEqual({ location: 'Sunndalsøra' })
  })

  it('two people editing different fields at once both keep their edit', () => {
    const ada = new Y.Doc()
    const bo = new Y.Doc()
    const id = createCompany(ada, base)
    sync(ada, bo)
    // Both open the profile, each changes one field; neither form writes the other's field.
    const adaLive = draftOf(getCompany(ada, id))
    const boLive = draftOf(getCompany(bo, id))
    const adaPatch = checkCompanyFields(changedFields(adaLive, { location: 'Ålesund' }))
    const boPatch = checkCompanyFields(
      changedFields(boLive, { contactPerson: 'Bo Vik', location: boLive.location }),
    )
    if (!adaPatch.ok || !boPatch.ok) throw new Error('valid patches')
    updateCompany(ada, id, adaPatch.patch)
    updateCompany(bo, id, boPatch.patch)
    sync(ada, bo)
    expect(getCompany(ada, id)).toMatchObject({ location: 'Ålesund', contactPerson: 'Bo Vik' })
    expect(getCompany(bo, id)).toEqual(getCompany(ada, id))
  })

  it('suggests the palette colour used least', () => {
    expect(suggestColor([])).toBe(COMPANY_COLORS[0].value)
    expect(suggestColor([COMPANY_COLORS[0].value, '#123456'])).toBe(COMPANY_COLORS[1].value)
  })
})
