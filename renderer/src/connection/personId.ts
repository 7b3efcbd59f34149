import { readStoredJson, writeStoredJson } from '../lib/browserStorage'

const PERSON_KEY = 'kryss.person'
const PERSON_ID = /^person-[a-z0-9]{16}$/

let cached: string | undefined

/**
 * A stable id for the person at this app or browser, made once and kept with the profile's
 * other local state. Boards check roles (facilitator) and vote budgets against it, so a
 * reload or a renamed profile keeps one's votes and role. It is per device: the same person
 * on a phone and a laptop counts as two (a signed identity is for later).
 */
export function personId(): string {
  if (cached !== undefined) return cached
  const stored = readStoredJson('local', PERSON_KEY)
  if (typeof stored === 'string' && PERSON_ID.test(stored)) return (cached = stored)
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
  const id = `person-${Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('')}`
  writeStoredJson('local', PERSON_KEY, id)
  return (cached = id)
}
