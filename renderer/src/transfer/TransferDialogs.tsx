import { useSyncExternalStore } from 'react'
import type { HostSession } from '../connection/hostSession'
import { ExportDialog } from './ExportDialog'
import { ImportDialog } from './ImportDialog'
import { transferDialog } from './transferDialogs'

/** The open transfer dialog, if any; mounted once beside the workspace list. */
export function TransferDialogs({ session }: { session: HostSession }) {
  const open = useSyncExternalStore(transferDialog.subscribe, transferDialog.getSnapshot)
  if (open === undefined || !session.canManageWorkspaces) return null
  const target = session.syncTarget(open.id)
  if (target === undefined) return null
  const close = (): void => transferDialog.set(undefined)
  return open.kind === 'export' ? (
    <ExportDialog
      key={`export-${open.id}`}
      target={target}
      id={open.id}
      name={open.name}
      desktop={session.surface === 'desktop'}
      onClose={close}
    />
  ) : (
    <ImportDialog
      key={`import-${open.id}`}
      target={target}
      id={open.id}
      name={open.name}
      onClose={close}
    />
  )
}
