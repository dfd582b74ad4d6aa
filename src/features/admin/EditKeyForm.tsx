import { useState, type SubmitEvent } from 'react'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { Notice } from '../../ui/Notice'
import { toast } from '../../ui/toast'
import { hasReason } from '../../venice/errors'
import type { ApiKey, UpdateKeyBody } from '../../venice/schemas'
import { KeyOptionsForm, type FieldErrors, type KeyOptionsDraft } from '../key-options'
import { draftFromKey, editDiff } from './editDiff'
import { useUpdateKey } from './mutations'

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
      {update.error && !refused && <ErrorNotice error={update.error} outcome="The key was not changed" />}
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
