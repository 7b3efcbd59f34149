import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkspaceId } from '../../../shared/ids'
import { decodeInviteLink } from '../../../shared/invite'
import { Button } from '../ui/Button'
import { Dialog, DialogFooter } from '../ui/Dialog'
import { TextField } from '../ui/TextField'

/**
 * "Join with invite link" for the owner: the pasted link is checked here first, so its faults
 * are worded in the UI language; what only the host can find out (e.g. a full disk) comes in
 * the host's words.
 */
export function JoinWorkspaceDialog({
  open,
  onOpenChange,
  onJoin,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Joins and resolves with the workspace's id once the host has registered it. */
  onJoin: (invite: string) => Promise<WorkspaceId>
}) {
  const { t } = useTranslation()
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('peers.joinTitle')}
      description={t('peers.joinDescription')}
      testId="join-dialog"
    >
      <JoinForm onCancel={() => onOpenChange(false)} onJoin={onJoin} />
    </Dialog>
  )
}

function JoinForm({
  onCancel,
  onJoin,
}: {
  onCancel: () => void
  onJoin: (invite: string) => Promise<WorkspaceId>
}) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | undefined>()

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const decoded = decodeInviteLink(text)
    if (!decoded.ok) {
      setFailure(t(`connection.inviteError.${decoded.error}`))
      return
    }
    setBusy(true)
    setFailure(undefined)
    onJoin(text.trim()).catch((error: unknown) => {
      setBusy(false)
      setFailure(
        t('common.failed', { message: error instanceof Error ? error.message : String(error) }),
      )
    })
  }

  return (
    <form onSubmit={submit} noValidate>
      <TextField
        label={t('peers.joinLabel')}
        value={text}
        placeholder={t('connection.pastePlaceholder')}
        onChange={(event) => {
          setText(event.target.value)
          setFailure(undefined)
        }}
        autoFocus
        spellCheck={false}
        autoComplete="off"
        error={failure}
        data-testid="join-link"
      />
      <DialogFooter>
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button
          type="submit"
          variant="primary"
          disabled={text.trim() === '' || busy}
          data-testid="join-submit"
        >
          {t('peers.joinSubmit')}
        </Button>
      </DialogFooter>
    </form>
  )
}
