import * as DropdownMenu from '@radix-ui/react-dropdown-menu'
import {
  AlignCenterHorizontal,
  AlignCenterVertical,
  AlignEndHorizontal,
  AlignEndVertical,
  AlignHorizontalDistributeCenter,
  AlignStartHorizontal,
  AlignStartVertical,
  AlignVerticalDistributeCenter,
  BringToFront,
  Copy,
  Group,
  Lock,
  LockOpen,
  SendToBack,
  Trash2,
} from 'lucide-react'
import { useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { ItemId } from '../../../../shared/ids'
import {
  alignItems,
  bringToFront,
  distributeItems,
  sendToBack,
  type Alignment,
} from '../../../../shared/model/board/arrange'
import { groupIntoFrame, lockItems, unlockItems } from '../../../../shared/model/board/commands'
import type { Rect } from '../../../../shared/model/board/items'
import { MenuItem, MenuSeparator } from '../../ui/Menu'
import { Tooltip } from '../../ui/Tooltip'
import { worldToScreen } from '../state/camera'
import { ClusterMenu } from './ClusterMenu'
import { colorSelection, deleteSelection, duplicateSelection } from './selectionActions'
import type { ToolContext, ToolRuntime } from './toolContext'
import { BarButton, ColorPicker, useRuntimeStore } from './toolbarParts'
import {
  selectionBarPlacement,
  selectionBounds,
  selectionSummaryStore,
  sessionFactsStore,
} from './toolbarStores'

/**
 * The bar that floats above the selection: colour, duplicate, delete, stacking, align and
 * distribute, group into a frame, cluster, lock. It re-renders when the selection or what
 * it may do changes; following the camera only moves it (its transform, once per frame at
 * most), so a pan re-renders nothing.
 */

const ALIGNMENTS: readonly { alignment: Alignment; icon: ReactNode }[] = [
  { alignment: 'left', icon: <AlignStartVertical size={16} aria-hidden /> },
  { alignment: 'center', icon: <AlignCenterVertical size={16} aria-hidden /> },
  { alignment: 'right', icon: <AlignEndVertical size={16} aria-hidden /> },
  { alignment: 'top', icon: <AlignStartHorizontal size={16} aria-hidden /> },
  { alignment: 'middle', icon: <AlignCenterHorizontal size={16} aria-hidden /> },
  { alignment: 'bottom', icon: <AlignEndHorizontal size={16} aria-hidden /> },
]

const sessionFacts = (runtime: ToolRuntime) => sessionFactsStore(runtime.doc, runtime.actor.id)

/** Keeps the bar over the selection as the camera, the canvas or the items move. */
function useFollowSelection(
  runtime: ToolRuntime,
  shown: boolean,
  selection: ReadonlySet<ItemId>,
): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    const element = ref.current
    if (!shown || element === null) return
    let frame = 0
    let cached: { version: number; bounds: Rect | undefined } | undefined
    const place = (): void => {
      frame = 0
      const version = runtime.scene.version
      if (cached?.version !== version) cached = { version, bounds: selectionBounds(runtime) }
      const { bounds } = cached
      const camera = runtime.camera.getSnapshot()
      const topLeft = bounds === undefined ? undefined : worldToScreen(camera, bounds)
      const at =
        bounds === undefined || topLeft === undefined
          ? undefined
          : selectionBarPlacement(
              { ...topLeft, w: bounds.w * camera.zoom, h: bounds.h * camera.zoom },
              { width: element.offsetWidth, height: element.offsetHeight },
              runtime.size.getSnapshot(),
            )
      element.style.visibility = at === undefined ? 'hidden' : 'visible'
      if (at !== undefined) {
        element.style.transform = `translate(${Math.round(at.x)}px, ${Math.round(at.y)}px)`
      }
    }
    const schedule = (): void => {
      if (frame === 0) frame = requestAnimationFrame(place)
    }
    // Placed before the first paint, so it never shows at the corner for a frame.
    place()
    // Its own width changes with what it offers (a lock becomes an unlock): stay centred.
    const resize = new ResizeObserver(schedule)
    resize.observe(element)
    const stops = [
      runtime.camera.subscribe(schedule),
      runtime.size.subscribe(schedule),
      runtime.scene.subscribe(schedule),
      () => resize.disconnect(),
    ]
    return () => {
      for (const stop of stops) stop()
      if (frame !== 0) cancelAnimationFrame(frame)
    }
  }, [runtime, shown, selection])
  return ref
}

