import type { TFunction } from 'i18next'
import { useEffect, type RefObject } from 'react'
import type { ItemId } from '../../../../shared/ids'
import type { ExternalStore } from '../../lib/externalStore'
import type { BoardRuntime } from '../boardRuntime'
import { describeItem } from './describeItem'
import type { VoteBadge } from './drawOverlay'

/**
 * Says what is selected in a polite live region ("Sticky by Ada: «text», 3 votes, locked"),
 * written straight into the element when the sentence changes — Tab through the items and
 * each is read out. Quiet while text is being edited (the editor speaks for itself).
 */
export function useSelectionAnnouncer(input: {
  runtime: BoardRuntime
  liveRef: RefObject<HTMLDivElement | null>
  votes: ExternalStore<ReadonlyMap<ItemId, VoteBadge>>
  t: TFunction
}): void {
  const { runtime, liveRef, votes, t } = input
  useEffect(() => {
    const { scene, interaction } = runtime
    let said = ''
    const sentence = (): string => {
      const { selection } = interaction.getSnapshot()
      if (selection.size === 0) return ''
      if (selection.size > 1) return t('boardCanvas.describe.selected', { count: selection.size })
      const [id] = selection
      const item = id === undefined ? undefined : scene.get(id)
      if (item === undefined) return ''
      return describeItem(item, t, {
        votes: votes.getSnapshot().get(item.id),
        from: item.from === undefined ? undefined : scene.get(item.from),
        to: item.to === undefined ? undefined : scene.get(item.to),
      })
    }
    const update = (): void => {
      if (interaction.getSnapshot().editing !== undefined) return
      const next = sentence()
      if (next === said || liveRef.current === null) return
      said = next
      liveRef.current.textContent = next
    }
    update()
    const stops = [interaction.subscribe(update), scene.subscribe(update), votes.subscribe(update)]
    return () => {
      for (const stop of stops) stop()
    }
  }, [runtime, liveRef, votes, t])
}
