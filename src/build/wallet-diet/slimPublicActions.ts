/**
 * What wagmi's `getPublicClient` extends its client with in this build (see ../walletDiet.ts),
 * instead of viem's `publicActions`.
 *
 * `publicActions` statically imports every read action viem has: ENS resolution, CCIP lookups,
 * signature verification, filters (~40 KB gz). The only caller of `getPublicClient` in this app
 * is RainbowKit's transaction store, which hands the client to `waitForTransactionReceipt` from
 * `viem/actions`; viem actions reach other actions through `getAction(client, action, name)`,
 * which falls back to the imported function when the client lacks the method. wagmi's own
 * actions (readContracts, simulateContract, …) never go through this client. So the client
 * keeps only a few common read methods, for code that calls them on it.
 */
import type { Client } from 'viem'
import {
  call,
  estimateGas,
  getBalance,
  getBlock,
  getBlockNumber,
  getChainId,
  getTransactionReceipt,
  multicall,
  readContract,
  simulateContract,
  waitForTransactionReceipt,
} from 'viem/actions'

type Args<F> = F extends (client: never, args: infer A) => unknown ? A : never

export function slimPublicActions(client: Client) {
  return {
    call: (args: Args<typeof call>) => call(client, args),
    estimateGas: (args: Args<typeof estimateGas>) => estimateGas(client, args),
    getBalance: (args: Args<typeof getBalance>) => getBalance(client, args),
    getBlock: (args?: Args<typeof getBlock>) => getBlock(client, args),
    getBlockNumber: (args?: Args<typeof getBlockNumber>) => getBlockNumber(client, args),
    getChainId: () => getChainId(client),
    getTransactionReceipt: (args: Args<typeof getTransactionReceipt>) => getTransactionReceipt(client, args),
    multicall: (args: Args<typeof multicall>) => multicall(client, args),
    readContract: (args: Args<typeof readContract>) => readContract(client, args),
    simulateContract: (args: Args<typeof simulateContract>) => simulateContract(client, args),
    waitForTransactionReceipt: (args: Args<typeof waitForTransactionReceipt>) => waitForTransactionReceipt(client, args),
  }
}
