import { useState, type SubmitEvent } from 'react'
import { ExternalText } from '../../ui/ExternalText'
import { toast } from '../../ui/toast'
import { MAX_DESCRIPTION_LENGTH } from '../../venice/limits'
import type { KeyEntry } from '../../session/keyring'
import { keyring } from '../../session/store'

/** The key's name (a local one the user may change: Venice keeps its own description), type and last characters. */
export function KeyTitle({ entry }: { entry: KeyEntry }) {
  const [editing, setEditing] = useState(false)
  const [name, setName] = useState(entry.description)

  function save(event: SubmitEvent) {
    event.preventDefault()
    const trimmed = name.trim()
    if (trimmed && trimmed !== entry.description) {
      keyring.update(entry.id, { description: trimmed })
      toast(`Renamed to “${trimmed}” in this browser.`)
    }
    setEditing(false)
  }

  return (
    <header className="key-title">
      {editing ? (
        <form className="rename" onSubmit={save}>
          <label>
            <span className="visually-hidden">Name of this key in this browser</span>
            <input value={name} maxLength={MAX_DESCRIPTION_LENGTH} onChange={(e) => setName(e.target.value)} autoFocus />
          </label>
          <button type="submit" className="button primary">
            Save name
          </button>
          <button type="button" className="button link" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <h1>
            <ExternalText text={entry.description} limit={80} />{' '}
            <span className={`badge badge-${entry.secret.type.toLowerCase()}`}>{entry.secret.type}</span>{' '}
            <code className="key-last6">…{entry.secret.last6}</code>
          </h1>
          <button
            type="button"
            className="button link"
            onClick={() => {
              setName(entry.description)
              setEditing(true)
            }}
          >
            Rename
          </button>
        </>
      )}
    </header>
  )
}
