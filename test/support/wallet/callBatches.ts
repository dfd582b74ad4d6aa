import {
  bytesToHex,
  createPublicClient,
  createTestClient,
  createWalletClient,
  hexToBigInt,
  http,
  numberToHex,
  type Address,
  type Hex,
  type PrivateKeyAccount,
  type RpcTransactionReceipt,
} from 'viem'
import { localBase } from '../chain/startChain'

/** EIP-5792 error codes (and EIP-1193's for a bad parameter). */
export const BATCH_ERRORS = {
  invalidParams: -32602,
  unsupportedCapability: 5700,
  unsupportedChain: 5710,
  duplicateId: 5720,
  unknownId: 5730,
} as const

export class BatchFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message)
  }
}

interface SendCallsParameter {
  version?: unknown
  id?: unknown
  from?: unknown
  chainId?: unknown
  atomicRequired?: unknown
  calls?: unknown
  capabilities?: unknown
}

interface BatchCall {
  to: Address
  data?: Hex
  value?: Hex
}

/** What wallet_getCallsStatus answers (EIP-5792 version 2.0.0). */
export interface CallsStatus {
  version: '2.0.0'
  id: string
  chainId: Hex
  /** 200 confirmed; 500 reverted completely (nothing included); 600 some calls reverted. */
  status: 200 | 500 | 600
  atomic: boolean
  receipts: Pick<RpcTransactionReceipt, 'logs' | 'status' | 'blockHash' | 'blockNumber' | 'gasUsed' | 'transactionHash'>[]
}

/**
 * EIP-5792 batches for the test wallet: `atomic: supported` on its own chain. A batch is simulated
 * as a whole first (eth_simulateV1): if any call would revert, nothing is sent and the batch
 * ends "reverted completely". Otherwise the calls are sent in order and mined together in one
 * block, so they land contiguously and all-or-nothing as far as the chain's state allows.
 */
export class CallBatches {
  private readonly done = new Map<string, CallsStatus>()

  constructor(
    private readonly rpcUrl: string,
    private readonly chainId: number,
  ) {}

  /** wallet_getCapabilities: keyed by chain id in hex, only the chains asked for (all when none). */
  capabilities(chainIds: unknown): Record<Hex, { atomic: { status: 'supported' } }> {
    const own = numberToHex(this.chainId)
    const asked = Array.isArray(chainIds) ? chainIds.map((id) => Number(id)) : [this.chainId]
    return asked.includes(this.chainId) ? { [own]: { atomic: { status: 'supported' } } } : {}
  }

  /** Checks a wallet_sendCalls request before the user is asked; returns the calls and the batch id. */
  check(parameter: unknown): { id: string; calls: BatchCall[] } {
    const request = (parameter ?? {}) as SendCallsParameter
    if (request.version !== '2.0.0') {
      throw new BatchFailure(BATCH_ERRORS.invalidParams, `Unsupported wallet_sendCalls version ${String(request.version)}`)
    }
    if (Number(request.chainId) !== this.chainId) {
      throw new BatchFailure(BATCH_ERRORS.unsupportedChain, `The test wallet batches calls on chain ${this.chainId} only`)
    }
    const required = Object.entries((request.capabilities ?? {}) as Record<string, { optional?: boolean }>).filter(
      ([, capability]) => !capability?.optional,
    )
    if (required.length > 0) {
      throw new BatchFailure(BATCH_ERRORS.unsupportedCapability, `Unsupported capability ${required[0]![0]}`)
    }
    if (!Array.isArray(request.calls) || request.calls.length === 0) {
      throw new BatchFailure(BATCH_ERRORS.invalidParams, 'wallet_sendCalls needs at least one call')
    }
    if (request.calls.some((call: { to?: unknown } | null) => typeof call?.to !== 'string')) {
      throw new BatchFailure(BATCH_ERRORS.invalidParams, 'The test wallet batches calls to contracts only (each with a "to")')
    }
    if (request.id !== undefined && typeof request.id !== 'string') {
      throw new BatchFailure(BATCH_ERRORS.invalidParams, 'A batch id is a string')
    }
    const id = request.id ?? bytesToHex(crypto.getRandomValues(new Uint8Array(32)))
    if (this.done.has(id)) throw new BatchFailure(BATCH_ERRORS.duplicateId, `A batch with id ${id} was already sent`)
    return { id, calls: request.calls as BatchCall[] }
  }

  /** Runs a checked batch from `account`; wallet_getCallsStatus answers for `id` afterwards. */
  async execute(account: PrivateKeyAccount, id: string, calls: BatchCall[]): Promise<void> {
    const chain = { ...localBase(this.rpcUrl), id: this.chainId }
    const transport = http(this.rpcUrl)
    const publicClient = createPublicClient({ chain, transport })
    const status = (code: CallsStatus['status'], receipts: CallsStatus['receipts']): CallsStatus => ({
      version: '2.0.0',
      id,
      chainId: numberToHex(this.chainId),
      status: code,
      atomic: code !== 600,
      receipts,
    })
    const txs = calls.map((call) => ({
      to: call.to,
      data: call.data,
      value: call.value === undefined ? undefined : hexToBigInt(call.value),
    }))

    const [block] = await publicClient.simulateBlocks({ blocks: [{ calls: txs.map((tx) => ({ ...tx, account })) }] })
    const simulated = block!.calls
    if (simulated.some((result) => result.status !== 'success')) {
      this.done.set(id, status(500, []))
      return
    }

    const testClient = createTestClient({ mode: 'anvil', chain, transport })
    const wallet = createWalletClient({ account, chain, transport })
    const nonce = await publicClient.getTransactionCount({ address: account.address, blockTag: 'pending' })
    const hashes: Hex[] = []
    await testClient.setAutomine(false)
    try {
      for (const [index, tx] of txs.entries()) {
        // The margin covers a later block's path (rewards accrue by the second).
        const gas = simulated[index]!.gasUsed * 2n + 50_000n
        hashes.push(await wallet.sendTransaction({ ...tx, gas, nonce: nonce + index }))
      }
      await testClient.mine({ blocks: 1 })
    } finally {
      await testClient.setAutomine(true)
    }
    const receipts = await Promise.all(
      hashes.map((hash) => publicClient.request({ method: 'eth_getTransactionReceipt', params: [hash] })),
    )
    const mined = receipts.map((receipt) => {
      if (!receipt) throw new Error('A batched transaction was not mined')
      const { logs, status, blockHash, blockNumber, gasUsed, transactionHash } = receipt
      return { logs, status, blockHash, blockNumber, gasUsed, transactionHash }
    })
    const failed = mined.filter((receipt) => receipt.status !== '0x1').length
    this.done.set(id, status(failed === 0 ? 200 : failed === mined.length ? 500 : 600, mined))
  }

  /** wallet_getCallsStatus. */
  status(id: unknown): CallsStatus {
    const found = this.done.get(String(id))
    if (!found) throw new BatchFailure(BATCH_ERRORS.unknownId, `No batch with id ${String(id)}`)
    return found
  }
}
