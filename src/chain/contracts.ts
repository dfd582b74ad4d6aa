import { erc20Abi, type Address } from 'viem'

export const VVV_ADDRESS: Address = '0xacfE6019Ed1A7Dc6f7B508C02d1b04ec88cC21bf'
/** The Venice staking contract, which is also the sVVV ERC-20. */
export const STAKING_ADDRESS: Address = '0x321b7ff75154472B18EDb199033fF4D116F340Ff'
export const TOKEN_DECIMALS = 18

export const vvvAbi = erc20Abi

/** Only the confirmed parts of the staking ABI (docs/chain.md). */
export const stakingAbi = [
  {
    type: 'function',
    name: 'balanceOf',
    stateMutability: 'view',
    inputs: [{ name: 'account', type: 'address' }],
    outputs: [{ name: '', type: 'uint256' }],
  },
  {
    type: 'function',
    name: 'stake',
    stateMutability: 'nonpayable',
    inputs: [
      { name: 'recipient', type: 'address' },
      { name: 'amount', type: 'uint256' },
    ],
    outputs: [],
  },
] as const
