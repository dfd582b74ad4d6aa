import type { KeyEntry } from '../../session/keyring'
import { keyring } from '../../session/store'
import { useKeys } from '../../session/useKeyring'
import { clip } from '../../ui/clip'
import { ExternalText } from '../../ui/ExternalText'
import { toast } from '../../ui/toast'

interface KeyListProps {
  activeId?: string
  hrefFor: (entry: KeyEntry) => string
  onForget?: (entry: KeyEntry) => void
}

/** The keys of this session: switch between their dashboards or forget one. */
export function KeyList({ activeId, hrefFor, onForget }: KeyListProps) {
  const keys = useKeys()
  if (keys.length === 0) return null
  return (
    <section className="key-list" aria-labelledby="key-list-title">
      <h2 id="key-list-title">Your keys in this session</h2>
      <ul>
        {keys.map((entry) => (
          <li key={entry.id} className={entry.id === activeId ? 'active' : undefined}>
            <a href={hrefFor(entry)} aria-current={entry.id === activeId ? 'page' : undefined}>
              <span className="key-description">
                <ExternalText text={entry.description} limit={80} />
              </span>
              <span className={`badge badge-${entry.secret.type.toLowerCase()}`}>{entry.secret.type}</span>
              <span className="visually-hidden">ending in </span>
              <code>…{entry.secret.last6}</code>
              {entry.unsaved && <span className="badge badge-warning">not saved yet</span>}
              {entry.rejected && <span className="badge badge-rejected">rejected by Venice</span>}
            </a>
            <button
              type="button"
              className={entry.rejected ? 'button danger' : 'button link'}
              aria-label={`Forget ${clip(entry.description, 80)} (…${entry.secret.last6})`}
              onClick={() => {
                if (
                  entry.unsaved &&
                  !window.confirm('This secret has not been saved anywhere. Forget it anyway? Venice will never show it again.')
                )
                  return
                keyring.remove(entry.id)
                toast(`Forgot ${clip(entry.description, 80)} (…${entry.secret.last6}) in this browser.`)
                onForget?.(entry)
              }}
            >
              Forget
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
