import { STAKING_ADDRESS, stakingAbi } from '../../chain/contracts'
import type { Position } from '../../chain/usePosition'
import { formatToken } from './amount'
import { TxStatus } from './TxStatus'
import { call, isBusy, useTransaction } from './useTransaction'

/** Claim pending rewards as VVV, or restake them as sVVV. */
export function RewardsPanel({ position, onMined }: { position: Position; onMined: () => unknown }) {
  const { state, run } = useTransaction(onMined)
  const busy = isBusy(state)
  const pending = position.pendingRewards
  const words =
    pending === undefined || position.vvvDecimals === undefined
      ? 'unavailable'
      : `${formatToken(pending, position.vvvDecimals)} VVV`
  const none = pending === 0n
  return (
    <section aria-labelledby="rewards-title">
      <h2 id="rewards-title">Rewards</h2>
      <p>Pending: {words}. Staking, unstaking, minting and burning DIEM also pay them out.</p>
      <div className="actions">
        <button
          type="button"
          className="button primary"
          disabled={busy || none}
          onClick={() =>
            void run([
              { label: 'Claim rewards', call: call({ address: STAKING_ADDRESS, abi: stakingAbi, functionName: 'claim' }) },
            ])
          }
        >
          Claim
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || none}
          onClick={() =>
            void run([
              {
                label: 'Claim and restake rewards',
                call: call({ address: STAKING_ADDRESS, abi: stakingAbi, functionName: 'claimAndStake' }),
              },
            ])
          }
        >
          Claim and restake
        </button>
      </div>
      <TxStatus state={state} />
    </section>
  )
}
