import type { SubmitEvent } from 'react'
import { DIEM_ADDRESS, STAKING_ADDRESS, diemAbi, stakingAbi } from '../../chain/contracts'
import type { Position } from '../../chain/usePosition'
import { AmountField } from './AmountField'
import { formatCooldown, formatToken } from './amount'
import { CooldownEnd } from './CooldownEnd'
import { TxStatus } from './TxStatus'
import { useAmount } from './useAmount'
import { call, isBusy, useTransaction, type Call } from './useTransaction'

interface Props {
  position: Position
  onMined: () => unknown
}

const min = (a: bigint | undefined, b: bigint | undefined) => (a === undefined || b === undefined ? undefined : a < b ? a : b)

/** Stake DIEM for daily credit, start its unstake (1-day cooldown), withdraw, and burn DIEM to unlock sVVV. */
export function DiemStakeForms({ position, onMined }: Props) {
  const decimals = position.diemDecimals
  const diem = (amount: bigint) => `${formatToken(amount, decimals ?? 18)} DIEM`
  const cooldown = formatCooldown(position.diemCooldownSeconds, '1 day')
  const cooling = position.diemUnstake && position.diemUnstake.amount > 0n ? position.diemUnstake : undefined
  const withdraw = useTransaction(onMined)

  return (
    <>
      <AmountAction
        title="Stake DIEM"
        explanation="Each staked DIEM gives the Venice account of this wallet $1 of credit per UTC day (at least 0.1 DIEM must be staked). Your keys spend it."
        fieldLabel="DIEM to stake"
        available={position.diem}
        decimals={decimals}
        buttonLabel="Stake DIEM"
        step={(amount) => ({
          label: `Stake ${diem(amount)}`,
          call: call({ address: DIEM_ADDRESS, abi: diemAbi, functionName: 'stake', args: [amount] }),
        })}
        onMined={onMined}
      />
      <AmountAction
        title="Unstake DIEM"
        explanation={`Unstaked DIEM can be withdrawn after ${cooldown}. A new request restarts the ${cooldown} cooldown for the whole pending amount${
          cooling ? ` (${diem(cooling.amount)} is already cooling down)` : ''
        }. Daily credit stops for what you unstake.`}
        fieldLabel="DIEM to unstake"
        available={position.diemStaked}
        decimals={decimals}
        buttonLabel={`Start DIEM unstake (${cooldown} cooldown)`}
        step={(amount) => ({
          label: `Start unstaking ${diem(amount)}`,
          call: call({ address: DIEM_ADDRESS, abi: diemAbi, functionName: 'initiateUnstake', args: [amount] }),
        })}
        onMined={onMined}
      />
      {cooling && (
        <div>
          <p>
            {diem(cooling.amount)} cooling down, withdrawable from{' '}
            <CooldownEnd endsAt={cooling.endsAt} chainClockOffsetMs={position.chainClockOffsetMs} />.
          </p>
          <button
            type="button"
            className="button primary"
            disabled={isBusy(withdraw.state)}
            onClick={() =>
              void withdraw.run([
                { label: 'Withdraw unstaked DIEM', call: call({ address: DIEM_ADDRESS, abi: diemAbi, functionName: 'unstake' }) },
              ])
            }
          >
            Withdraw DIEM
          </button>
        </div>
      )}
      <TxStatus state={withdraw.state} />
      <AmountAction
        title="Burn DIEM"
        explanation="Burns liquid DIEM that this wallet minted and unlocks the sVVV it locked, in proportion."
        fieldLabel="DIEM to burn"
        available={min(position.diemMinted, position.diem)}
        decimals={decimals}
        buttonLabel="Burn DIEM"
        step={(amount) => ({
          label: `Burn ${diem(amount)}`,
          call: call({ address: STAKING_ADDRESS, abi: stakingAbi, functionName: 'burnDiem', args: [amount] }),
        })}
        onMined={onMined}
      />
    </>
  )
}

interface AmountActionProps {
  title: string
  explanation: string
  fieldLabel: string
  available: bigint | undefined
  decimals: number | undefined
  buttonLabel: string
  step: (amount: bigint) => { label: string; call: Call }
  onMined: () => unknown
}

/** One amount, one write, its status. */
function AmountAction({ title, explanation, fieldLabel, available, decimals, buttonLabel, step, onMined }: AmountActionProps) {
  const field = useAmount(decimals, available, 'DIEM')
  const { state, run } = useTransaction(onMined)
  const busy = isBusy(state)
  async function submit(event: SubmitEvent) {
    event.preventDefault()
    const amount = field.take()
    if (amount === undefined || busy) return
    if (await run([step(amount)])) field.clear()
  }
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={title}>
      <h3>{title}</h3>
      <p>{explanation}</p>
      <AmountField
        label={fieldLabel}
        symbol="DIEM"
        value={field.text}
        onChange={field.change}
        decimals={decimals}
        available={available}
        error={field.error}
        disabled={busy}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {buttonLabel}
        </button>
      </div>
      <TxStatus state={state} />
    </form>
  )
}
