import { afterEach, describe, expect, it, vi } from 'vitest'
import { createWagmiConfig } from '../../src/chain/wagmiConfig'
import { parseEnv } from '../../src/config/env'

describe('createWagmiConfig', () => {
  afterEach(() => vi.unstubAllEnvs())

  it('offers only EIP-6963 browser wallets without a WalletConnect project id', () => {
    const config = createWagmiConfig(parseEnv({}))
    expect(config.connectors).toEqual([])
    expect(config.chains.map((chain) => chain.id)).toEqual([8453])
  })

  it('adds Base, MetaMask, Rainbow and WalletConnect wallets with a real project id', () => {
    const env = { VITE_WALLETCONNECT_PROJECT_ID: '0123456789abcdef0123456789abcdef' }
    vi.stubEnv('VITE_WALLETCONNECT_PROJECT_ID', env.VITE_WALLETCONNECT_PROJECT_ID) // what a build with the id sees
    const config = createWagmiConfig(parseEnv(env))
    // RainbowKit tags each connector with the wallet it stands for (outside a browser they are mocks).
    const wallets = config.connectors.map((connector) => (connector as unknown as { rkDetails: { id: string } }).rkDetails.id)
    expect(new Set(wallets)).toEqual(new Set(['base', 'metaMask', 'rainbow', 'walletConnect']))
  })
})