export function SelectionBar({ runtime, ctx }: { runtime: ToolRuntime; ctx: ToolContext }) {
  const { t } = useTranslation()
  const summary = useRuntimeStore(runtime, selectionSummaryStore)
  const { facilitator } = useRuntimeStore(runtime, sessionFacts)
  const shown = summary.count > 0 && !summary.busy
  const ref = useFollowSelection(runtime, shown, summary.selection)
  if (!shown) return null

  const { doc, actor } = runtime
  const ids = (): ItemId[] => [...ctx.state().selection]
  const run = (command: (ids: ItemId[]) => void) => () => ctx.command(() => command(ids()))
  const unlocked = summary.unlocked > 0

  return (
    <div
      ref={ref}
      className="board-selection-bar"
      role="toolbar"
      aria-label={t('boardTools.selection.label')}
      data-testid="board-selection-bar"
    >
      {summary.count > 1 && (
        <span className="board-selection-count" aria-live="polite">
          {t('boardTools.selection.count', { count: summary.count })}
        </span>
      )}
      {summary.stickies > 0 && unlocked && (
        <ColorPicker
          label={t('boardTools.colorOfSelected')}
          current={summary.stickyColor}
          side="top"
          onPick={(color) => colorSelection(ctx, color)}
          testId="board-selection-color"
        />
      )}
      <BarButton
        side="top"
        label={t('boardTools.selection.duplicate')}
        shortcut="mod+D"
        onClick={() => duplicateSelection(ctx)}
        testId="board-duplicate"
      >
        <Copy size={16} aria-hidden />
      </BarButton>
      {unlocked && (
        <BarButton
          side="top"
          label={t('boardTools.selection.delete')}
          shortcut="Delete"
          onClick={() => deleteSelection(ctx)}
          testId="board-delete"
        >
          <Trash2 size={16} aria-hidden />
        </BarButton>
      )}
      <span className="toolbar-separator" aria-hidden />
      <BarButton
        side="top"
        label={t('boardTools.selection.bringToFront')}
        onClick={run((selected) => bringToFront(doc, selected))}
        testId="board-front"
      >
        <BringToFront size={16} aria-hidden />
      </BarButton>
      <BarButton
        side="top"
        label={t('boardTools.selection.sendToBack')}
        onClick={run((selected) => sendToBack(doc, selected))}
        testId="board-back"
      >
        <SendToBack size={16} aria-hidden />
      </BarButton>
      {summary.arrangeable >= 2 && (
        <DropdownMenu.Root modal={false}>
          <Tooltip side="top" content={t('boardTools.selection.arrange')}>
            <DropdownMenu.Trigger asChild>
              <button
                type="button"
                className="icon-button"
                aria-label={t('boardTools.selection.arrange')}
                data-testid="board-arrange"
                onMouseDown={(event) => event.preventDefault()}
              >
                <AlignStartVertical size={16} aria-hidden />
              </button>
            </DropdownMenu.Trigger>
          </Tooltip>
          <DropdownMenu.Portal>
            <DropdownMenu.Content className="menu" side="top" sideOffset={8} collisionPadding={8}>
              {ALIGNMENTS.map(({ alignment, icon }) => (
                <MenuItem
                  key={alignment}
                  icon={icon}
                  onSelect={run((selected) => alignItems(doc, selected, alignment))}
                >
                  {t(`boardTools.align.${alignment}`)}
                </MenuItem>
              ))}
              {summary.arrangeable >= 3 && (
                <>
                  <MenuSeparator />
                  <MenuItem
                    icon={<AlignHorizontalDistributeCenter size={16} aria-hidden />}
                    onSelect={run((selected) => distributeItems(doc, selected, 'horizontal'))}
                  >
                    {t('boardTools.align.distributeHorizontal')}
                  </MenuItem>
                  <MenuItem
                    icon={<AlignVerticalDistributeCenter size={16} aria-hidden />}
                    onSelect={run((selected) => distributeItems(doc, selected, 'vertical'))}
                  >
                    {t('boardTools.align.distributeVertical')}
                  </MenuItem>
                </>
              )}
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      )}
      {summary.arrangeable >= 1 && (
        <BarButton
          side="top"
          label={t('boardTools.selection.group')}
          onClick={() => {
            const frame = ctx.command(() =>
              groupIntoFrame(doc, ids(), {
                actor,
                now: ctx.now(),
                title: t('boardTools.selection.groupTitle'),
              }),
            )
            if (frame !== undefined) ctx.select([frame])
          }}
          testId="board-group"
        >
          <Group size={16} aria-hidden />
        </BarButton>
      )}
      {summary.stickies >= 2 && (
        <ClusterMenu ctx={ctx} side="top" label={t('boardTools.cluster.menu')} />
      )}
      {(unlocked || (summary.locked > 0 && facilitator)) && (
        <span className="toolbar-separator" aria-hidden />
      )}
      {unlocked && (
        <BarButton
          side="top"
          label={t('boardTools.selection.lock')}
          onClick={run((selected) => lockItems(doc, selected))}
          testId="board-lock"
        >
          <Lock size={16} aria-hidden />
        </BarButton>
      )}
      {summary.locked > 0 && facilitator && (
        <BarButton
          side="top"
          label={t('boardTools.selection.unlock')}
          onClick={run((selected) => unlockItems(doc, actor, selected))}
          testId="board-unlock"
        >
          <LockOpen size={16} aria-hidden />
        </BarButton>
      )}
    </div>
  )
}
