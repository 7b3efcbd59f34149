import {
  DEFAULT_SETTINGS,
  profileSchema,
  settingsSchema,
  type Profile,
  type Settings,
} from '../../../shared/hostApi'
import { readStoredJson, writeStoredJson } from '../lib/browserStorage'

const PROFILE_KEY = 'kryss.profile'
const SETTINGS_KEY = 'kryss.settings'

/** Profile and settings of a browser guest, kept in this browser only. */
export function readLocalProfile(): Profile | null {
  const parsed = profileSchema.safeParse(readStoredJson('local', PROFILE_KEY))
  return parsed.success ? parsed.data : null
}

export function writeLocalProfile(profile: Profile): void {
  writeStoredJson('local', PROFILE_KEY, profileSchema.parse(profile))
}

export function readLocalSettings(): Settings {
  const parsed = settingsSchema.safeParse(readStoredJson('local', SETTINGS_KEY))
  return parsed.success ? parsed.data : DEFAULT_SETTINGS
}

export function writeLocalSettings(settings: Settings): void {
  writeStoredJson('local', SETTINGS_KEY, settingsSchema.parse(settings))
}
