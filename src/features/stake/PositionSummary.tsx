import type { Position } from '../../chain/usePosition'
import { MIN_STAKED_DIEM, USD_PER_STAKED_DIEM_PER_DAY } from '../../chain/contracts'
import { formatToken } from './amount'
import { CooldownEnd } from './CooldownEnd'

const UNAVAILABLE = <span className="muted">unavailable</span>

function Figure({
  label,
  value,
  decimals,
  symbol,
}: {
  label: string
  value: bigint | undefined
  decimals: number | undefined
  symbol: string
}) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value === undefined || decimals === undefined ? UNAVAILABLE : `${formatToken(value, decimals)} ${symbol}`}</dd>
    </div>
  )
}

/** The whole position from one read; a figure whose read failed says "unavailable", alone. */
export function PositionSummary({ position }: { position: Position }) {
  const { vvvDecimals: vd, diemDecimals: dd, chainClockOffsetMs } = position
  return (
    <section aria-labelledby="position-title">
      <h2 id="position-title">Your position on Base</h2>
      <dl className="stats">
        <Figure label="VVV in wallet" value={position.vvv} decimals={vd} symbol="VVV" />
        <Figure label="Staked (sVVV)" value={position.svvv} decimals={vd} symbol="sVVV" />
        <Figure label="sVVV unlocked" value={position.svvvUnlocked} decimals={vd} symbol="sVVV" />
        <Figure label="sVVV locked behind DIEM" value={position.svvvLocked} decimals={vd} symbol="sVVV" />
        <Figure label="Pending rewards" value={position.pendingRewards} decimals={vd} symbol="VVV" />
        <div>
          <dt>Unstake in progress</dt>
          <dd>
            {position.unstake === undefined || vd === undefined ? (
              UNAVAILABLE
            ) : position.unstake.amount === 0n ? (
              'none'
            ) : (
              <>
                {formatToken(position.unstake.amount, vd)} sVVV, ends{' '}
                <CooldownEnd endsAt={position.unstake.endsAt} chainClockOffsetMs={chainClockOffsetMs} />
              </>
            )}
          </dd>
        </div>
        <Figure label="DIEM in wallet" value={position.diem} decimals={dd} symbol="DIEM" />
        <Figure label="DIEM staked" value={position.diemStaked} decimals={dd} symbol="DIEM" />
        <div>
          <dt>DIEM cooling down</dt>
          <dd>
            {position.diemUnstake === undefined || dd === undefined ? (
              UNAVAILABLE
            ) : position.diemUnstake.amount === 0n ? (
              'none'
            ) : (
              <>
                {formatToken(position.diemUnstake.amount, dd)} DIEM, ends{' '}
                <CooldownEnd endsAt={position.diemUnstake.endsAt} chainClockOffsetMs={chainClockOffsetMs} />
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Daily credit from staked DIEM</dt>
          <dd>
            {position.diemStaked === undefined || dd === undefined ? (
              UNAVAILABLE
            ) : (
              <DailyCredit staked={position.diemStaked} decimals={dd} />
            )}
          </dd>
        </div>
      </dl>
    </section>
  )
}

/** $1 per staked DIEM per UTC day, and nothing below the 0.1 DIEM minimum. */
export function DailyCredit({ staked, decimals }: { staked: bigint; decimals: number }) {
  const minimum = (MIN_STAKED_DIEM * 10n ** BigInt(decimals)) / 10n ** 18n
  const usd = `$${formatToken(staked * BigInt(USD_PER_STAKED_DIEM_PER_DAY), decimals, 2)} per day`
  if (staked >= minimum) return <span className="ok">{usd} (the 0.1 DIEM minimum is met)</span>
  return (
    <span className="bad">
      none yet: at least 0.1 DIEM must be staked{staked > 0n ? ` (${formatToken(staked, decimals)} is)` : ''}
    </span>
  )
}
