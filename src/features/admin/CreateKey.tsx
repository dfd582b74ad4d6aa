import { useMutationState, useQueryClient } from '@tanstack/react-query'
import { useState, type SubmitEvent } from 'react'
import { config } from '../../config'
import { formatDuration } from '../../ui/format'
import { Notice } from '../../ui/Notice'
import { useNow } from '../../ui/useNow'
import { hasReason } from '../../venice/errors'
import type { CreateKeyBody } from '../../venice/schemas'
import { DEFAULT_DRAFT, KeyOptionsForm, validateKeyOptions, type FieldErrors, type KeyOptionsDraft } from '../key-options'
import type { KeyEntry } from '../../session/keyring'
import { SecretReveal } from '../key'
import { keyring } from '../../session/store'
import { useKey } from '../../session/useKeyring'
import { useCreateKey } from './mutations'
import { adminMutationKey, adminQueries } from './queries'
import { keyName } from './words'
import { WriteFailure } from './WriteFailure'
import { ExternalText } from '../../ui/ExternalText'

/** Venice allows 20 creations a minute; without a Retry-After, wait out the minute. */
const CREATION_WINDOW_MS = 60_000
/** Here the description is required: no default is filled in. */
const CREATE_DRAFT: KeyOptionsDraft = { ...DEFAULT_DRAFT, description: '' }

/**
 * Create a key with the same settings form as the wallet mint, and the same reveal-once view.
 * The last attempt is read from the mutation cache, so the outcome (the new secret, or a 429
 * cooldown) survives switching tabs.
 */
export function CreateKey({ entry }: { entry: KeyEntry }) {
  const [draft, setDraft] = useState(CREATE_DRAFT)
  const [errors, setErrors] = useState<FieldErrors>({})
  const create = useCreateKey(entry.id)
  const client = useQueryClient()
  const now = useNow()

  const attempts = useMutationState({
    filters: { mutationKey: adminMutationKey(entry.id, 'create') },
    select: (mutation) => ({
      status: mutation.state.status,
      error: mutation.state.error,
      data: mutation.state.data as string | undefined,
      body: mutation.state.variables as CreateKeyBody | undefined,
      at: mutation.state.submittedAt,
    }),
  })
  const last = attempts.at(-1)
  const pending = last?.status === 'pending'
  const createdId = attempts.findLast((attempt) => attempt.status === 'success')?.data
  const created = useKey(createdId ?? '')

  const error = last?.status === 'error' ? last.error : undefined
  const keyLimit = hasReason(error, 'activeKeyLimit')
  const rateLimited = hasReason(error, 'rateLimited')
  const cooldownUntil = rateLimited && last ? last.at + (error.retryAfterMs ?? CREATION_WINDOW_MS) : 0
  // `now` ticks once a second and may be older than the attempt itself (right as the 429 lands): never count from before it.
  const waitMs = cooldownUntil - Math.max(now, last?.at ?? 0)
  const coolingDown = waitMs > 0
  const refused = hasReason(error, 'adminKeyRequired', 'authenticationFailed')

  /** Whether a key with this description appeared in the account since the attempt. */
  async function findCreated(description: string, since: number): Promise<string> {
    const listed = await client.query({ ...adminQueries.keys(entry.id), staleTime: 0 })
    // A minute of slack for the difference between this device's clock and Venice's.
    const found = listed.items.find((key) => key.description === description && Date.parse(key.createdAt) >= since - 60_000)
    return found
      ? `It was: ${keyName(found)} is in the key list. Its secret never reached this page and cannot be shown again: revoke it in the key list, then create a new one.`
      : 'It was not: no new key with this description is in the key list. You can create it again.'
  }

  function submit(event: SubmitEvent) {
    event.preventDefault()
    if (pending || coolingDown) return
    const checked = validateKeyOptions(draft, new Date())
    if (!checked.ok) return setErrors(checked.errors)
    setErrors({})
    // validateKeyOptions leaves out a default description; POST /api_keys requires one.
    const body: CreateKeyBody = { ...checked.options, apiKeyType: checked.apiKeyType, description: draft.description.trim() }
    create.mutate(body, { onSuccess: () => setDraft(CREATE_DRAFT) })
  }

  if (created?.revealing) {
    return (
      <section aria-label="New key">
        <SecretReveal entry={created} apiUrl={config.veniceApiUrl} />
        <button type="button" className="button" onClick={() => keyring.update(created.id, { revealing: false })}>
          Create another key
        </button>
      </section>
    )
  }

  return (
    <form className="admin-create" onSubmit={submit} noValidate aria-labelledby="admin-create-title">
      <h3 id="admin-create-title">Create a key</h3>
      <p className="hint">
        The new key belongs to this account. Its secret is shown once, here, and kept in this browser’s memory.
      </p>
      <KeyOptionsForm draft={draft} onChange={setDraft} errors={errors} disabled={pending} />

      {keyLimit && (
        <Notice tone="error" title="This account has 500 active keys, Venice’s maximum">
          <p>
            Revoke keys that are no longer used, then create this one. Venice said: <ExternalText text={error.message} />
          </p>
        </Notice>
      )}
      {coolingDown && (
        <Notice tone="warning" title="Venice is limiting key creation">
          <p>
            At most 20 keys can be created a minute. You can create again in <span role="timer">{formatDuration(waitMs)}</span>.
          </p>
        </Notice>
      )}
      {error !== undefined && !keyLimit && !refused && !rateLimited && last && (
        <WriteFailure error={error} done="created" check={() => findCreated(last.body?.description ?? '', last.at)} />
      )}

      <div className="actions">
        <button type="submit" className="button primary" disabled={pending || coolingDown}>
          {pending ? 'Creating…' : coolingDown ? `Create key (wait ${formatDuration(waitMs)})` : 'Create key'}
        </button>
      </div>
    </form>
  )
}
