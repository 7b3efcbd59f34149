/** Reconnect delays for peer links. */
export type BackoffOptions = {
  /** Delay before the first retry. */
  baseMs: number
  /** The delay never grows past this. */
  maxMs: number
}

/**
 * At most 10 s (5–10 with jitter) between attempts: when the Wi-Fi comes back or a hub has
 * restarted, its peers are linked again within seconds, not half a minute; a knock every few
 * seconds on a host that is down costs nothing worth saving.
 */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 10_000 }

/**
 * Exponential backoff with jitter: `min(max, base · 2^attempt)`, scaled by a random factor in
 * [0.5, 1) so that hosts which lost a hub together do not all knock again at the same moment.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number,
): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt, 30))
  return Math.round(ceiling * (0.5 + random() / 2))
}
