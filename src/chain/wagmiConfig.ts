import { connectorsForWallets } from '@rainbow-me/rainbowkit'
import { base as baseWallet, metaMaskWallet, rainbowWallet, walletConnectWallet } from '@rainbow-me/rainbowkit/wallets'
import { createConfig, http } from 'wagmi'
import { base } from 'wagmi/chains'
import type { AppConfig } from '../config/env'

const APP_NAME = 'sVVV Key Minter'

/**
 * Browser wallets are always found through EIP-6963 (wagmi's multi-injected discovery).
 * Wallets that need a relay or an SDK of their vendor come only with a real WalletConnect id.
 * The id is also read straight from `import.meta.env`, which the build replaces with its value:
 * without one, this branch is dead and the relay wallets, their SDKs and icons leave the bundle.
 */
export function createWagmiConfig(config: AppConfig) {
  const relayed =
    import.meta.env.VITE_WALLETCONNECT_PROJECT_ID && config.walletConnectProjectId
      ? connectorsForWallets(
          [{ groupName: 'More wallets', wallets: [baseWallet, metaMaskWallet, rainbowWallet, walletConnectWallet] }],
          { appName: APP_NAME, projectId: config.walletConnectProjectId },
        )
      : []
  return createConfig({
    chains: [base],
    // A stuck RPC gives up after 20 s (viem's default is 10 s; a batched multicall on a slow network needs more).
    transports: { [base.id]: http(config.baseRpcUrl, { batch: true, timeout: 20_000 }) },
    connectors: relayed,
    multiInjectedProviderDiscovery: true,
    ssr: false,
  })
}
