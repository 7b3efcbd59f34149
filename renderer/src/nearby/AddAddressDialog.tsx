import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { addAddressRequest, type AddAddressResponse } from '../../../shared/discovery'
import { Button } from '../ui/Button'
import { Dialog, DialogFooter } from '../ui/Dialog'
import { TextField } from '../ui/TextField'

/** Asks for another host's address, for networks where multicast (mDNS) is blocked. */
export function AddAddressDialog({
  open,
  onOpenChange,
  onAdd,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  onAdd: (address: string) => Promise<AddAddressResponse>
}) {
  const { t } = useTranslation()
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('nearby.addTitle')}
      description={t('nearby.addDescription')}
      testId="add-address-dialog"
    >
      {/* Mounted only while open, so each opening starts empty. */}
      {open && <AddressForm onCancel={() => onOpenChange(false)} onAdd={onAdd} />}
    </Dialog>
  )
}

function AddressForm({
  onCancel,
  onAdd,
}: {
  onCancel: () => void
  onAdd: (address: string) => Promise<AddAddressResponse>
}) {
  const { t } = useTranslation()
  const [address, setAddress] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | undefined>()
  const parsed = addAddressRequest.safeParse({ address })

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (!parsed.success) {
      setFailure(t('nearby.invalid'))
      return
    }
    setBusy(true)
    setFailure(undefined)
    onAdd(parsed.data.address)
      .then((answer) => {
        setBusy(false)
        if (answer.found) onCancel()
        else setFailure(t('nearby.notFound'))
      })
      .catch((error: unknown) => {
        setBusy(false)
        setFailure(
          t('common.failed', { message: error instanceof Error ? error.message : String(error) }),
        )
      })
  }

  return (
    <form onSubmit={submit}>
      <TextField
        label={t('nearby.addressLabel')}
        value={address}
        placeholder="http://192.168.1.20:4455"
        onChange={(event) => setAddress(event.target.value)}
        maxLength={256}
        autoFocus
        inputMode="url"
        error={failure}
        data-testid="add-address-input"
      />
      <DialogFooter>
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" disabled={address.trim() === '' || busy}>
          {t('nearby.addConfirm')}
        </Button>
      </DialogFooter>
    </form>
  )
}
