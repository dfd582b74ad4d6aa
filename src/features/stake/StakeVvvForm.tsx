import type { Address } from 'viem'
import { useCapabilities } from 'wagmi'
import { base } from 'wagmi/chains'
import { STAKING_ADDRESS, VVV_ADDRESS, stakingAbi, vvvAbi } from '../../chain/contracts'
import type { Position } from '../../chain/usePosition'
import { AmountField } from './AmountField'
import { formatToken } from './amount'
import { TxStatus } from './TxStatus'
import { useAmount } from './useAmount'
import { call, isBusy, useTransaction, type Step } from './useTransaction'

interface Props {
  address: Address
  position: Position
  onMined: () => unknown
}

/** Approve exactly the amount, then stake it to this wallet; one confirmation where the wallet batches (EIP-5792). */
export function StakeVvvForm({ address, position, onMined }: Props) {
  const decimals = position.vvvDecimals
  const field = useAmount(decimals, position.vvv, 'VVV')
  const { state, run, runBatch } = useTransaction(onMined)
  const { data: capabilities } = useCapabilities({ chainId: base.id })
  const atomic = capabilities?.atomic?.status
  const canBatch = atomic === 'supported' || atomic === 'ready'
  const busy = isBusy(state)

  const steps = (amount: bigint): Step[] => {
    const words = `${formatToken(amount, decimals ?? 18)} VVV`
    return [
      {
        label: `Approve exactly ${words} for staking`,
        call: call({ address: VVV_ADDRESS, abi: vvvAbi, functionName: 'approve', args: [STAKING_ADDRESS, amount] }),
      },
      {
        label: `Stake ${words}`,
        call: call({ address: STAKING_ADDRESS, abi: stakingAbi, functionName: 'stake', args: [address, amount] }),
      },
    ]
  }

  async function submit(event: { preventDefault(): void }, batched: boolean) {
    event.preventDefault()
    const amount = field.take()
    if (amount === undefined || busy) return
    const all = steps(amount)
    const done = batched ? await runBatch(`Approve and stake ${formatToken(amount, decimals ?? 18)} VVV`, all) : await run(all)
    if (done) field.clear()
  }

  return (
    <section aria-labelledby="stake-vvv-title">
      <h2 id="stake-vvv-title">Stake VVV</h2>
      <p>
        Staked VVV (sVVV) earns rewards and lets this wallet mint Venice API keys: any amount above zero will do. Two steps: your
        wallet first allows the staking contract to take exactly this amount of VVV (never more), then stakes it.
      </p>
      <form onSubmit={(event) => void submit(event, false)} noValidate>
        <AmountField
          label="VVV to stake"
          symbol="VVV"
          value={field.text}
          onChange={field.change}
          decimals={decimals}
          available={position.vvv}
          error={field.error}
          disabled={busy}
        />
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {canBatch ? 'Approve, then stake (two confirmations)' : 'Approve and stake'}
          </button>
          {canBatch && (
            <button type="button" className="button primary" disabled={busy} onClick={(event) => void submit(event, true)}>
              Approve and stake in one confirmation
            </button>
          )}
        </div>
      </form>
      <TxStatus state={state} />
    </section>
  )
}
