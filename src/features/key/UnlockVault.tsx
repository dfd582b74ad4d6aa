import { useState, type SubmitEvent } from 'react'
import { Field } from '../../ui/Field'
import { ForgetEverythingButton } from './ForgetEverythingButton'
import { rememberedKeys } from '../../session/store'
import { useRememberStatus } from '../../session/useKeyring'
import { WrongPassphraseError } from '../../session/vault'

/** A returning visitor's remembered keys, opened with their passphrase. */
export function UnlockVault() {
  const status = useRememberStatus()
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  if (status !== 'locked') return null

  async function submit(event: SubmitEvent) {
    event.preventDefault()
    setBusy(true)
    try {
      await rememberedKeys.unlock(passphrase)
      setError(undefined)
    } catch (failure) {
      setError(failure instanceof WrongPassphraseError ? failure.message : 'The remembered keys could not be read.')
    } finally {
      setBusy(false)
      setPassphrase('')
    }
  }

  return (
    <form className="unlock card" onSubmit={(event) => void submit(event)} noValidate aria-label="Unlock remembered keys">
      <h2>Keys remembered on this device</h2>
      <Field label="Passphrase" error={error}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="current-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button primary" disabled={busy || passphrase === ''}>
        {busy ? 'Unlocking…' : 'Unlock'}
      </button>
      <ForgetEverythingButton />
    </form>
  )
}
