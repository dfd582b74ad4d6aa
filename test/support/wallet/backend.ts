import { createWalletClient, hexToBigInt, http, isAddressEqual, isHex, numberToHex, type Address, type Hex } from 'viem'
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts'
import { localBase } from '../chain/startChain'
import { BatchFailure, CallBatches } from './callBatches'

export interface RpcError {
  code: number
  message: string
  data?: unknown
}

export type RpcOutcome = { result: unknown } | { error: RpcError }

export interface WalletRequest {
  method: string
  params: unknown
  /** Set when the request failed. */
  error?: RpcError
}

export type WalletEvent = 'accountsChanged' | 'chainChanged'

export interface WalletBackendOptions {
  privateKey: Hex
  rpcUrl: string
  chainId: number
  /** Answers EIP-5792's wallet_getCapabilities, wallet_sendCalls and wallet_getCallsStatus (refused otherwise, as by most wallets). */
  batchCalls?: boolean | undefined
  /** Delivers an EIP-1193 event to the page. */
  emit(event: WalletEvent, payload: unknown): Promise<void>
}

const USER_REJECTED: RpcError = { code: 4001, message: 'User rejected the request.' }
const UNAUTHORIZED: RpcError = { code: 4100, message: 'The requested account and/or method has not been authorized by the user.' }
/** Handled here or refused: never proxied, since anvil would sign them with its own unlocked accounts. */
const NOT_PROXIED = /^(eth_sign|eth_signTransaction|eth_signTypedData.*|eth_coinbase|wallet_.*|personal_.*)$/

class RpcFailure extends Error {
  constructor(readonly error: RpcError) {
    super(error.message)
  }
}

/** The wallet's state and signing, in Node: the page's provider forwards every request here. */
export class TestWalletBackend {
  account: PrivateKeyAccount
  chainId: number
  connected = false
  readonly requests: WalletRequest[] = []
  private rejectNextPrompt = false
  private readonly knownChains: Set<number>
  private readonly batches: CallBatches | undefined

  constructor(private readonly options: WalletBackendOptions) {
    this.account = privateKeyToAccount(options.privateKey)
    this.chainId = options.chainId
    this.knownChains = new Set([options.chainId])
    this.batches = options.batchCalls ? new CallBatches(options.rpcUrl, options.chainId) : undefined
  }

  async request(method: string, params: unknown): Promise<RpcOutcome> {
    const entry: WalletRequest = { method, params }
    this.requests.push(entry)
    try {
      return { result: await this.dispatch(method, Array.isArray(params) ? params : []) }
    } catch (error) {
      entry.error =
        error instanceof RpcFailure
          ? error.error
          : error instanceof BatchFailure
            ? { code: error.code, message: error.message }
            : { code: -32603, message: error instanceof Error ? error.message : String(error) }
      return { error: entry.error }
    }
  }

  /** The next request that would prompt the user is refused with 4001. */
  rejectNext(): void {
    this.rejectNextPrompt = true
  }

  async switchAccount(privateKey: Hex): Promise<void> {
    this.account = privateKeyToAccount(privateKey)
    if (this.connected) await this.options.emit('accountsChanged', [this.account.address])
  }

  async switchChain(chainId: number): Promise<void> {
    this.knownChains.add(chainId)
    this.chainId = chainId
    await this.options.emit('chainChanged', numberToHex(chainId))
  }

  async disconnect(): Promise<void> {
    this.connected = false
    await this.options.emit('accountsChanged', [])
  }

  private accounts(): Address[] {
    return this.connected ? [this.account.address] : []
  }

  /** A request the user would have to approve: honours rejectNext(). */
  private prompt(): void {
    if (!this.rejectNextPrompt) return
    this.rejectNextPrompt = false
    throw new RpcFailure(USER_REJECTED)
  }

  private async connect(): Promise<Address[]> {
    if (!this.connected) {
      this.prompt()
      this.connected = true
    }
    return this.accounts()
  }

  private requireAccount(address: unknown): void {
    if (!this.connected || typeof address !== 'string' || !isHex(address) || !isAddressEqual(address, this.account.address)) {
      throw new RpcFailure(UNAUTHORIZED)
    }
  }

