import * as Y from 'yjs'
import { randomId, type CompanyId, type CompetenceId } from '../ids'
import { COMMAND_ORIGIN, companiesMap, competencesMap, readString, recordToYMap } from './schema'

/** Industries of the cluster's members. Keys are stable; labels live in translations. */
export const INDUSTRIES = [
  'furniture',
  'food',
  'wood-panels',
  'chains',
  'packaging',
  'construction',
  'innovation',
  'university',
  'other',
] as const
export type Industry = (typeof INDUSTRIES)[number]

export function isIndustry(value: unknown): value is Industry {
  return typeof value === 'string' && (INDUSTRIES as readonly string[]).includes(value)
}

export type Company = {
  id: CompanyId
  name: string
  industry: Industry
  location: string
  description: string
  color: string
}

export type Competence = {
  id: CompetenceId
  name: string
  category: string
}

export function createCompany(
  doc: Y.Doc,
  input: Omit<Company, 'id'> & { id?: CompanyId },
): CompanyId {
  const id = input.id ?? (`co-${randomId(10)}` as CompanyId)
  doc.transact(() => {
    companiesMap(doc).set(id, recordToYMap({ ...input, id }))
  }, COMMAND_ORIGIN)
  return id
}

export function listCompanies(doc: Y.Doc): Company[] {
  const companies: Company[] = []
  companiesMap(doc).forEach((company, id) => {
    if (!(company instanceof Y.Map)) return
    const industry = company.get('industry')
    companies.push({
      id: id as CompanyId,
      name: readString(company, 'name'),
      industry: isIndustry(industry) ? industry : 'other',
      location: readString(company, 'location'),
      description: readString(company, 'description'),
      color: readString(company, 'color', '#64748b'),
    })
  })
  return companies.sort((a, b) => a.name.localeCompare(b.name))
}

export function createCompetence(
  doc: Y.Doc,
  input: Omit<Competence, 'id'> & { id?: CompetenceId },
): CompetenceId {
  const id = input.id ?? (`cp-${randomId(10)}` as CompetenceId)
  doc.transact(() => {
    competencesMap(doc).set(id, recordToYMap({ ...input, id }))
  }, COMMAND_ORIGIN)
  return id
}

export function listCompetences(doc: Y.Doc): Competence[] {
  const competences: Competence[] = []
  competencesMap(doc).forEach((competence, id) => {
    if (!(competence instanceof Y.Map)) return
    competences.push({
      id: id as CompetenceId,
      name: readString(competence, 'name'),
      category: readString(competence, 'category'),
    })
  })
  return competences.sort((a, b) => a.name.localeCompare(b.name))
}
