import type { SubmitEvent } from 'react'
import { STAKING_ADDRESS, stakingAbi } from '../../chain/contracts'
import type { Position } from '../../chain/usePosition'
import { AmountField } from './AmountField'
import { formatCooldown, formatToken } from './amount'
import { CooldownEnd } from './CooldownEnd'
import { TxStatus } from './TxStatus'
import { useAmount } from './useAmount'
import { call, isBusy, useTransaction } from './useTransaction'

/** Start an unstake (one at a time, no cancel), then finalize it once its cooldown has passed. */
export function UnstakePanel({ position, onMined }: { position: Position; onMined: () => unknown }) {
  const decimals = position.vvvDecimals
  const field = useAmount(decimals, position.svvvUnlocked, 'sVVV')
  const { state, run } = useTransaction(onMined)
  const busy = isBusy(state)
  const cooldown = formatCooldown(position.unstakeCooldownSeconds, '7 days')
  const running = position.unstake && position.unstake.amount > 0n ? position.unstake : undefined

  async function initiate(event: SubmitEvent) {
    event.preventDefault()
    const amount = field.take()
    if (amount === undefined || busy || running) return
    const words = `${formatToken(amount, decimals ?? 18)} sVVV`
    const done = await run([
      {
        label: `Start unstaking ${words}`,
        call: call({ address: STAKING_ADDRESS, abi: stakingAbi, functionName: 'initiateUnstake', args: [amount] }),
      },
    ])
    if (done) field.clear()
  }

  return (
    <section aria-labelledby="unstake-title">
      <h2 id="unstake-title">Unstake</h2>
      {running ? (
        <>
          <p>
            {formatToken(running.amount, decimals ?? 18)} sVVV are cooling down. They can be withdrawn as VVV from{' '}
            <CooldownEnd endsAt={running.endsAt} chainClockOffsetMs={position.chainClockOffsetMs} />. Another unstake can start
            only after this one is finalized.
          </p>
          <div className="actions">
            <button
              type="button"
              className="button primary"
              disabled={busy}
              onClick={() =>
                void run([
                  {
                    label: 'Finalize the unstake',
                    call: call({ address: STAKING_ADDRESS, abi: stakingAbi, functionName: 'finalizeUnstake' }),
                  },
                ])
              }
            >
              Finalize unstake
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={(event) => void initiate(event)} noValidate>
          <p>
            Unstaking takes <strong>{cooldown}</strong>: the sVVV stop earning at once, and you withdraw them as VVV after the
            cooldown. It cannot be cancelled, and only one unstake can run at a time. Only unlocked sVVV (not locked behind DIEM)
            can be unstaked. A wallet left with no sVVV can no longer mint Venice keys.
          </p>
          <AmountField
            label="sVVV to unstake"
            symbol="sVVV"
            value={field.text}
            onChange={field.change}
            decimals={decimals}
            available={position.svvvUnlocked}
            error={field.error}
            disabled={busy}
          />
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              Start unstaking ({cooldown} cooldown)
            </button>
          </div>
        </form>
      )}
      <TxStatus state={state} />
    </section>
  )
}
