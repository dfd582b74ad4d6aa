import type { Address } from 'viem'

/** The mainnet addresses (see docs/chain.md); the local chain places mocks there. */
export const CHAIN_ID = 8453
export const VVV_ADDRESS: Address = '0xacfE6019Ed1A7Dc6f7B508C02d1b04ec88cC21bf'
export const STAKING_ADDRESS: Address = '0x321b7ff75154472B18EDb199033fF4D116F340Ff'
export const DIEM_ADDRESS: Address = '0xF4d97F2da56e8c3098f3a8D538DB630A2606a024'
export const MULTICALL3_ADDRESS: Address = '0xcA11bde05977b3631167028862bE2a173976CA11'
