import * as DropdownMenu from '@radix-ui/react-dropdown-menu'
import { Boxes } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  applyClusters,
  clusterStickies,
  type ClusterMode,
  type ClusterProposal,
} from '../../../../shared/model/board/cluster'
import { isStickyColor, type BoardItem } from '../../../../shared/model/board/items'
import { Button } from '../../ui/Button'
import { Dialog, DialogFooter } from '../../ui/Dialog'
import { MenuItem } from '../../ui/Menu'
import { Tooltip } from '../../ui/Tooltip'
import type { ToolContext } from './toolContext'
import { Swatch } from './toolbarParts'

/**
 * "Cluster by colour / author / shared words": the proposal is shown first (groups and their
 * sizes), and only "Make N frames" lays the stickies out — one command, one undo step. It
 * works on the selected stickies, or on all the stickies I see when none is selected.
 */

const TITLES = {
  color: 'boardTools.cluster.titleColor',
  author: 'boardTools.cluster.titleAuthor',
  text: 'boardTools.cluster.titleText',
} as const

function stickiesToCluster(ctx: ToolContext): BoardItem[] {
  const { scene } = ctx.runtime
  const selected = [...ctx.state().selection].flatMap((id) => {
    const item = scene.get(id)
    return item?.kind === 'sticky' ? [item] : []
  })
  return selected.length > 0 ? selected : scene.all().filter((item) => item.kind === 'sticky')
}

export function ClusterMenu({
  ctx,
  side,
  label,
}: {
  ctx: ToolContext
  side: 'right' | 'top'
  label: string
}) {
  const { t } = useTranslation()
  const [proposal, setProposal] = useState<
    { mode: ClusterMode; stickies: number; groups: ClusterProposal[] } | undefined
  >()
  const propose = (mode: ClusterMode): void => {
    const stickies = stickiesToCluster(ctx)
    setProposal({ mode, stickies: stickies.length, groups: clusterStickies(stickies, mode) })
  }
  /** A group's name as shown, and as the title of its frame (colours in my language). */
  const nameOf = (mode: ClusterMode, group: ClusterProposal): string =>
    mode === 'color' && isStickyColor(group.label)
      ? t(`boardTools.colors.${group.label}`)
      : group.label || t('boardTools.cluster.unnamed')
  const apply = (): void => {
    if (proposal === undefined) return
    const { doc, actor } = ctx.runtime
    const named = proposal.groups.map((group) => ({
      ...group,
      label: nameOf(proposal.mode, group),
    }))
    const frames = ctx.command(() => applyClusters(doc, named, { actor, now: ctx.now() }))
    ctx.select(frames)
    setProposal(undefined)
  }
  return (
    <>
      <DropdownMenu.Root modal={false}>
        <Tooltip side={side} content={label}>
          <DropdownMenu.Trigger asChild>
            <button
              type="button"
              className="icon-button"
              aria-label={label}
              data-testid="board-cluster"
              onMouseDown={(event) => event.preventDefault()}
            >
              <Boxes size={18} aria-hidden />
            </button>
          </DropdownMenu.Trigger>
        </Tooltip>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" side={side} sideOffset={8} collisionPadding={8}>
            <MenuItem onSelect={() => propose('color')}>{t('boardTools.cluster.byColor')}</MenuItem>
            <MenuItem onSelect={() => propose('author')}>
              {t('boardTools.cluster.byAuthor')}
            </MenuItem>
            <MenuItem onSelect={() => propose('text')}>{t('boardTools.cluster.byText')}</MenuItem>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <Dialog
        open={proposal !== undefined}
        onOpenChange={(open) => {
          if (!open) setProposal(undefined)
        }}
        title={proposal === undefined ? '' : t(TITLES[proposal.mode])}
        description={t('boardTools.cluster.description', { count: proposal?.stickies ?? 0 })}
        testId="board-cluster-dialog"
      >
        {proposal !== undefined && proposal.groups.length === 0 && (
          <p className="board-cluster-none">{t('boardTools.cluster.none')}</p>
        )}
        {proposal !== undefined && proposal.groups.length > 0 && (
          <ul className="board-cluster-list">
            {proposal.groups.map((group) => (
              <li key={group.members[0]} className="board-cluster-group">
                {proposal.mode === 'color' && <Swatch color={group.label} />}
                <span className="board-cluster-label">{nameOf(proposal.mode, group)}</span>
                <span className="board-cluster-count">
                  {t('boardTools.cluster.group', { count: group.members.length })}
                </span>
              </li>
            ))}
          </ul>
        )}
        <DialogFooter>
          <Button variant="ghost" onClick={() => setProposal(undefined)}>
            {t('common.cancel')}
          </Button>
          <Button
            variant="primary"
            disabled={proposal === undefined || proposal.groups.length === 0}
            onClick={apply}
            data-testid="board-cluster-apply"
          >
            {t('boardTools.cluster.apply', { count: proposal?.groups.length ?? 0 })}
          </Button>
        </DialogFooter>
      </Dialog>
    </>
  )
}
