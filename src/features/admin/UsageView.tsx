import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Component, lazy, Suspense, useState, type ReactNode } from 'react'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { formatAmount, formatUsd } from '../../ui/format'
import { USAGE_LOOKBACKS, type UsageAnalytics, type UsageLookback } from '../../venice/schemas'
import type { KeyEntry } from '../../session/keyring'
import { adminQueries } from './queries'
import { DailyTable, TopKeys, TopModels } from './UsageTables'

// uPlot and its CSS load only when this view opens.
const UsageChart = lazy(() => import('./UsageChart'))

const LOOKBACK_WORDS: Record<UsageLookback, string> = { '7d': '7 days', '30d': '30 days', '90d': '90 days' }

function summarise(usage: UsageAnalytics, lookback: UsageLookback): string {
  const usd = usage.byDate.reduce((sum, row) => sum + row.USD, 0)
  const diem = usage.byDate.reduce((sum, row) => sum + row.DIEM, 0)
  return `Spend per day over the last ${LOOKBACK_WORDS[lookback]}: ${formatUsd(usd)} and ${formatAmount(diem)} DIEM in total.`
}

/** `GET /billing/usage-analytics`: spend per day, per model and per key. */
export function UsageView({ entry }: { entry: KeyEntry }) {
  const [lookback, setLookback] = useState<UsageLookback>('30d')
  const { data, error, isFetching, isPlaceholderData } = useQuery({
    ...adminQueries.usage(entry.id, lookback),
    placeholderData: keepPreviousData,
  })

  return (
    <section aria-labelledby="admin-usage-title" aria-busy={isFetching}>
      <h3 id="admin-usage-title">Usage</h3>
      <fieldset className="choice admin-lookback">
        <legend>Period</legend>
        {USAGE_LOOKBACKS.map((choice) => (
          <label key={choice} className="radio">
            <input
              type="radio"
              name="admin-usage-lookback"
              value={choice}
              checked={lookback === choice}
              onChange={() => setLookback(choice)}
            />
            <span>Last {LOOKBACK_WORDS[choice]}</span>
          </label>
        ))}
      </fieldset>
      <p className="hint">
        Venice caches these figures for 10 minutes (and calls this report beta): the latest spend may not show yet.
      </p>
      {error && !isFetching && <ErrorNotice error={error} outcome="Usage could not be loaded" />}
      {!data && !error && <p aria-live="polite">Loading usage…</p>}
      {isPlaceholderData && <p aria-live="polite">Loading the last {LOOKBACK_WORDS[lookback]}…</p>}
      {data && (
        <>
          <ChartBoundary>
            <Suspense fallback={<p aria-live="polite">Loading the chart…</p>}>
              <UsageChart rows={data.byDate} summary={summarise(data, lookback)} />
            </Suspense>
          </ChartBoundary>
          <DailyTable rows={data.byDate} />
          <TopModels rows={data.byModel} />
          <TopKeys rows={data.byKey} />
        </>
      )}
    </section>
  )
}

/** The chart is an extra: if its code fails to load, the table still has every figure. */
class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  override render() {
    return this.state.failed ? (
      <p className="muted">The chart could not be loaded: the table below has the same figures.</p>
    ) : (
      this.props.children
    )
  }
}
