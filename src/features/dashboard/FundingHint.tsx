import type { RateLimits } from '../../venice/schemas'
import { formatAmount } from '../../ui/format'
import { Notice } from '../../ui/Notice'
import { EpochCountdown } from './EpochCountdown'

/** Nothing to spend: access refused, or every balance zero or unknown. */
export function hasNothingToSpend({ accessPermitted, balances }: RateLimits): boolean {
  return !accessPermitted || [balances.USD, balances.DIEM, balances.BUNDLED_CREDITS].every((value) => !value)
}

/** The key authenticates, but its account has nothing to pay with: say so, and where to fix it. */
export function FundingHint({ data, stakeHref }: { data: RateLimits; stakeHref: string }) {
  const diem = data.balances.DIEM
  return (
    <Notice tone="warning" title="This key works, but has nothing to spend">
      <p>
        Venice accepts the key, but paid requests will be refused (402) until its account can pay. For a wallet holder that means
        staked DIEM: each staked DIEM gives $1 of credit per UTC day, and at least 0.1 DIEM must be staked before any of it can be
        spent.
      </p>
      <ul>
        <li>DIEM this key can spend now: {diem === undefined ? 'unknown' : formatAmount(diem)}</li>
        <li>Minimum staked DIEM: 0.1</li>
        <li>
          Next epoch, when DIEM credit is refreshed: <EpochCountdown nextEpochBegins={data.nextEpochBegins} />
        </li>
      </ul>
      <p>
        <a href={stakeHref} className="button primary">
          Stake DIEM on the Stake page
        </a>{' '}
        Venice credits staked DIEM to the account linked to the staking wallet; buying credit or USD on venice.ai works too.
      </p>
    </Notice>
  )
}
