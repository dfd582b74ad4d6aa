import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  parseEther,
  type Address,
  type Chain,
  type HttpTransport,
  type PublicClient,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { base } from 'viem/chains'
import { OPERATOR_ACCOUNT } from './accounts'
import { DIEM_ADDRESS, MULTICALL3_ADDRESS, STAKING_ADDRESS, VVV_ADDRESS } from './addresses'
import { startAnvil } from './anvil'
import { mockDiem, mockStaking, mockVvv, type ContractArtifact } from './artifacts'
import { multicall3RuntimeBytecode } from './multicall3'

export interface TestChain {
  rpcUrl: string
  publicClient: PublicClient<HttpTransport, Chain>
  /** Sets exact VVV, sVVV and/or liquid DIEM balances (token units with 18 decimals, e.g. parseEther('100')). */
  setBalances(address: Address, balances: { vvv?: bigint; svvv?: bigint; diem?: bigint }): Promise<void>
  /** Sets the cooldowns, in seconds (0 restores the defaults: 7 days for sVVV, 1 day for DIEM). */
  setCooldowns(cooldowns: { svvv?: number; diem?: number }): Promise<void>
  /** Moves the chain's clock forward and mines a block stamped with the new time. */
  increaseTime(seconds: number): Promise<void>
  /** The latest block's timestamp, in Unix seconds. */
  now(): Promise<number>
  /** Sets the address's ETH balance, in ether (e.g. '1.5'). */
  fund(address: Address, eth: string): Promise<void>
  stop(): Promise<void>
}

/** viem's `base` (keeping its Multicall3 entry) pointed at a local RPC. */
export function localBase(rpcUrl: string): Chain {
  return { ...base, rpcUrls: { default: { http: [rpcUrl] } } }
}

/** Starts anvil as Base (chain id 8453, block 10000) with the mocks and Multicall3 at their mainnet addresses. */
export async function startChain({ port }: { port: number }): Promise<TestChain> {
  const anvil = await startAnvil(port)
  const chain = localBase(anvil.rpcUrl)
  const transport = http(anvil.rpcUrl)
  const publicClient = createPublicClient({ chain, transport })
  const testClient = createTestClient({ mode: 'anvil', chain, transport })
  const operator = createWalletClient({ chain, transport, account: privateKeyToAccount(OPERATOR_ACCOUNT.privateKey) })

  try {
    for (const [address, bytecode] of [
      [VVV_ADDRESS, mockVvv.deployedBytecode],
      [STAKING_ADDRESS, mockStaking.deployedBytecode],
      [DIEM_ADDRESS, mockDiem.deployedBytecode],
      [MULTICALL3_ADDRESS, multicall3RuntimeBytecode()],
    ] as const) {
      await testClient.setCode({ address, bytecode })
    }
  } catch (error) {
    await anvil.stop()
    throw error
  }

  // The operator's transactions go one at a time, so concurrent calls never race for a nonce.
  let queue = Promise.resolve()
  const operate = (token: ContractArtifact, tokenAddress: Address, functionName: string, args: readonly unknown[]) => {
    const sent = queue.then(async () => {
      const hash = await operator.writeContract({ address: tokenAddress, abi: token.abi, functionName, args })
      await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 })
    })
    queue = sent.catch(() => {})
    return sent
  }

  return {
    rpcUrl: anvil.rpcUrl,
    publicClient,
    async setBalances(address, { vvv, svvv, diem }) {
      if (vvv !== undefined) await operate(mockVvv, VVV_ADDRESS, 'setBalance', [address, vvv])
      if (svvv !== undefined) await operate(mockStaking, STAKING_ADDRESS, 'setBalance', [address, svvv])
      if (diem !== undefined) await operate(mockDiem, DIEM_ADDRESS, 'setBalance', [address, diem])
    },
    async setCooldowns({ svvv, diem }) {
      if (svvv !== undefined) await operate(mockStaking, STAKING_ADDRESS, 'setCooldownDuration', [BigInt(svvv)])
      if (diem !== undefined) await operate(mockDiem, DIEM_ADDRESS, 'setCooldownDuration', [BigInt(diem)])
    },
    async increaseTime(seconds) {
      await queue
      await testClient.increaseTime({ seconds })
      await testClient.mine({ blocks: 1 })
    },
    async now() {
      return Number((await publicClient.getBlock()).timestamp)
    },
    async fund(address, eth) {
      await testClient.setBalance({ address, value: parseEther(eth) })
    },
    stop: () => anvil.stop(),
  }
}
