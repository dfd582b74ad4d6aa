import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect } from 'react'
import { multicall3Abi, type Address } from 'viem'
import { useBlockNumber, useReadContracts } from 'wagmi'
import { base } from 'wagmi/chains'
import { DIEM_ADDRESS, MULTICALL3_ADDRESS, STAKING_ADDRESS, VVV_ADDRESS, diemAbi, stakingAbi, vvvAbi } from './contracts'

/** A figure is undefined when its read failed: shown as "unavailable", the others stay. */
export interface Position {
  vvvDecimals?: number | undefined
  vvv?: bigint | undefined
  /** sVVV, locked included: what Venice checks to mint a key. */
  svvv?: bigint | undefined
  svvvUnlocked?: bigint | undefined
  pendingRewards?: bigint | undefined
  unstake?: { amount: bigint; endsAt: number } | undefined
  unstakeCooldownSeconds?: bigint | undefined
  svvvLocked?: bigint | undefined
  /** DIEM this wallet minted and has not burned: the most it may burn. */
  diemMinted?: bigint | undefined
  diemDecimals?: number | undefined
  diem?: bigint | undefined
  diemStaked?: bigint | undefined
  diemUnstake?: { amount: bigint; endsAt: number } | undefined
  diemCooldownSeconds?: bigint | undefined
  /** The chain's clock less this browser's, in ms: cooldowns end by the chain's time. */
  chainClockOffsetMs: number
}

/**
 * The wallet's whole staking position in one Multicall3 read, refreshed on new blocks (at most
 * every few seconds) and by `refresh()` after a transaction.
 */
export function usePosition(address: Address | undefined) {
  const account = address!
  const read = useReadContracts({
    allowFailure: true,
    contracts: [
      { address: VVV_ADDRESS, abi: vvvAbi, functionName: 'decimals', chainId: base.id },
      { address: VVV_ADDRESS, abi: vvvAbi, functionName: 'balanceOf', args: [account], chainId: base.id },
      { address: STAKING_ADDRESS, abi: stakingAbi, functionName: 'balanceOf', args: [account], chainId: base.id },
      { address: STAKING_ADDRESS, abi: stakingAbi, functionName: 'balanceOfUnlocked', args: [account], chainId: base.id },
      { address: STAKING_ADDRESS, abi: stakingAbi, functionName: 'pendingRewards', args: [account], chainId: base.id },
      { address: STAKING_ADDRESS, abi: stakingAbi, functionName: 'stakes', args: [account], chainId: base.id },
      { address: STAKING_ADDRESS, abi: stakingAbi, functionName: 'lockedStakes', args: [account], chainId: base.id },
      { address: STAKING_ADDRESS, abi: stakingAbi, functionName: 'cooldownDuration', chainId: base.id },
      { address: DIEM_ADDRESS, abi: diemAbi, functionName: 'decimals', chainId: base.id },
      { address: DIEM_ADDRESS, abi: diemAbi, functionName: 'balanceOf', args: [account], chainId: base.id },
      { address: DIEM_ADDRESS, abi: diemAbi, functionName: 'stakedInfos', args: [account], chainId: base.id },
      { address: DIEM_ADDRESS, abi: diemAbi, functionName: 'cooldownDuration', chainId: base.id },
      { address: MULTICALL3_ADDRESS, abi: multicall3Abi, functionName: 'getCurrentBlockTimestamp', chainId: base.id },
    ],
    query: { enabled: address !== undefined, staleTime: 4_000 },
  })
  const { data, refetch, isPending, dataUpdatedAt } = read

  // The block number is polled every few seconds (wagmi's polling interval): each new block reads again.
  const { data: block } = useBlockNumber({ chainId: base.id, watch: address !== undefined })
  useEffect(() => {
    if (block !== undefined) void refetch()
  }, [block, refetch])

  const queryClient = useQueryClient()
  /** After a transaction: every chain read (this one, the mint page's eligibility) is read again. */
  const refresh = useCallback(
    () => queryClient.invalidateQueries({ predicate: (query) => /^readContracts?$/.test(String(query.queryKey[0])) }),
    [queryClient],
  )

  if (!data) return { position: undefined, loading: isPending, refresh }
  const ok = <T>(entry: { status: 'success'; result: T } | { status: 'failure' }) =>
    entry.status === 'success' ? entry.result : undefined
  const [
    vvvDecimals,
    vvv,
    svvv,
    svvvUnlocked,
    pendingRewards,
    stakes,
    locked,
    cooldown,
    diemDecimals,
    diem,
    staked,
    diemCooldown,
    blockTime,
  ] = data
  const stakesResult = ok(stakes)
  const lockedResult = ok(locked)
  const stakedResult = ok(staked)
  const cooling = (amount: bigint, end: bigint) => ({ amount, endsAt: Number(end) * 1000 })
  const position: Position = {
    vvvDecimals: ok(vvvDecimals),
    vvv: ok(vvv),
    svvv: ok(svvv),
    svvvUnlocked: ok(svvvUnlocked),
    pendingRewards: ok(pendingRewards),
    unstake: stakesResult && cooling(stakesResult[2], stakesResult[1]),
    unstakeCooldownSeconds: ok(cooldown),
    svvvLocked: lockedResult?.[0],
    diemMinted: lockedResult?.[1],
    diemDecimals: ok(diemDecimals),
    diem: ok(diem),
    diemStaked: stakedResult?.[0],
    diemUnstake: stakedResult && cooling(stakedResult[2], stakedResult[1]),
    diemCooldownSeconds: ok(diemCooldown),
    chainClockOffsetMs: blockTime.status === 'success' ? Number(blockTime.result) * 1000 - dataUpdatedAt : 0,
  }
  return { position, loading: false, refresh }
}
