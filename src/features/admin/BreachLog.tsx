import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { UnreadableItems } from '../../ui/UnreadableItems'
import { formatDate } from '../../ui/format'
import type { RateLimitBreach } from '../../venice/schemas'
import type { KeyEntry } from '../../session/keyring'
import { isKeyInUse } from './keyInUse'
import { adminQueries } from './queries'
import { breachWords, keyName, modelWords } from './words'

const LOG_SIZE = 50

/** The account's last 50 rate-limit breaches (`GET /api_keys/rate_limits/log`), newest first. */
export function BreachLog({ entry }: { entry: KeyEntry }) {
  const log = useQuery(adminQueries.rateLimitLog(entry.id))
  // Shares the key list's cache: names the keys when it has loaded, costs nothing more when it has.
  const keys = useQuery(adminQueries.keys(entry.id))

  const rows = useMemo(
    () =>
      [...(log.data?.items ?? [])]
        .sort((a, b) => (Date.parse(b.timestamp) || 0) - (Date.parse(a.timestamp) || 0))
        .slice(0, LOG_SIZE),
    [log.data],
  )

  function keyCell(breach: RateLimitBreach) {
    if (breach.apiKeyId === null) return <span className="muted">No key recorded</span>
    const key = keys.data?.items.find((listed) => listed.id === breach.apiKeyId)
    if (!key) return <span className="muted">A key no longer listed (id {breach.apiKeyId.slice(0, 8)}…)</span>
    return (
      <>
        {keyName(key)} {isKeyInUse(key, entry) && <span className="badge badge-in-use">in use here</span>}
      </>
    )
  }

  return (
    <section aria-labelledby="admin-breaches-title" aria-busy={log.isFetching}>
      <div className="dashboard-header">
        <h3 id="admin-breaches-title">Rate-limit breaches</h3>
        <button type="button" className="button" onClick={() => void log.refetch()} disabled={log.isFetching}>
          {log.isFetching ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <p className="hint">
        The last {LOG_SIZE} times a key of this account hit a limit, newest first. Venice answered those requests with 429.
      </p>
      {log.error && !log.isFetching && <ErrorNotice error={log.error} outcome="The breach log could not be loaded" />}
      {!log.data && !log.error && <p aria-live="polite">Loading the breach log…</p>}
      {log.data && <UnreadableItems count={log.data.unreadable} what={log.data.unreadable === 1 ? 'breach' : 'breaches'} />}
      {log.data && rows.length === 0 && <p>No breaches: no key of this account has hit a rate limit lately.</p>}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="admin-breaches card-table">
            <caption className="visually-hidden">Rate-limit breaches, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Key</th>
                <th scope="col">Model or endpoint</th>
                <th scope="col">Limit hit</th>
                <th scope="col">Tier</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((breach, index) => (
                <tr key={`${breach.timestamp}-${index}`}>
                  <td data-label="When">
                    <time dateTime={breach.timestamp}>{formatDate(breach.timestamp)}</time>
                  </td>
                  <td data-label="Key">{keyCell(breach)}</td>
                  <td data-label="Model or endpoint">
                    {modelWords(breach.modelId)}
                    {breach.modelId && modelWords(breach.modelId) !== breach.modelId && (
                      <>
                        {' '}
                        <code className="muted">{breach.modelId}</code>
                      </>
                    )}
                  </td>
                  <td data-label="Limit hit">
                    <strong>{breach.rateLimitType}</strong>: {breachWords(breach.rateLimitType)}
                  </td>
                  <td data-label="Tier">{breach.rateLimitTier ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
