import type { ComponentProps } from 'react'
import { preloadable } from '../lib/preloadable'
import type { MapScreen } from './MapScreen'

/**
 * The map screen (its views, company pages), loaded when the map is first opened or ahead of
 * that, when the map's sidebar shows (MapNav).
 */
export const mapScreen = preloadable<ComponentProps<typeof MapScreen>>(() =>
  import('./MapScreen').then((module) => ({ default: module.MapScreen })),
)
