import * as Y from 'yjs'
import { z } from 'zod'
import { randomId, type CompanyId, type CompetenceId } from '../ids'
import { removeCompanyCells } from './competence/cells'
import { removeCompanyMatches } from './competence/matchStatus'
import { COMMAND_ORIGIN, companiesMap, competencesMap, readString, recordToYMap } from './schema'

/**
 * The cluster's companies and the competence vocabulary's base record. A company is a Y.Map
 * in the root's `companies` map, keyed by its id; every field is last-writer-wins, so two
 * people editing different fields of one profile both keep theirs. The competence map
 * (offers, needs, merge, synonyms, matching) lives in ./competence/.
 */

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

/** Head-count bands, as business registers give them. '' is "not given". */
export const SIZE_BANDS = ['1-9', '10-49', '50-249', '250+'] as const
export type SizeBand = (typeof SIZE_BANDS)[number]

export function isSizeBand(value: unknown): value is SizeBand {
  return typeof value === 'string' && (SIZE_BANDS as readonly string[]).includes(value)
}

export const DEFAULT_COMPANY_COLOR = '#64748b'

/**
 * A company profile. There is no logo image: a company shows as its colour with its initials
 * (`companyInitials`), which needs no file storage and reads well at chip size.
 */
export type Company = {
  id: CompanyId
  name: string
  industry: Industry
  location: string
  description: string
  color: string
  /** '' when not given. */
  sizeBand: SizeBand | ''
  /** An http(s) address, or ''. */
  website: string
  contactPerson: string
  /** An e-mail address, or ''. */
  contactEmail: string
}

/** The profile fields beyond the original five; optional when creating a company. */
export type CompanyProfileExtras = Pick<
  Company,
  'sizeBand' | 'website' | 'contactPerson' | 'contactEmail'
>
export type CompanyInput = Omit<Company, 'id' | keyof CompanyProfileExtras> &
  Partial<CompanyProfileExtras> & { id?: CompanyId }
/** Fields `updateCompany` may change; each one is written on its own (field-wise LWW). */
export type CompanyPatch = Partial<Omit<Company, 'id'>>

export type Competence = {
  id: CompetenceId
  name: string
  category: string
}

export const MAX_COMPANY_NAME_LENGTH = 120
export const MAX_COMPANY_DESCRIPTION_LENGTH = 1_000

const oneLine = (max: number) =>
  z
    .string()
    .transform((value) => value.replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(max))

/** http(s) only; a bare domain ("vestplate.no") gets https:// in front. */
export const websiteSchema = z
  .string()
  .trim()
  .transform((value) =>
    value === '' || /^https?:\/\//i.test(value) ? value : `https://${value.replace(/^\/+/, '')}`,
  )
  .pipe(
    z.union([
      z.literal(''),
      z.string().regex(/^https?:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$/i, 'not a web address'),
    ]),
  )

export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'not a #rrggbb colour')

/** What a company's fields may hold; used by `updateCompany` and the CSV import. */
export const companyPatchSchema = z
  .object({
    name: oneLine(MAX_COMPANY_NAME_LENGTH).pipe(z.string().min(1, 'a company needs a name')),
    industry: z.enum(INDUSTRIES),
    location: oneLine(120),
    description: z.string().trim().pipe(z.string().max(MAX_COMPANY_DESCRIPTION_LENGTH)),
    color: colorSchema,
    sizeBand: z.union([z.enum(SIZE_BANDS), z.literal('')]),
    website: websiteSchema,
    contactPerson: oneLine(120),
    contactEmail: z
      .string()
      .trim()
      .pipe(z.union([z.literal(''), z.email('not an e-mail address')])),
  })
  .partial()

export function createCompany(doc: Y.Doc, input: CompanyInput): CompanyId {
  const id = input.id ?? (`co-${randomId(10)}` as CompanyId)
  doc.transact(() => {
    companiesMap(doc).set(id, recordToYMap({ ...input, id }))
  }, COMMAND_ORIGIN)
  return id
}

/**
 * Changes the given fields of a company, each as its own last-writer-wins value, so two
 * people editing different fields at once both keep their edit. Values are validated (and
 * cleaned: single spaces, a bare domain gets https://); throws a ZodError on a bad value and
 * writes nothing. Returns false when there is no such company.
 */
