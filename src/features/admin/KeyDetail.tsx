import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { Notice } from '../../ui/Notice'
import { isVeniceError } from '../../venice/errors'
import type { KeyEntry } from '../../session/keyring'
import { EditKeyForm } from './EditKeyForm'
import { isKeyInUse } from './keyInUse'
import { KeyFacts } from './KeyFacts'
import { adminQueries } from './queries'
import { RevokeKey } from './RevokeKey'
import { keyName } from './words'
import { ExternalText } from '../../ui/ExternalText'

interface KeyDetailProps {
  entry: KeyEntry
  veniceKeyId: string
  /** Shown until the key has loaded. */
  name: string
  onClose: () => void
  onRevokedSelf: () => void
}

/** One key from `GET /api_keys/{id}`: its stored settings, the edit form and revocation. */
export function KeyDetail({ entry, veniceKeyId, name, onClose, onRevokedSelf }: KeyDetailProps) {
  const { data, error } = useQuery(adminQueries.key(entry.id, veniceKeyId))
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const inUse = data !== undefined && isKeyInUse(data, entry)

  return (
    <section className="admin-detail" aria-labelledby="admin-detail-title">
      <div className="dashboard-header">
        <h3 id="admin-detail-title" ref={heading} tabIndex={-1}>
          {data ? keyName(data) : name} {inUse && <span className="badge badge-in-use">in use here</span>}
        </h3>
        <button type="button" className="button" onClick={onClose}>
          Back to all keys
        </button>
      </div>
      {error && isVeniceError(error) && error.status === 400 ? (
        <Notice tone="warning" title="Venice no longer has this key">
          <p>
            It was revoked or has expired (<ExternalText text={error.message} />
            ).
          </p>
        </Notice>
      ) : (
        error && <ErrorNotice error={error} outcome="This key could not be loaded" />
      )}
      {!data && !error && <p aria-live="polite">Loading the key…</p>}
      {data && (
        <>
          <KeyFacts apiKey={data} />
          <EditKeyForm key={data.id} keyId={entry.id} apiKey={data} />
          <RevokeKey entry={entry} apiKey={data} onRevoked={onClose} onRevokedSelf={onRevokedSelf} />
        </>
      )}
    </section>
  )
}
