import type { WorkspaceId } from '../../../shared/ids'
import { createValueStore } from '../lib/externalStore'

/**
 * Which transfer dialog is open. A store of its own because the menu that opens a dialog
 * unmounts as soon as an item is chosen; the dialogs are mounted once, beside the list.
 */
export type TransferDialog =
  | { kind: 'export'; id: WorkspaceId; name: string }
  | { kind: 'import'; id: WorkspaceId; name: string }
  | undefined

export const transferDialog = createValueStore<TransferDialog>(undefined)
