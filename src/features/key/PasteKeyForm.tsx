import { useState, type SubmitEvent } from 'react'
import { Field } from '../../ui/Field'
import { Secret } from '../../venice/secret'
import type { KeyEntry } from '../../session/keyring'
import { keyring } from '../../session/store'

/** Use a key the user already has: no wallet, nothing sent until the shape is right. */
export function PasteKeyForm({ onAdded }: { onAdded: (entry: KeyEntry) => void }) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string>()

  function submit(event: SubmitEvent) {
    event.preventDefault()
    const parsed = Secret.parse(text)
    if (!parsed.ok) return setError(parsed.reason)
    setError(undefined)
    setText('')
    const { secret } = parsed
    onAdded(keyring.add({ secret, description: 'Pasted key', origin: 'pasted', unsaved: false }))
  }

  return (
    <form className="paste-key" onSubmit={submit} noValidate>
      <Field label="Venice API key" hint="Kept in this tab's memory and sent only to the Venice API." error={error}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="VENICE_INFERENCE_KEY_…"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button">
        Open dashboard
      </button>
    </form>
  )
}
