import {
  Frame,
  Hand,
  ImagePlus,
  MousePointer2,
  MoveUpRight,
  Redo2,
  StickyNote,
  Type,
  Undo2,
  Vote,
} from 'lucide-react'
import { useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { NOTE_IMAGE_TYPES } from '../../../../shared/model/noteFiles'
import type { BoardRuntime } from '../boardRuntime'
import type { BoardTool } from '../state/interaction'
import { boardPictureDecoder } from '../canvas/imageCache'
import { ClusterMenu } from './ClusterMenu'
import { ImageNotice } from './ImageNotice'
import { imageNotices, insertImages } from './insertImages'
import { SelectionBar } from './SelectionBar'
import { colorSelection, redo, undo } from './selectionActions'
import type { ToolContext, ToolRuntime } from './toolContext'
import {
  BarButton,
  ColorPicker,
  useRuntimeStore,
  useSelected,
  useStore,
  useToolContext,
} from './toolbarParts'
import { sessionFactsStore, undoStateStore } from './toolbarStores'
import { toolSettings } from './toolSettings'

/**
 * The board's tool bar: a rail at the left edge of the canvas (tools, the colour of the next
 * sticky, undo/redo, cluster), and the bar over the selection. Nothing shows while presenting
 * or for a view-only guest: they only look around (select, pan and zoom need no buttons).
 *
 * Buttons write through the same actions as the keys (selectionActions.ts), so a click and a
 * shortcut are the same undo step. The tool goes through the interaction store, which the
 * canvas's controller reads at every press.
 */

const TOOLS: readonly { tool: BoardTool; shortcut: string; icon: ReactNode }[] = [
  { tool: 'select', shortcut: 'V', icon: <MousePointer2 size={18} aria-hidden /> },
  { tool: 'hand', shortcut: 'H', icon: <Hand size={18} aria-hidden /> },
  { tool: 'sticky', shortcut: 'S', icon: <StickyNote size={18} aria-hidden /> },
  { tool: 'text', shortcut: 'T', icon: <Type size={18} aria-hidden /> },
  { tool: 'frame', shortcut: 'F', icon: <Frame size={18} aria-hidden /> },
  { tool: 'connector', shortcut: 'C', icon: <MoveUpRight size={18} aria-hidden /> },
]

const sessionFacts = (runtime: ToolRuntime) => sessionFactsStore(runtime.doc, runtime.actor.id)
const undoState = (runtime: ToolRuntime) => undoStateStore(runtime.undo)

function ToolRail({ runtime, ctx }: { runtime: ToolRuntime; ctx: ToolContext }) {
  const { t } = useTranslation()
  const tool = useSelected(runtime.interaction, (state) => state.tool)
  const { votingOpen } = useRuntimeStore(runtime, sessionFacts)
  const { canUndo, canRedo } = useRuntimeStore(runtime, undoState)
  const nextColor = useStore(toolSettings(runtime).stickyColor)
  const anySelected = useSelected(runtime.interaction, (state) => state.selection.size > 0)
  const choose = (next: BoardTool): void => {
    runtime.interaction.update({ tool: next })
  }
  return (
    <div
      className="board-toolbar"
      role="toolbar"
      aria-orientation="vertical"
      aria-label={t('boardTools.toolbarLabel')}
      data-testid="board-toolbar"
    >
      {TOOLS.map(({ tool: each, shortcut, icon }) => (
        <BarButton
          key={each}
          side="right"
          label={t(`boardTools.tool.${each}`)}
          shortcut={shortcut}
          active={tool === each}
          onClick={() => choose(each)}
          testId={`board-tool-${each}`}
        >
          {icon}
        </BarButton>
      ))}
      <ImageButton ctx={ctx} />
      {votingOpen && (
        <BarButton
          side="right"
          label={`${t('boardTools.tool.vote')} — ${t('boardTools.voteHint')}`}
          active={tool === 'vote'}
          onClick={() => choose(tool === 'vote' ? 'select' : 'vote')}
          testId="board-tool-vote"
        >
          <Vote size={18} aria-hidden />
        </BarButton>
      )}
      <span className="board-toolbar-separator" aria-hidden />
      <ColorPicker
        label={t('boardTools.nextColor')}
        current={nextColor}
        side="right"
        onPick={(color) => colorSelection(ctx, color)}
        testId="board-next-color"
      />
      <ClusterMenu
        ctx={ctx}
        side="right"
        label={anySelected ? t('boardTools.cluster.menu') : t('boardTools.cluster.menuAll')}
      />
      <span className="board-toolbar-separator" aria-hidden />
      <BarButton
        side="right"
        label={t('boardTools.undo')}
        shortcut="mod+Z"
        disabled={!canUndo}
        onClick={() => undo(ctx)}
        testId="board-undo"
      >
        <Undo2 size={18} aria-hidden />
      </BarButton>
      <BarButton
        side="right"
        label={t('boardTools.redo')}
        shortcut="mod+shift+Z"
        disabled={!canRedo}
        onClick={() => redo(ctx)}
        testId="board-redo"
      >
        <Redo2 size={18} aria-hidden />
      </BarButton>
    </div>
  )
}

/**
 * "Image": the system's file picker; the chosen pictures go in the middle of the view. A
 * refusal (too large, not a picture) is said by the image notice.
 */
function ImageButton({ ctx }: { ctx: ToolContext }) {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  const add = (files: File[]): void => {
    const { runtime } = ctx
    void insertImages(ctx, files, { pictures: boardPictureDecoder(runtime.doc) }).then((result) =>
      imageNotices(runtime).report(result),
    )
  }
  return (
    <>
      <BarButton
        side="right"
        label={t('boardCanvas.kind.image')}
        onClick={() => input.current?.click()}
        testId="board-tool-image"
      >
        <ImagePlus size={18} aria-hidden />
      </BarButton>
      <input
        ref={input}
        type="file"
        accept={NOTE_IMAGE_TYPES.join(',')}
        multiple
        hidden
        aria-label={t('blocks.imagePickerLabel')}
        data-testid="board-image-input"
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])]
          // The same file chosen again must fire a change again.
          event.currentTarget.value = ''
          add(files)
        }}
      />
    </>
  )
}

/** The board's tool bar (select, hand, sticky, text, frame, connector, image) and undo/redo. */
export function BoardToolbar({ runtime }: { runtime: BoardRuntime }) {
  const viewOnly = useStore(runtime.viewOnly)
  const presenting = useStore(runtime.presenting)
  const ctx = useToolContext(runtime)
  if (viewOnly || presenting) return null
  return (
    <>
      <ToolRail runtime={runtime} ctx={ctx} />
      <SelectionBar runtime={runtime} ctx={ctx} />
      <ImageNotice runtime={runtime} />
    </>
  )
}
