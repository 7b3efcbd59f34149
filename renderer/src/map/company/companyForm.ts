import {
  companyPatchSchema,
  DEFAULT_COMPANY_COLOR,
  type Company,
  type CompanyInput,
  type CompanyPatch,
} from '../../../../shared/model/companies'

/**
 * The company profile form without React: what its fields hold, which of them a person
 * changed, and zod's verdict (`companyPatchSchema`) per field.
 *
 * Editing keeps only the fields a person touched (`CompanyEdits`); every other field shows the
 * live value from the document. Saving sends just the touched fields that differ from the live
 * value, so a field someone else changed meanwhile is never written back with the old value
 * (the model keeps each field last-writer-wins, see shared/model/companies.ts).
 */

export const COMPANY_FIELDS = [
  'name',
  'industry',
  'location',
  'sizeBand',
  'website',
  'contactPerson',
  'contactEmail',
  'description',
  'color',
] as const
export type CompanyField = (typeof COMPANY_FIELDS)[number]

/** The form's values: every field as the string its control holds. */
export type CompanyDraft = Record<CompanyField, string>
/** The fields a person changed, with what they typed. */
export type CompanyEdits = Partial<CompanyDraft>

/** Why a field was refused, for a translated message next to it. */
export type FieldProblem = 'required' | 'tooLong' | 'invalid'
export type FieldErrors = Partial<Record<CompanyField, FieldProblem>>

/**
 * Colours a company can take: deep enough for white initials on its badge, told apart from
 * each other in both themes. Names are translation keys.
 */
export const COMPANY_COLORS = [
  { name: 'amber', value: '#b45309' },
  { name: 'brown', value: '#92400e' },
  { name: 'green', value: '#15803d' },
  { name: 'lime', value: '#4d7c0f' },
  { name: 'teal', value: '#0e7490' },
  { name: 'blue', value: '#1d4ed8' },
  { name: 'violet', value: '#7c3aed' },
  { name: 'pink', value: '#be185d' },
  { name: 'red', value: '#b91c1c' },
  { name: 'slate', value: '#475569' },
] as const

export type CompanyColorName = (typeof COMPANY_COLORS)[number]['name']

/** A new company's first colour: the palette's next one after those already taken most. */
export function suggestColor(taken: readonly string[]): string {
  const counts = new Map<string, number>(COMPANY_COLORS.map(({ value }) => [value, 0]))
  for (const color of taken) {
    const key = color.toLowerCase()
    const count = counts.get(key)
    if (count !== undefined) counts.set(key, count + 1)
  }
  let best: string = COMPANY_COLORS[0].value
  for (const { value } of COMPANY_COLORS) {
    if ((counts.get(value) ?? 0) < (counts.get(best) ?? 0)) best = value
  }
  return best
}

export function draftOf(company: Company | undefined, color = DEFAULT_COMPANY_COLOR): CompanyDraft {
  return {
    name: company?.name ?? '',
    industry: company?.industry ?? 'other',
    location: company?.location ?? '',
    sizeBand: company?.sizeBand ?? '',
    website: company?.website ?? '',
    contactPerson: company?.contactPerson ?? '',
    contactEmail: company?.contactEmail ?? '',
    description: company?.description ?? '',
    color: company?.color ?? color,
  }
}

/** What the form shows: the person's edits over the live values. */
export function shownDraft(live: CompanyDraft, edits: CompanyEdits): CompanyDraft {
  return { ...live, ...edits }
}

/** The touched fields whose value differs from the live one: what saving writes. */
export function changedFields(live: CompanyDraft, edits: CompanyEdits): CompanyEdits {
  const changed: CompanyEdits = {}
  for (const field of COMPANY_FIELDS) {
    const value = edits[field]
    if (value !== undefined && value !== live[field]) changed[field] = value
  }
  return changed
}

export type CheckedPatch = { ok: true; patch: CompanyPatch } | { ok: false; errors: FieldErrors }

function isField(value: unknown): value is CompanyField {
  return typeof value === 'string' && (COMPANY_FIELDS as readonly string[]).includes(value)
}

/** Runs `companyPatchSchema` over the given fields; errors by field, the first per field. */
export function checkCompanyFields(fields: CompanyEdits): CheckedPatch {
  const parsed = companyPatchSchema.safeParse(fields)
  if (parsed.success) return { ok: true, patch: parsed.data }
  const errors: FieldErrors = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path[0]
    if (!isField(field) || errors[field] !== undefined) continue
    errors[field] =
      issue.code === 'too_small' ? 'required' : issue.code === 'too_big' ? 'tooLong' : 'invalid'
  }
  return { ok: false, errors }
}

/** A whole new company from the form, checked; `CompanyInput` for `createCompany`. */
export function checkNewCompany(
  draft: CompanyDraft,
): { ok: true; input: CompanyInput } | { ok: false; errors: FieldErrors } {
  const checked = checkCompanyFields(draft)
  if (!checked.ok) return checked
  const patch = checked.patch
  return {
    ok: true,
    input: {
      name: patch.name ?? '',
      industry: patch.industry ?? 'other',
      location: patch.location ?? '',
      description: patch.description ?? '',
      color: patch.color ?? DEFAULT_COMPANY_COLOR,
      sizeBand: patch.sizeBand ?? '',
      website: patch.website ?? '',
      contactPerson: patch.contactPerson ?? '',
      contactEmail: patch.contactEmail ?? '',
    },
  }
}
