import { QueryClientProvider, useQuery } from '@tanstack/react-query'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { formatDate, formatDuration } from '../../ui/format'
import { Notice } from '../../ui/Notice'
import { useNow } from '../../ui/useNow'
import { isVeniceError } from '../../venice/errors'
import { queryClient } from '../../query/queryClient'
import type { KeyEntry } from '../../session/keyring'
import { Balances } from './Balances'
import { EpochCountdown } from './EpochCountdown'
import { FundingHint, hasNothingToSpend } from './FundingHint'
import { keyQueries } from './queries'
import { RateLimitsTable } from './RateLimitsTable'

/** Lazily loaded: brings its own provider so the first page load carries no query code. */
export default function DashboardPage({ entry, stakeHref }: { entry: KeyEntry; stakeHref: string }) {
  return (
    <QueryClientProvider client={queryClient}>
      <Dashboard entry={entry} stakeHref={stakeHref} />
    </QueryClientProvider>
  )
}

/** What one key can do right now, from `GET /api_keys/rate_limits`. */
function Dashboard({ entry, stakeHref }: { entry: KeyEntry; stakeHref: string }) {
  const query = useQuery(keyQueries.rateLimits(entry.id))
  const { data, error, failureReason, isFetching, dataUpdatedAt } = query

  return (
    <section className="dashboard" aria-labelledby="dashboard-title" aria-busy={isFetching}>
      <header className="dashboard-header">
        <h1 id="dashboard-title">
          {entry.description} <span className={`badge badge-${entry.secret.type.toLowerCase()}`}>{entry.secret.type}</span>{' '}
          <code>…{entry.secret.last6}</code>
        </h1>
        <button type="button" className="button" onClick={() => void query.refetch()} disabled={isFetching}>
          {isFetching ? 'Refreshing…' : 'Refresh'}
        </button>
      </header>
      {dataUpdatedAt > 0 && <UpdatedAgo at={dataUpdatedAt} />}

      {isFetching && isVeniceError(failureReason) && failureReason.status === 429 && (
        <Notice tone="warning" title="Venice is rate-limiting this key">
          <p>
            Trying again{' '}
            {failureReason.retryAfterMs !== undefined ? `in ${formatDuration(failureReason.retryAfterMs)}` : 'shortly'}, as Venice
            asked.
          </p>
        </Notice>
      )}
      {error && !isFetching && <DashboardError error={error} />}
      {!data && !error && <p aria-live="polite">Loading what this key can do…</p>}

      {data && (
        <>
          {hasNothingToSpend(data) && <FundingHint data={data} stakeHref={stakeHref} />}
          <dl className="stats">
            <div>
              <dt>Access</dt>
              <dd className={data.accessPermitted ? 'ok' : 'bad'}>
                {data.accessPermitted
                  ? 'Permitted'
                  : 'Not permitted (no balance, a key limit reached, or the account is blocked)'}
              </dd>
            </div>
            <div>
              <dt>API tier</dt>
              <dd>
                {data.apiTier.id} {data.apiTier.isCharged ? '(charged)' : '(not charged)'}
              </dd>
            </div>
            <div>
              <dt>Key expires</dt>
              <dd>{data.keyExpiration ? formatDate(data.keyExpiration) : 'Never'}</dd>
            </div>
            <div>
              <dt>Next epoch (daily reset)</dt>
              <dd>
                <EpochCountdown nextEpochBegins={data.nextEpochBegins} />
              </dd>
            </div>
          </dl>
          <Balances balances={data.balances} />
          <RateLimitsTable rateLimits={data.rateLimits} />
        </>
      )}
    </section>
  )
}

/** Ticks every second on its own, so the rest of the dashboard (the rate-limit table) does not re-render. */
function UpdatedAgo({ at }: { at: number }) {
  const now = useNow()
  return <p className="hint">Updated {formatDuration(now - at)} ago; refreshes every minute.</p>
}

function DashboardError({ error }: { error: unknown }) {
  if (isVeniceError(error) && error.status === 401) {
    return (
      <Notice tone="error" title="This key is invalid, expired or revoked">
        <p>Venice did not accept it ({error.message}). Forget it here, or mint a new one.</p>
      </Notice>
    )
  }
  return <ErrorNotice error={error} />
}
