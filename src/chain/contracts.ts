import { erc20Abi, type Address } from 'viem'
import { diemStakingAbi } from './stakingAbi'

export { stakingAbi } from './stakingAbi'

export const VVV_ADDRESS: Address = '0xacfE6019Ed1A7Dc6f7B508C02d1b04ec88cC21bf'
/** The Venice staking contract, which is also the sVVV ERC-20. */
export const STAKING_ADDRESS: Address = '0x321b7ff75154472B18EDb199033fF4D116F340Ff'
export const DIEM_ADDRESS: Address = '0xF4d97F2da56e8c3098f3a8D538DB630A2606a024'
export const MULTICALL3_ADDRESS: Address = '0xcA11bde05977b3631167028862bE2a173976CA11'
export const TOKEN_DECIMALS = 18

export const vvvAbi = erc20Abi
/** DIEM's ERC-20 surface and its built-in staking. */
export const diemAbi = [...erc20Abi, ...diemStakingAbi] as const

/** What one staked DIEM gives the linked Venice account per UTC day, in USD; and the stake below which none of it is spendable. */
export const USD_PER_STAKED_DIEM_PER_DAY = 1
export const MIN_STAKED_DIEM = 10n ** 17n // 0.1 DIEM
