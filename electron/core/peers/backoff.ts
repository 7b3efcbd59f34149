/** Reconnect delays for peer links. */
export type BackoffOptions = {
  /** Delay before the first retry. */
  baseMs: number
  /** The delay never grows past this. */
  maxMs: number
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000 }

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
