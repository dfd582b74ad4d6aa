import { useState, type SubmitEvent } from 'react'
import { sharedOrigin } from '../../config/sharedOrigin'
import { Field } from '../../ui/Field'
import { ForgetEverythingButton } from './ForgetEverythingButton'
import { Notice } from '../../ui/Notice'
import { rememberedKeys } from '../../session/store'
import { useKeys, useRememberStatus } from '../../session/useKeyring'
import { toast } from '../../ui/toast'

const MIN_PASSPHRASE = 8
/** On an IPFS path gateway other sites share this origin and its storage: nothing is stored there. */
const storageShared = sharedOrigin(window.location) !== undefined

/** Opt-in: keep this session's keys on this device, encrypted with a passphrase. */
export function RememberPanel() {
  const status = useRememberStatus()
  const keys = useKeys()
  const [open, setOpen] = useState(false)
  const [passphrase, setPassphrase] = useState('')
  const [confirm, setConfirm] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  if (status === 'locked') return null
  if (status === 'on') {
    return (
      <section className="remember" aria-label="Remembered on this device">
        <p>Your keys are remembered on this device, encrypted with your passphrase.</p>
        <button
          type="button"
          className="button"
          onClick={() => {
            rememberedKeys.stopRemembering()
            toast('This device no longer remembers your keys.')
          }}
        >
          Stop remembering
        </button>
        <ForgetEverythingButton />
      </section>
    )
  }
  if (keys.length === 0) return null
  if (storageShared) {
    return (
      <p className="hint">
        Remembering keys on this device is off at this address: other sites on this IPFS gateway could read what it stores.
      </p>
    )
  }
  if (!open) {
    return (
      <button type="button" className="button link" onClick={() => setOpen(true)}>
        Remember my keys on this device…
      </button>
    )
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault()
    if (passphrase.length < MIN_PASSPHRASE) return setError(`Use at least ${MIN_PASSPHRASE} characters.`)
    if (passphrase !== confirm) return setError('The two passphrases differ.')
    setError(undefined)
    setBusy(true)
    try {
      await rememberedKeys.enable(passphrase)
      setOpen(false)
      toast('Your keys are remembered on this device, encrypted.')
    } catch {
      setError('This browser could not encrypt or store the keys.')
    } finally {
      setBusy(false)
      setPassphrase('')
      setConfirm('')
    }
  }

  return (
    <form className="remember" onSubmit={(event) => void submit(event)} noValidate aria-label="Remember keys on this device">
      <Notice>
        <p>
          The keys are encrypted with your passphrase (PBKDF2-SHA256, 600,000 rounds, AES-GCM) and stored in this browser. Without
          the passphrase nobody, including you, can read them. Anyone with this device and the passphrase can.
        </p>
      </Notice>
      <Field label="Passphrase" error={error}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        )}
      </Field>
      <Field label="Passphrase again">
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? 'Encrypting…' : 'Remember on this device'}
      </button>
      <button type="button" className="button link" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  )
}
