import type { Profile, Settings } from '../../../shared/hostApi'
import type { HostSession, Preferences } from '../connection/hostSession'
import { createValueStore, type ExternalStore } from '../lib/externalStore'

export type PreferencesStore = ExternalStore<Preferences> & {
  saveProfile(profile: Profile): Promise<void>
  saveSettings(settings: Settings): Promise<void>
}

/**
 * The user's profile and settings, saved through the session (host API for the owner,
 * localStorage for a guest). Settings apply at once and roll back if saving fails; the profile
 * is shown to others only after it was saved.
 */
export function createPreferencesStore(
  session: HostSession,
  initial: Preferences,
): PreferencesStore {
  const store = createValueStore(initial)
  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    async saveProfile(profile) {
      await session.saveProfile(profile)
      store.set({ ...store.getSnapshot(), profile })
    },
    async saveSettings(settings) {
      const previous = store.getSnapshot()
      store.set({ ...previous, settings })
      try {
        await session.saveSettings(settings)
      } catch (error) {
        if (store.getSnapshot().settings === settings) store.set(previous)
        throw error
      }
    },
  }
}