export function updateCompany(doc: Y.Doc, id: CompanyId, patch: CompanyPatch): boolean {
  const company = companiesMap(doc).get(id)
  if (!(company instanceof Y.Map)) return false
  const clean = companyPatchSchema.parse(patch)
  doc.transact(() => {
    for (const [key, value] of Object.entries(clean)) {
      if (value === undefined || company.get(key) === value) continue
      company.set(key, value)
    }
  }, COMMAND_ORIGIN)
  return true
}

/**
 * Deletes a company with its offers, needs and match statuses (they say something about
 * this company only). Notes keep their `companyId`; readers show it as an unknown company.
 * An offer another replica adds concurrently survives as an orphan that readers skip.
 */
export function deleteCompany(doc: Y.Doc, id: CompanyId): void {
  doc.transact(() => {
    companiesMap(doc).delete(id)
    removeCompanyCells(doc, id)
    removeCompanyMatches(doc, id)
  }, COMMAND_ORIGIN)
}

/** One or two letters for a company's badge: "Lien Møbelverk AS" → "LM". */
export function companyInitials(name: string): string {
  const words = name
    .replace(/\b(AS|ASA|SA|BA|DA|ANS|AB|Ltd|GmbH|Inc)\b\.?/g, '')
    .split(/[\s-]+/)
    .filter((word) => /\p{L}|\p{N}/u.test(word))
  const letters = words.slice(0, 2).map((word) => [...word][0] ?? '')
  return letters.join('').toLocaleUpperCase('nb')
}

export function readCompany(id: string, company: Y.Map<unknown>): Company {
  const industry = company.get('industry')
  const sizeBand = company.get('sizeBand')
  return {
    id: id as CompanyId,
    name: readString(company, 'name'),
    industry: isIndustry(industry) ? industry : 'other',
    location: readString(company, 'location'),
    description: readString(company, 'description'),
    color: readString(company, 'color', DEFAULT_COMPANY_COLOR),
    sizeBand: isSizeBand(sizeBand) ? sizeBand : '',
    website: readString(company, 'website'),
    contactPerson: readString(company, 'contactPerson'),
    contactEmail: readString(company, 'contactEmail'),
  }
}

export function getCompany(doc: Y.Doc, id: CompanyId): Company | undefined {
  const company = companiesMap(doc).get(id)
  return company instanceof Y.Map ? readCompany(id, company) : undefined
}

export function listCompanies(doc: Y.Doc): Company[] {
  const companies: Company[] = []
  companiesMap(doc).forEach((company, id) => {
    if (company instanceof Y.Map) companies.push(readCompany(id, company))
  })
  return companies.sort((a, b) => a.name.localeCompare(b.name, 'nb') || (a.id < b.id ? -1 : 1))
}

/**
 * Adds a competence with a name and a category (see ./competence/vocabulary.ts for labels
 * in two languages, synonyms and ESCO codes). Starts with an empty `synonyms` set, so adding
 * synonyms later never races to create it.
 */
export function createCompetence(
  doc: Y.Doc,
  input: Omit<Competence, 'id'> & { id?: CompetenceId },
): CompetenceId {
  const id = input.id ?? (`cp-${randomId(10)}` as CompetenceId)
  doc.transact(() => {
    const record = recordToYMap({ ...input, id })
    record.set('synonyms', new Y.Map<string>())
    competencesMap(doc).set(id, record)
  }, COMMAND_ORIGIN)
  return id
}

/**
 * The vocabulary by name. Competences merged into another (`mergedInto`) are left out: they
 * are tombstones that only redirect old references (./competence/vocabulary.ts).
 */
export function listCompetences(doc: Y.Doc): Competence[] {
  const competences: Competence[] = []
  competencesMap(doc).forEach((competence, id) => {
    if (!(competence instanceof Y.Map)) return
    if (typeof competence.get('mergedInto') === 'string') return
    competences.push({
      id: id as CompetenceId,
      name: readString(competence, 'name'),
      category: readString(competence, 'category'),
    })
  })
  return competences.sort((a, b) => a.name.localeCompare(b.name))
}
