import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CompanyId, CompetenceId } from '../../../shared/ids'
import { createCompany, updateCompany } from '../../../shared/model/companies'
import { setOfferLevel } from '../../../shared/model/competence/cells'
import { addCompetence } from '../../../shared/model/competence/vocabulary'
import { competenceIndexStore } from './competenceStore'

const edit = { author: { name: 'Ada' }, now: 1 }

function fixture() {
  const doc = new Y.Doc()
  const companyId = createCompany(doc, {
    id: 'co-a' as CompanyId,
    name: 'Fjordmat AS',
    industry: 'food',
    location: '',
    description: '',
    color: '#123456',
    sizeBand: '',
  })
  const competenceId = addCompetence(doc, { id: 'cp-x' as CompetenceId, name: 'Stivelse' })
  return { doc, companyId, competenceId }
}

describe('competenceIndexStore', () => {
  it('keeps its index while nobody listens, until something in the map changes', () => {
    const { doc, companyId, competenceId } = fixture()
    const store = competenceIndexStore(doc)
    const stop = store.subscribe(() => {})
    const first = store.getSnapshot()
    expect(store.getSnapshot()).toBe(first)
    stop()
    // One view leaves and the next arrives: nothing changed, nothing is rebuilt.
    const again = store.subscribe(() => {})
    expect(store.getSnapshot()).toBe(first)
    again()

    // Changed while nobody listened: read again, it is rebuilt.
    setOfferLevel(doc, { ...edit, companyId, competenceId, level: 2 })
    const second = store.getSnapshot()
    expect(second).not.toBe(first)
    expect(second.cell(companyId, competenceId)?.offer).toBe(2)
  })

  it('tells listeners about changes to offers, the vocabulary and companies', () => {
    const { doc, companyId, competenceId } = fixture()
    const store = competenceIndexStore(doc)
    let calls = 0
    const stop = store.subscribe(() => calls++)
    store.getSnapshot()
    setOfferLevel(doc, { ...edit, companyId, competenceId, level: 1 })
    addCompetence(doc, { name: 'Lakk' })
    updateCompany(doc, companyId, { location: 'Nordvik' })
    expect(calls).toBe(3)
    expect(store.getSnapshot().companyById.get(companyId)?.location).toBe('Nordvik')
    expect(store.getSnapshot().competences.map((entry) => entry.name)).toEqual(['Lakk', 'Stivelse'])
    stop()
    // Unsubscribed listeners hear nothing more.
    setOfferLevel(doc, { ...edit, companyId, competenceId, level: 3 })
    expect(calls).toBe(3)
  })

  it('lets go of the document when it is destroyed', () => {
    const { doc, companyId, competenceId } = fixture()
    const store = competenceIndexStore(doc)
    let calls = 0
    store.subscribe(() => calls++)
    doc.destroy()
    setOfferLevel(doc, { ...edit, companyId, competenceId, level: 3 })
    expect(calls).toBe(0)
  })
})
