import { useEffect, useRef, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { Notice } from '../../ui/Notice'
import { toast } from '../../ui/toast'
import { hasReason } from '../../venice/errors'
import type { ApiKey } from '../../venice/schemas'
import type { KeyEntry } from '../../session/keyring'
import { isKeyInUse } from './keyInUse'
import { useRevokeKey } from './mutations'
import { adminQueries } from './queries'
import { WriteFailure } from './WriteFailure'
import { keyName } from './words'

type Step = 'idle' | 'confirm' | 'confirmInUse'

interface RevokeKeyProps {
  entry: KeyEntry
  apiKey: ApiKey
  /** Another key was revoked. */
  onRevoked: () => void
  /** The key this page uses was revoked and has left the keyring: leave its page. */
  onRevokedSelf: () => void
}

/**
 * Revoke with a confirmation that names the key. Revoking the key this page is using takes a
 * second, explicit confirmation: the console closes and the key leaves this browser.
 */
export function RevokeKey({ entry, apiKey, onRevoked, onRevokedSelf }: RevokeKeyProps) {
  const [step, setStep] = useState<Step>('idle')
  const revoke = useRevokeKey(entry.id, onRevokedSelf)
  const inUse = isKeyInUse(apiKey, entry)
  const name = keyName(apiKey)
  const prompt = useRef<HTMLDivElement>(null)
  const client = useQueryClient()

  /** Whether the key is still in the account's list. */
  async function findRevoked(): Promise<string> {
    try {
      const listed = await client.query({ ...adminQueries.keys(entry.id), staleTime: 0 })
      return listed.items.some((key) => key.id === apiKey.id)
        ? 'It was not: the key is still listed, and still works. You can revoke it again.'
        : 'It was: the key is no longer listed.'
    } catch (error) {
      // The key asking was the one revoked: Venice no longer accepting it is the answer.
      if (inUse && hasReason(error, 'authenticationFailed')) return 'It was: Venice no longer accepts this key. Forget it here.'
      throw error
    }
  }

  useEffect(() => {
    if (step !== 'idle') prompt.current?.focus()
  }, [step])

  function cancel() {
    setStep('idle')
    revoke.reset()
  }

  function confirm() {
    if (inUse && step === 'confirm') return setStep('confirmInUse')
    revoke.mutate(
      { veniceKeyId: apiKey.id, inUse },
      {
        onSuccess: () => {
          toast(`Revoked ${keyName(apiKey)}.`)
          if (!inUse) onRevoked()
        },
      },
    )
  }

  const refused = hasReason(revoke.error, 'adminKeyRequired', 'authenticationFailed')
  return (
    <section className="admin-revoke" aria-labelledby="admin-revoke-title">
      <h4 id="admin-revoke-title">Revoke it</h4>
      {step === 'idle' ? (
        <>
          <p>Revoking stops the key at once, for every app that uses it. It cannot be undone.</p>
          <button type="button" className="button danger" onClick={() => setStep('confirm')}>
            Revoke {name}…
          </button>
        </>
      ) : (
        <div className="admin-confirm" ref={prompt} tabIndex={-1} role="group" aria-labelledby="admin-revoke-question">
          <p id="admin-revoke-question">
            <strong>{step === 'confirm' ? `Revoke ${name}?` : `Really revoke ${name}, the key you are using here?`}</strong>
          </p>
          {step === 'confirm' && <p>Every app using it stops working at once. This cannot be undone.</p>}
          {step === 'confirm' && inUse && (
            <Notice tone="warning" title="This is the key this page is using">
              <p>You will be asked once more.</p>
            </Notice>
          )}
          {step === 'confirmInUse' && (
            <Notice tone="warning" title="Second confirmation">
              <p>
                This console will close, the key will be removed from this browser, and you will return to the start. To manage
                this account again you will need another ADMIN key.
              </p>
            </Notice>
          )}
          {revoke.error && !refused && <WriteFailure error={revoke.error} done="revoked" check={findRevoked} />}
          <div className="actions">
            <button type="button" className="button danger" onClick={confirm} disabled={revoke.isPending}>
              {revoke.isPending
                ? 'Revoking…'
                : step === 'confirmInUse'
                  ? 'Yes, revoke the key I am using'
                  : `Yes, revoke ${name}`}
            </button>
            <button type="button" className="button" onClick={cancel} disabled={revoke.isPending}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  )
}
