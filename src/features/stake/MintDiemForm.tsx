import { useState, type SubmitEvent } from 'react'
import { useReadContract } from 'wagmi'
import { base } from 'wagmi/chains'
import { STAKING_ADDRESS, stakingAbi } from '../../chain/contracts'
import type { Position } from '../../chain/usePosition'
import { Field } from '../../ui/Field'
import { AmountField } from './AmountField'
import { formatToken, lessPercent } from './amount'
import { TxStatus } from './TxStatus'
import { useAmount } from './useAmount'
import { call, isBusy, useTransaction } from './useTransaction'

const DEFAULT_SLIPPAGE = '1'

function parseSlippage(text: string): number | undefined {
  const value = Number(text)
  return /^\d+(\.\d{1,2})?$/.test(text.trim()) && value >= 0 && value <= 50 ? value : undefined
}

/** Lock sVVV to mint DIEM, at the quoted rate with a floor the user sees (default 1 % under the quote). */
export function MintDiemForm({ position, onMined }: { position: Position; onMined: () => unknown }) {
  const { vvvDecimals, diemDecimals } = position
  const field = useAmount(vvvDecimals, position.svvvUnlocked, 'sVVV')
  const [slippageText, setSlippageText] = useState(DEFAULT_SLIPPAGE)
  const slippage = parseSlippage(slippageText)
  const { state, run } = useTransaction(onMined)
  const busy = isBusy(state)
  const quote = useReadContract({
    address: STAKING_ADDRESS,
    abi: stakingAbi,
    functionName: 'getDiemAmountOut',
    args: [field.amount ?? 0n],
    chainId: base.id,
    query: { enabled: field.amount !== undefined, staleTime: 4_000, refetchInterval: 15_000 },
  })
  const quoted = field.amount !== undefined ? quote.data : undefined
  const floor = quoted !== undefined && slippage !== undefined ? lessPercent(quoted, slippage) : undefined
  const diem = (amount: bigint) => `${formatToken(amount, diemDecimals ?? 18)} DIEM`
  const svvv = (amount: bigint) => `${formatToken(amount, vvvDecimals ?? 18)} sVVV`

  async function submit(event: SubmitEvent) {
    event.preventDefault()
    const amount = field.take()
    if (amount === undefined || floor === undefined || busy) return
    const done = await run([
      {
        label: `Mint at least ${diem(floor)} by locking ${svvv(amount)}`,
        call: call({ address: STAKING_ADDRESS, abi: stakingAbi, functionName: 'mintDiem', args: [amount, floor] }),
      },
    ])
    if (done) field.clear()
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="mint-diem-title">
      <h3 id="mint-diem-title">Mint DIEM</h3>
      <p>
        Locks unlocked sVVV (it stays staked and keeps earning 80 % of the normal yield) and mints DIEM to this wallet. The rate
        rises as more DIEM exists. Burning DIEM later unlocks the sVVV again.
      </p>
      <AmountField
        label="sVVV to lock"
        symbol="sVVV"
        value={field.text}
        onChange={field.change}
        decimals={vvvDecimals}
        available={position.svvvUnlocked}
        error={field.error}
        disabled={busy}
      />
      <Field
        label="Slippage tolerance (%)"
        hint="If the rate moves further than this before your transaction is mined, it reverts instead of giving you less."
        error={slippage === undefined ? 'Enter a percentage from 0 to 50.' : undefined}
      >
        {(control) => (
          <input
            {...control}
            inputMode="decimal"
            value={slippageText}
            disabled={busy}
            onChange={(e) => setSlippageText(e.target.value)}
          />
        )}
      </Field>
      {field.amount !== undefined && (
        <p className="quote" aria-live="polite">
          {quote.isError
            ? 'The quote is unavailable: the chain did not answer.'
            : quoted === undefined
              ? 'Getting a quote…'
              : `${svvv(field.amount)} → ≈ ${diem(quoted)}`}
          {floor !== undefined && <> · you receive at least {diem(floor)}</>}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy || (field.amount !== undefined && floor === undefined)}>
          Mint DIEM
        </button>
      </div>
      <TxStatus state={state} />
    </form>
  )
}
