import { PROFILE_COLORS, profileSchema, type Profile } from '../../../shared/hostApi'

/** Names of PROFILE_COLORS, in order, as translation keys under `settings.colors`. */
export const PROFILE_COLOR_NAMES = [
  'rose',
  'orange',
  'amber',
  'green',
  'cyan',
  'blue',
  'violet',
  'fuchsia',
] as const satisfies readonly string[] & { length: (typeof PROFILE_COLORS)['length'] }

export type ProfileDraft = { name: string; company: string; color: string }

export function randomProfileColor(): string {
  const index = crypto.getRandomValues(new Uint8Array(1))[0] ?? 0
  return PROFILE_COLORS[index % PROFILE_COLORS.length] as string
}

export function draftFromProfile(profile: Profile | null): ProfileDraft {
  return profile ?? { name: '', company: '', color: randomProfileColor() }
}

/** The profile a draft describes, or undefined while it is not valid (e.g. no name). */
export function profileFromDraft(draft: ProfileDraft): Profile | undefined {
  const parsed = profileSchema.safeParse({
    name: draft.name.trim(),
    company: draft.company.trim(),
    color: draft.color,
  })
  return parsed.success ? parsed.data : undefined
}
