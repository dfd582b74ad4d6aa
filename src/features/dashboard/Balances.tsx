import type { RateLimits } from '../../venice/schemas'
import { formatAmount, formatUsd } from '../../ui/format'

/** What this key can spend now: each account balance clamped to the key's own remaining limit. */
export function Balances({ balances }: { balances: RateLimits['balances'] }) {
  const items = [
    { label: 'USD', value: balances.USD === undefined ? undefined : formatUsd(balances.USD) },
    { label: 'DIEM', value: balances.DIEM === undefined ? undefined : formatAmount(balances.DIEM) },
    { label: 'Bundled credits', value: balances.BUNDLED_CREDITS === undefined ? undefined : formatUsd(balances.BUNDLED_CREDITS) },
  ]
  return (
    <section aria-labelledby="balances-title">
      <h2 id="balances-title">What this key can spend now</h2>
      <dl className="stats">
        {items.map(({ label, value }) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className={value === undefined ? 'muted' : undefined}>{value ?? 'unknown'}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
