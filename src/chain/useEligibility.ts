import type { Address } from 'viem'
import { useReadContracts } from 'wagmi'
import { base } from 'wagmi/chains'
import { STAKING_ADDRESS, VVV_ADDRESS, stakingAbi, vvvAbi } from './contracts'

export type Eligibility =
  { status: 'checking' } | { status: 'unknown'; error: unknown } | { status: 'eligible' | 'noStake'; svvv: bigint; vvv: bigint }

/**
 * Venice refuses to mint for a wallet with zero sVVV. Both balances come from Base in one
 * Multicall3 read, whatever chain the wallet is on.
 */
export function useEligibility(address: Address | undefined): Eligibility {
  const read = useReadContracts({
    allowFailure: false,
    contracts: [
      { address: STAKING_ADDRESS, abi: stakingAbi, functionName: 'balanceOf', args: [address!], chainId: base.id },
      { address: VVV_ADDRESS, abi: vvvAbi, functionName: 'balanceOf', args: [address!], chainId: base.id },
    ],
    query: { enabled: address !== undefined, retry: 1 },
  })
  if (read.isError) return { status: 'unknown', error: read.error }
  if (!read.data) return { status: 'checking' }
  const [svvv, vvv] = read.data
  return { status: svvv > 0n ? 'eligible' : 'noStake', svvv, vvv }
}
