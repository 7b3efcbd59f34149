import { DEFAULT_STICKY_COLOR, type StickyColor } from '../../../../shared/model/board/items'
import { createValueStore, type ValueStore } from '../../lib/externalStore'
import type { ToolRuntime } from './toolContext'

/**
 * Choices the tool bar makes for the tools: the colour the next sticky gets (the last one
 * picked). Kept per open board beside its interaction store, because the tool bar and the
 * canvas's controller share the runtime but not each other.
 */
export type ToolSettings = { stickyColor: ValueStore<StickyColor> }

const settings = new WeakMap<object, ToolSettings>()

export function toolSettings(runtime: Pick<ToolRuntime, 'interaction'>): ToolSettings {
  let found = settings.get(runtime.interaction)
  if (found === undefined) {
    found = { stickyColor: createValueStore<StickyColor>(DEFAULT_STICKY_COLOR) }
    settings.set(runtime.interaction, found)
  }
  return found
}
