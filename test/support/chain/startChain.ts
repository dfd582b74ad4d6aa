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
import { MULTICALL3_ADDRESS, STAKING_ADDRESS, VVV_ADDRESS } from './addresses'
import { startAnvil } from './anvil'
import { mockStaking, mockVvv, type ContractArtifact } from './artifacts'
import { multicall3RuntimeBytecode } from './multicall3'

export interface TestChain {
  rpcUrl: string
  publicClient: PublicClient<HttpTransport, Chain>
  /** Sets exact VVV and/or sVVV balances (token units with 18 decimals, e.g. parseEther('100')). */
  setBalances(address: Address, balances: { vvv?: bigint; svvv?: bigint }): Promise<void>
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
  const setBalance = (token: ContractArtifact, tokenAddress: Address, account: Address, amount: bigint) => {
    const sent = queue.then(async () => {
      const hash = await operator.writeContract({
        address: tokenAddress,
        abi: token.abi,
        functionName: 'setBalance',
        args: [account, amount],
      })
      await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 })
    })
    queue = sent.catch(() => {})
    return sent
  }

  return {
    rpcUrl: anvil.rpcUrl,
    publicClient,
    async setBalances(address, { vvv, svvv }) {
      if (vvv !== undefined) await setBalance(mockVvv, VVV_ADDRESS, address, vvv)
      if (svvv !== undefined) await setBalance(mockStaking, STAKING_ADDRESS, address, svvv)
    },
    async fund(address, eth) {
      await testClient.setBalance({ address, value: parseEther(eth) })
    },
    stop: () => anvil.stop(),
  }
}
