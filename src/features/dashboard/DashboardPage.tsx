import { QueryClientProvider, useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { formatDuration, formatUtcDate } from '../../ui/format'
import { Notice } from '../../ui/Notice'
import { useNow } from '../../ui/useNow'
import { isVeniceError } from '../../venice/errors'
import { queryClient, refusedLastTime } from '../../query/queryClient'
import type { KeyEntry } from '../../session/keyring'
import { keyring } from '../../session/store'
import { Balances } from './Balances'
import { EpochCountdown } from './EpochCountdown'
import { FundingHint, hasNothingToSpend } from './FundingHint'
import { keyQueries } from './queries'
import { RateLimitsTable } from './RateLimitsTable'
import { ExternalText } from '../../ui/ExternalText'

interface DashboardProps {
  entry: KeyEntry
  /** The overview (access, balances) or the per-model rate limits: one request serves both. */
  section: 'overview' | 'limits'
  /** Where the overview points for the rate limits. */
  limitsHref?: string
  /** Where a key with nothing to spend is sent to fund it. */
  stakeHref: string
}

/** Lazily loaded: brings its own provider so the first page load carries no query code. */
export default function DashboardPage(props: DashboardProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <Dashboard {...props} />
    </QueryClientProvider>
  )
}

/** What one key can do right now, from `GET /api_keys/rate_limits`. */
function Dashboard({ entry, section, limitsHref, stakeHref }: DashboardProps) {
  const query = useQuery(keyQueries.rateLimits(entry.id))
  const { data, error, failureReason, isFetching, dataUpdatedAt } = query
  const rejected = isVeniceError(error) && error.status === 401
  const refused = !isFetching && refusedLastTime(error)
  useEffect(() => {
    if (rejected !== Boolean(entry.rejected)) keyring.update(entry.id, { rejected })
  }, [rejected, entry.id, entry.rejected])

  return (
    <section
      className="dashboard"
      aria-label={section === 'overview' ? 'What this key can do' : 'Rate limits'}
      aria-busy={isFetching}
    >
      <div className="refresh-bar">
        {refused ? (
          <p className="hint">Venice refused the last request, so this page stopped asking. Refresh asks again.</p>
        ) : dataUpdatedAt > 0 ? (
          <UpdatedAgo at={dataUpdatedAt} />
        ) : (
          isFetching && <p className="hint">Asking Venice…</p>
        )}
        <button type="button" className="button" onClick={() => void query.refetch()} disabled={isFetching}>
          {isFetching ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>

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

      {data && section === 'limits' && <RateLimitsTable rateLimits={data.rateLimits} />}
      {data && section === 'overview' && (
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
              <dd>{data.keyExpiration ? formatUtcDate(data.keyExpiration) : 'Never'}</dd>
            </div>
            <div>
              <dt>Next epoch (daily reset)</dt>
              <dd>
                <EpochCountdown nextEpochBegins={data.nextEpochBegins} />
              </dd>
            </div>
          </dl>
          <Balances balances={data.balances} />
          {limitsHref && (
            <p>
              <a href={limitsHref}>Rate limits of {data.rateLimits.items.length} models</a>
            </p>
          )}
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
        <p>
          Venice did not accept it (<ExternalText text={error.message} />
          ). Forget it here, or mint a new one.
        </p>
      </Notice>
    )
  }
  return <ErrorNotice error={error} />
}
