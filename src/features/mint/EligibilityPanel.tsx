import { formatUnits } from 'viem'
import type { Eligibility } from '../../chain/useEligibility'
import { TOKEN_DECIMALS } from '../../chain/contracts'
import { formatAmount } from '../../ui/format'
import { Notice } from '../../ui/Notice'

const tokens = (amount: bigint) => formatAmount(Number(formatUnits(amount, TOKEN_DECIMALS)))

/** Tells the user before any signature whether Venice will mint for this wallet. */
export function EligibilityPanel({ eligibility, stakeHref }: { eligibility: Eligibility; stakeHref: string }) {
  switch (eligibility.status) {
    case 'checking':
      return <p aria-live="polite">Checking your staked VVV on Base…</p>
    case 'unknown':
      return (
        <Notice tone="warning" title="Couldn't check your staked VVV">
          <p>The Base network did not answer. You can still try: Venice checks the stake itself when you mint.</p>
        </Notice>
      )
    case 'noStake':
      return (
        <Notice tone="error" title="This wallet has no staked VVV on Base">
          <p>
            Venice will refuse to mint a key for it. This wallet holds {tokens(eligibility.vvv)} VVV
            {eligibility.vvv > 0n ? ' that could be staked' : ''}. Any non-zero stake is enough: even 1 staked VVV will do.
          </p>
          {eligibility.vvv > 0n ? (
            <p>
              <a href={stakeHref} className="button primary">
                Stake VVV
              </a>{' '}
              Come back here afterwards: this check updates by itself.
            </p>
          ) : (
            <p>
              Get VVV on Base first, then <a href={stakeHref}>stake it on the Stake page</a>.
            </p>
          )}
        </Notice>
      )
    case 'eligible':
      return (
        <Notice tone="success" title="Eligible">
          <p>
            This wallet has {tokens(eligibility.svvv)} staked VVV (sVVV) on Base, and {tokens(eligibility.vvv)} VVV.
          </p>
        </Notice>
      )
  }
}
