import { Check, Copy, Maximize2, Minimize2, RefreshCw, UserPlus, Wifi } from 'lucide-react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HostingStatus } from '../../../shared/hostApi'
import type { WorkspaceId } from '../../../shared/ids'
import type { SharingControls } from '../connection/hostSession'
import { Button } from '../ui/Button'
import { Dialog } from '../ui/Dialog'
import { QrCode } from './QrCode'
import { isReachableFromOthers } from './reachable'
import { useViewOnlyInvite, ViewOnlySwitch } from './ViewOnlySwitch'
import { SwitchRow } from '../ui/SwitchRow'
import { useInviteRequests } from '../search/palette/paletteHooks'

type InviteProps = {
  sharing: SharingControls
  workspaceId: WorkspaceId
  workspaceName: string
  /** The current invite link, from the workspace list (it changes with hosting and rotation). */
  invite: string | undefined
  /** Re-reads the workspace list, so the link carries the addresses of this moment. */
  refreshInvites: () => Promise<void>
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The top bar's "Invite" button and its dialog. Rendered for the owner only. */
export function InviteButton(props: InviteProps) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  useInviteRequests(useCallback(() => setOpen(true), []))
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        icon={<UserPlus size={15} aria-hidden />}
        onClick={() => setOpen(true)}
        data-testid="invite-button"
      >
        {t('invite.button')}
      </Button>
      {open && <InviteDialog {...props} onClose={() => setOpen(false)} />}
    </>
  )
}

/**
 * Everything needed to let a room full of people in: LAN hosting on/off, the link with a copy
 * button, a QR code big enough to scan from the back (and a full-screen view for a
 * projector), and a new link when the old one has gone too far.
 */
function InviteDialog({
  sharing,
  workspaceId,
  workspaceName,
  invite: editInvite,
  refreshInvites,
  onClose,
}: InviteProps & { onClose: () => void }) {
  const { t } = useTranslation()
  const [hosting, setHosting] = useState<HostingStatus | undefined>()
  const [switching, setSwitching] = useState(false)
  const [failure, setFailure] = useState<string | undefined>()
  const [large, setLarge] = useState(false)
  const [viewOnly, setViewOnly] = useState(false)
  const viewInvite = useViewOnlyInvite(sharing, workspaceId, viewOnly, editInvite)
  const invite = viewOnly ? viewInvite.link : editInvite

  // The addresses may have changed since the list was loaded (another Wi-Fi, a new port).
  useEffect(() => {
    let live = true
    sharing.getHosting().then(
      (status) => live && setHosting(status),
      (error: unknown) => live && setFailure(messageOf(error)),
    )
    refreshInvites().catch((error: unknown) => live && setFailure(messageOf(error)))
    return () => {
      live = false
    }
  }, [sharing, refreshInvites])

  const toggleHosting = (): void => {
    if (hosting === undefined) return
    setSwitching(true)
    setFailure(undefined)
    sharing
      .setHosting(!hosting.on)
      .then(setHosting, (error: unknown) => setFailure(messageOf(error)))
      .finally(() => setSwitching(false))
  }

  const title = t('invite.title', { name: workspaceName })
  if (large && invite !== undefined) {
    return (
      <Dialog
        open
        onOpenChange={() => setLarge(false)}
        title={title}
        size="full"
        testId="invite-dialog"
      >
        <div className="invite-large">
          <QrCode text={invite} label={t('invite.qr')} testId="invite-qr" />
          <p className="invite-large-hint">{t('invite.scanHint')}</p>
          <Button
            variant="secondary"
            icon={<Minimize2 size={15} aria-hidden />}
            onClick={() => setLarge(false)}
            data-testid="invite-show-small"
          >
            {t('invite.showSmall')}
          </Button>
        </div>
      </Dialog>
    )
  }

  return (
    <Dialog
      open
      onOpenChange={(next) => !next && onClose()}
      title={title}
      description={t('invite.description')}
      size="md"
      testId="invite-dialog"
    >
      <HostingRow hosting={hosting} switching={switching} onToggle={toggleHosting} />
      <ViewOnlySwitch on={viewOnly} onChange={setViewOnly} />
      {viewInvite.error !== undefined && (
        <p className="form-error" role="alert">
          {t('common.failed', { message: viewInvite.error })}
        </p>
      )}
      {failure !== undefined && (
        <p className="form-error" role="alert">
          {t('common.failed', { message: failure })}
        </p>
      )}
      {invite !== undefined && (
        <>
          {/* The link (and Copy) first: on a short screen the code may need a scroll, the link not. */}
          <InviteLinkField invite={invite} />
          {isReachableFromOthers(invite) && (
            <>
              <div className="invite-qr-frame">
                <QrCode text={invite} label={t('invite.qr')} testId="invite-qr" />
              </div>
              <div className="invite-qr-actions">
                <Button
                  size="sm"
                  variant="ghost"
                  icon={<Maximize2 size={14} aria-hidden />}
                  onClick={() => setLarge(true)}
                  data-testid="invite-show-large"
                >
                  {t('invite.showLarge')}
                </Button>
              </div>
            </>
          )}
          <RotateInvite key={workspaceId} onRotate={() => sharing.rotateInvite(workspaceId)} />
        </>
      )}
    </Dialog>
  )
}

