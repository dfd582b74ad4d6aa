import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import type { Address, Hex } from 'viem'
import { CHAIN_ID } from '../chain/addresses'
import { TestWalletBackend, type WalletRequest } from './backend'

export interface TestWalletOptions {
  privateKey: Hex
  rpcUrl: string
  /** Default 8453 (Base). */
  chainId?: number
  /** Offer EIP-5792 batched calls (atomic) on that chain. Default off, as in most wallets. */
  batchCalls?: boolean | undefined
}

export interface TestWalletController {
  /** The current account (whether or not the page is connected). */
  readonly address: Address
  /** The chain the wallet reports. */
  readonly chainId: number
  readonly connected: boolean
  /** The next request that needs the user (connect, personal_sign, eth_sendTransaction, wallet_sendCalls, chain switch) fails with 4001. */
  rejectNext(): void
  /** Emits accountsChanged when connected. */
  switchAccount(privateKey: Hex): Promise<void>
  /** The wallet then reports this chain; emits chainChanged. */
  switchChain(chainId: number): Promise<void>
  /** Emits accountsChanged []. */
  disconnect(): Promise<void>
  /** Every request the page made, in order. */
  requests(): WalletRequest[]
}

const REQUEST_BINDING = '__testWalletRequest'
const EMIT_NAME = '__testWalletEmit'
const ICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#0f766e"/><text x="16" y="22" font-family="sans-serif" font-size="16" fill="#fff" text-anchor="middle">T</text></svg>',
)}`
const PROVIDER_SOURCE = readFileSync(join(import.meta.dirname, 'injectedProvider.js'), 'utf8')

/**
 * Gives the page an EIP-1193 wallet on window.ethereum, announced with EIP-6963 as "Test Wallet".
 * Signing and the connected state live in Node, so they survive reloads. Call before the page navigates.
 */
export async function installTestWallet(page: Page, options: TestWalletOptions): Promise<TestWalletController> {
  const backend = new TestWalletBackend({
    privateKey: options.privateKey,
    rpcUrl: options.rpcUrl,
    chainId: options.chainId ?? CHAIN_ID,
    batchCalls: options.batchCalls,
    async emit(event, payload) {
      // A page that is navigating or closed misses the event; it reads the Node-side state when it loads.
      await page.evaluate(`window.${EMIT_NAME}?.(${JSON.stringify(event)}, ${JSON.stringify(payload)})`).catch(() => {})
    },
  })
  await page.exposeFunction(REQUEST_BINDING, (method: string, params: unknown) => backend.request(method, params))
  const config = {
    requestBinding: REQUEST_BINDING,
    emitName: EMIT_NAME,
    info: { uuid: randomUUID(), name: 'Test Wallet', icon: ICON, rdns: 'dev.test.wallet' },
  }
  await page.addInitScript({ content: `${PROVIDER_SOURCE}(${JSON.stringify(config)})` })
  return {
    get address() {
      return backend.account.address
    },
    get chainId() {
      return backend.chainId
    },
    get connected() {
      return backend.connected
    },
    rejectNext: () => backend.rejectNext(),
    switchAccount: (privateKey) => backend.switchAccount(privateKey),
    switchChain: (chainId) => backend.switchChain(chainId),
    disconnect: () => backend.disconnect(),
    requests: () => [...backend.requests],
  }
}
