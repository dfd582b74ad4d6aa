import { enumWords } from '../../ui/enumWords'
import { useQuery } from '@tanstack/react-query'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { formatAmount, formatUsd } from '../../ui/format'
import { CONSUMPTION_CURRENCIES, type BillingBalance, type ConsumptionCurrency } from '../../venice/schemas'
import type { KeyEntry } from '../../session/keyring'
import { adminQueries } from './queries'
import { CURRENCY_WORDS } from './words'

const diem = (n: number) => `${formatAmount(n)} DIEM`

function balanceOf(balances: BillingBalance['balances'], currency: ConsumptionCurrency): string | undefined {
  const value = {
    DIEM: balances.diem,
    EARNED_CREDITS: balances.earnedCredits,
    BUNDLED_CREDITS: balances.bundledCredits,
    USD: balances.usd,
  }[currency]
  if (value === null) return undefined
  return currency === 'DIEM' ? diem(value) : formatUsd(value)
}

/** The account as a whole (`GET /billing/balance`): what is spent first, and every balance. */
export function AccountBalance({ entry }: { entry: KeyEntry }) {
  const { data, error, isFetching, refetch } = useQuery(adminQueries.balance(entry.id))

  return (
    <section aria-labelledby="admin-balance-title" aria-busy={isFetching}>
      <div className="dashboard-header">
        <h3 id="admin-balance-title">Account balance</h3>
        <button type="button" className="button" onClick={() => void refetch()} disabled={isFetching}>
          {isFetching ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <p className="hint">
        This is the whole account and ignores per-key limits: a key with its own cap can be refused while the account can still
        pay. A key’s own dashboard (“Access”) says whether that key may spend.
      </p>
      {error && !isFetching && <ErrorNotice error={error} outcome="The balance could not be loaded" />}
      {!data && !error && <p aria-live="polite">Loading the balance…</p>}
      {data && <BalanceFigures balance={data} />}
    </section>
  )
}

function BalanceFigures({ balance }: { balance: BillingBalance }) {
  const { consumptionCurrency, balances, diemEpochAllocation, canConsume } = balance
  return (
    <>
      <dl className="stats">
        <div>
          <dt>Spent first</dt>
          <dd>{consumptionCurrency ? enumWords(CURRENCY_WORDS, consumptionCurrency) : 'Nothing: no balance to spend'}</dd>
        </div>
        <div>
          <dt>Account can spend</dt>
          <dd className={canConsume ? 'ok' : 'bad'}>{canConsume ? 'Yes' : 'No'}</dd>
        </div>
        <div>
          <dt>DIEM left of this epoch’s allocation</dt>
          <dd>
            {diemEpochAllocation !== null && diemEpochAllocation > 0 && balances.diem !== null ? (
              <span className="usage-bar">
                <progress
                  max={diemEpochAllocation}
                  value={Math.min(balances.diem, diemEpochAllocation)}
                  aria-label={`DIEM left: ${diem(balances.diem)} of ${diem(diemEpochAllocation)} this epoch`}
                />
                <span>
                  {diem(balances.diem)} of {diem(diemEpochAllocation)}
                </span>
              </span>
            ) : (
              <span className="muted">{diemEpochAllocation ? 'Unknown' : 'No DIEM allocation this epoch'}</span>
            )}
          </dd>
        </div>
      </dl>
      <h4>Spending order</h4>
      <p className="hint">Venice draws on DIEM first, then earned credits, then bundled credits, then USD.</p>
      <ol className="spend-order">
        {CONSUMPTION_CURRENCIES.map((currency) => {
          const value = balanceOf(balances, currency)
          const first = currency === consumptionCurrency
          return (
            <li key={currency} className={first ? 'current' : undefined} aria-current={first ? 'true' : undefined}>
              <span>{CURRENCY_WORDS[currency]}</span>{' '}
              <strong className={value === undefined ? 'muted' : undefined}>{value ?? 'unknown'}</strong>
              {first && (
                <>
                  {' '}
                  <span className="badge badge-in-use">spent first</span>
                </>
              )}
            </li>
          )
        })}
      </ol>
    </>
  )
}