function HostingRow({
  hosting,
  switching,
  onToggle,
}: {
  hosting: HostingStatus | undefined
  switching: boolean
  onToggle: () => void
}) {
  const { t } = useTranslation()
  if (hosting !== undefined && !hosting.configurable) {
    return (
      <p className="invite-note">
        <Wifi size={15} aria-hidden /> {t('invite.hostingFixed')}
      </p>
    )
  }
  const on = hosting?.on ?? false
  return (
    <SwitchRow
      label={t('invite.hosting')}
      hint={t('invite.hostingHint')}
      on={on}
      onToggle={onToggle}
      disabled={hosting === undefined || switching}
      testId="hosting-switch"
    >
      {hosting !== undefined && !on && (
        <span className="invite-hosting-state">{t('invite.hostingOff')}</span>
      )}
      {on && hosting?.addresses.length === 0 && (
        <span className="invite-hosting-state invite-hosting-state--warn" role="status">
          {t('invite.noNetwork')}
        </span>
      )}
    </SwitchRow>
  )
}

/** The link in a read-only field, with Copy; where the clipboard is off limits, it is selected. */
function InviteLinkField({ invite }: { invite: string }) {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  // Remembered per link, so a rotated link does not show the old one's "Copied".
  const [copied, setCopied] = useState<{ link: string; ok: boolean } | undefined>()
  const copy = (): void => {
    const fallback = (): void => {
      input.current?.select()
      setCopied({ link: invite, ok: false })
    }
    // Browsers withhold the clipboard from plain-http pages, which a LAN guest's page is.
    const clipboard = (navigator as { clipboard?: Clipboard }).clipboard
    if (clipboard === undefined) return fallback()
    clipboard.writeText(invite).then(() => setCopied({ link: invite, ok: true }), fallback)
  }
  const state = copied?.link === invite ? copied : undefined
  return (
    <div className="field">
      <label className="field-label" htmlFor="invite-link">
        {t('invite.link')}
      </label>
      <div className="invite-link-row">
        <input
          ref={input}
          id="invite-link"
          className="input invite-link"
          readOnly
          value={invite}
          onFocus={(event) => event.currentTarget.select()}
          data-testid="invite-link"
        />
        <Button
          variant={state?.ok === true ? 'secondary' : 'primary'}
          icon={
            state?.ok === true ? <Check size={15} aria-hidden /> : <Copy size={15} aria-hidden />
          }
          onClick={copy}
          data-testid="invite-copy"
        >
          {state?.ok === true ? t('invite.copied') : t('invite.copy')}
        </Button>
      </div>
      <p className="field-hint invite-copy-status" role="status">
        {state?.ok === false ? t('invite.copyFallback') : ''}
      </p>
    </div>
  )
}

/** "New link", with a confirm step: everyone on the old link is disconnected. */
function RotateInvite({ onRotate }: { onRotate: () => Promise<void> }) {
  const { t } = useTranslation()
  const [stage, setStage] = useState<'idle' | 'confirm' | 'busy' | 'done'>('idle')
  const [failure, setFailure] = useState<string | undefined>()
  const rotate = (): void => {
    setStage('busy')
    setFailure(undefined)
    onRotate().then(
      () => setStage('done'),
      (error: unknown) => {
        setStage('confirm')
        setFailure(messageOf(error))
      },
    )
  }
  if (stage === 'confirm' || stage === 'busy') {
    return (
      <div className="invite-rotate-confirm" role="group" aria-label={t('invite.rotate')}>
        <p>{t('invite.rotateBody')}</p>
        {failure !== undefined && (
          <p className="form-error" role="alert">
            {t('common.failed', { message: failure })}
          </p>
        )}
        <div className="invite-rotate-actions">
          <Button variant="ghost" onClick={() => setStage('idle')} disabled={stage === 'busy'}>
            {t('common.cancel')}
          </Button>
          <Button
            variant="danger"
            onClick={rotate}
            disabled={stage === 'busy'}
            data-testid="invite-rotate-confirm"
          >
            {t('invite.rotateConfirm')}
          </Button>
        </div>
      </div>
    )
  }
  return (
    <div className="invite-rotate">
      <Button
        size="sm"
        variant="ghost"
        icon={<RefreshCw size={14} aria-hidden />}
        onClick={() => setStage('confirm')}
        data-testid="invite-rotate"
      >
        {t('invite.rotate')}
      </Button>
      {stage === 'done' && (
        <span className="invite-rotated" role="status">
          {t('invite.rotated')}
        </span>
      )}
    </div>
  )
}
