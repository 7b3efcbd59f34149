import type { nb } from './nb'

/** Turns the literal types of `as const` strings into `string`, keeping the key structure. */
export type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }

/**
 * The shape every language must have, derived from Norwegian (the first language). A
 * translation typed as `Messages` fails to compile when it misses a key or adds one.
 */
export type Messages = Widen<typeof nb>