  private async dispatch(method: string, params: unknown[]): Promise<unknown> {
    switch (method) {
      case 'eth_chainId':
        return numberToHex(this.chainId)
      case 'eth_accounts':
        return this.accounts()
      case 'eth_requestAccounts':
        return this.connect()
      case 'wallet_requestPermissions':
        await this.connect()
        return this.permissions()
      case 'wallet_getPermissions':
        return this.permissions()
      case 'wallet_revokePermissions':
        await this.disconnect()
        return null
      case 'wallet_switchEthereumChain':
        return this.switchFromPage(params[0])
      case 'personal_sign':
        return this.personalSign(params[0], params[1])
      case 'eth_sendTransaction':
        return this.sendTransaction(params[0])
      case 'wallet_getCapabilities':
        if (!this.batches) break
        this.requireAccount(params[0])
        return this.batches.capabilities(params[1])
      case 'wallet_sendCalls':
        if (!this.batches) break
        return this.sendCalls(this.batches, params[0])
      case 'wallet_getCallsStatus':
        if (!this.batches) break
        return this.batches.status(params[0])
    }
    if (NOT_PROXIED.test(method)) throw new RpcFailure({ code: 4200, message: `The test wallet does not support ${method}` })
    return this.proxy(method, params)
  }

  private permissions() {
    if (!this.connected) return []
    return [
      {
        parentCapability: 'eth_accounts',
        caveats: [{ type: 'restrictReturnedAccounts', value: this.accounts() }],
        date: Date.now(),
      },
    ]
  }

  private async switchFromPage(parameter: unknown): Promise<null> {
    const requested = String((parameter as { chainId?: unknown } | undefined)?.chainId)
    const chainId = Number(requested)
    if (!this.knownChains.has(chainId)) {
      throw new RpcFailure({
        code: 4902,
        message: `Unrecognized chain ID "${requested}". Try adding the chain using wallet_addEthereumChain first.`,
      })
    }
    if (chainId !== this.chainId) {
      this.prompt()
      await this.switchChain(chainId)
    }
    return null
  }

  /** EIP-191: a hex parameter is the message's bytes, anything else its text. */
  private async personalSign(message: unknown, address: unknown): Promise<Hex> {
    this.requireAccount(address)
    if (typeof message !== 'string') throw new RpcFailure({ code: -32602, message: 'personal_sign needs a message string' })
    this.prompt()
    return this.account.signMessage({ message: isHex(message) ? { raw: message } : message })
  }

  private async sendTransaction(parameter: unknown): Promise<Hex> {
    const tx = (parameter ?? {}) as Partial<Record<'from' | 'to' | 'data' | 'input' | 'value' | 'gas', Hex>>
    this.requireAccount(tx.from)
    if (this.chainId !== this.options.chainId) {
      throw new RpcFailure({ code: 4901, message: `The test wallet can only send on chain ${this.options.chainId}` })
    }
    this.prompt()
    const client = createWalletClient({
      account: this.account,
      chain: { ...localBase(this.options.rpcUrl), id: this.options.chainId },
      transport: http(this.options.rpcUrl),
    })
    return client.sendTransaction({
      to: tx.to,
      data: tx.data ?? tx.input,
      value: tx.value === undefined ? undefined : hexToBigInt(tx.value),
      gas: tx.gas === undefined ? undefined : hexToBigInt(tx.gas),
    })
  }

  /** One confirmation for the whole batch. */
  private async sendCalls(batches: CallBatches, parameter: unknown): Promise<{ id: string }> {
    this.requireAccount((parameter as { from?: unknown } | undefined)?.from)
    const { id, calls } = batches.check(parameter)
    this.prompt()
    await batches.execute(this.account, id, calls)
    return { id }
  }

  private async proxy(method: string, params: unknown[]): Promise<unknown> {
    const response = await fetch(this.options.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    })
    const reply = (await response.json()) as { result?: unknown; error?: RpcError }
    if (reply.error) throw new RpcFailure(reply.error)
    return reply.result
  }
}
