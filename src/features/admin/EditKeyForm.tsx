import { useState, type SubmitEvent } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { Notice } from '../../ui/Notice'
import { toast } from '../../ui/toast'
import { hasReason } from '../../venice/errors'
import type { ApiKey, UpdateKeyBody } from '../../venice/schemas'
import { KeyOptionsForm, type FieldErrors, type KeyOptionsDraft } from '../key-options'
import { draftFromKey, editDiff } from './editDiff'
import { useUpdateKey } from './mutations'
import { adminQueries } from './queries'
import { WriteFailure } from './WriteFailure'

const FIELD_WORDS: Record<Exclude<keyof UpdateKeyBody, 'id'>, string> = {
  description: 'description',
  expiresAt: 'expiry',
  consumptionLimit: 'limits',
  limitPeriod: 'limit period',
  modelPrivacy: 'models',
}

/** Change a key's settings. Only what the user changed is sent (see editDiff.ts). */
export function EditKeyForm({ keyId, apiKey }: { keyId: string; apiKey: ApiKey }) {
  const [draft, setDraft] = useState<KeyOptionsDraft>(() => draftFromKey(apiKey))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [outcome, setOutcome] = useState<{ kind: 'unchanged' } | { kind: 'saved'; fields: string[] }>()
  const update = useUpdateKey(keyId)
  const client = useQueryClient()

  /** Whether the key, as Venice now has it, already carries the settings asked for. */
  async function findChange(): Promise<string> {
    const fresh = await client.query({ ...adminQueries.key(keyId, apiKey.id), staleTime: 0 })
    const diff = editDiff(fresh, draft, new Date())
    return diff.ok && !diff.body
      ? 'It was: the key now has the settings you asked for.'
      : 'It was not: the key still has other settings. You can save again.'
  }

  function submit(event: SubmitEvent) {
    event.preventDefault()
    if (update.isPending) return
    const diff = editDiff(apiKey, draft, new Date())
    if (!diff.ok) {
      setOutcome(undefined)
      return setErrors(diff.errors)
    }
    setErrors({})
    if (!diff.body) return setOutcome({ kind: 'unchanged' })
    const fields = Object.keys(diff.body)
      .filter((field) => field !== 'id')
      .map((field) => FIELD_WORDS[field as keyof typeof FIELD_WORDS])
    setOutcome(undefined)
    update.mutate(diff.body, {
      onSuccess: () => {
        setOutcome({ kind: 'saved', fields })
        toast('Changes saved.')
      },
    })
  }

  const refused = hasReason(update.error, 'adminKeyRequired', 'authenticationFailed')
  return (
    <form className="admin-edit" onSubmit={submit} noValidate aria-labelledby="admin-edit-title">
      <h4 id="admin-edit-title">Change its settings</h4>
      <KeyOptionsForm draft={draft} onChange={setDraft} errors={errors} disabled={update.isPending} typeLocked />
      {outcome?.kind === 'unchanged' && <Notice title="Nothing changed">Nothing was sent.</Notice>}
      {outcome?.kind === 'saved' && (
        <Notice tone="success" title="Saved">
          Changed: {outcome.fields.join(', ')}.
        </Notice>
      )}
      {update.error && !refused && <WriteFailure error={update.error} done="changed" check={findChange} />}
      <div className="actions">
        <button type="submit" className="button primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save changes'}
        </button>
        <button
          type="button"
          className="button link"
          disabled={update.isPending}
          onClick={() => {
            setDraft(draftFromKey(apiKey))
            setErrors({})
            setOutcome(undefined)
          }}
        >
          Undo my edits
        </button>
      </div>
    </form>
  )
}
