import { formatEther, type Address } from 'viem'
import { startOfUtcDay } from './clock'
import type { StandinState } from './state'
import type { Account, AccountBalances } from './store'
import { accountDiemSpend, round4 } from './usage'

/** How much DIEM the wallet has staked on Base now (DIEM's `stakedInfos(wallet).amountStaked`, 18 decimals). */
export type StakedDiemReader = (wallet: Address) => Promise<bigint>

/** Below this much staked DIEM, none of it is spendable. */
const MIN_STAKED_DIEM = 0.1

/**
 * The account's balances as Venice reports them (docs/staking.md, "In the test world"): what a test
 * set with `control.setBalances`, plus the daily credit of the DIEM the linked wallet stakes on the
 * chain, read now. That credit is this epoch's allocation (1 DIEM staked = 1 DIEM a day, none below
 * 0.1) less the DIEM the account spent since UTC midnight. A test's explicit `diem: null` (unknown)
 * stays unknown, and so does DIEM when the chain cannot be read.
 */
export async function currentBalances(state: StandinState, account: Account, now: number): Promise<AccountBalances> {
  const set = account.balances
  if (!state.stakedDiem) return set
  let staked: number
  try {
    staked = Number(formatEther(await state.stakedDiem(account.wallet)))
  } catch {
    return { ...set, diem: null }
  }
  const allocation = staked >= MIN_STAKED_DIEM ? staked : 0
  const spent = accountDiemSpend(state.store, account.id, startOfUtcDay(now), now + 1)
  const credit = Math.max(0, allocation - spent)
  return {
    ...set,
    diem: set.diem === null ? null : round4(set.diem + credit),
    diemEpochAllocation: round4(set.diemEpochAllocation + allocation),
  }
}
