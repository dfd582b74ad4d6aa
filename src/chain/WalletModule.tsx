import '@rainbow-me/rainbowkit/styles.css'
import { ConnectButton, RainbowKitProvider } from '@rainbow-me/rainbowkit'
import { useContext, useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { QueryClientProvider } from '@tanstack/react-query'
import { useAccount, useConnectors, WagmiProvider } from 'wagmi'
import { config } from '../config'
import { queryClient } from '../query/queryClient'
import { NoWalletDialog } from './NoWalletDialog'
import { NoWalletContext, useOpenConnect } from './openConnect'
import { useWalletIslands } from './walletIslands'
import { createWagmiConfig } from './wagmiConfig'
import { walletTheme } from './walletTheme'

/** Everything wallet-related, loaded only on intent to connect (see walletLoader.ts). */
const wagmiConfig = createWagmiConfig(config)

declare module 'wagmi' {
  interface Register {
    config: typeof wagmiConfig
  }
}

/**
 * The one instance of the wallet providers, rendered beside the page: what needs them renders
 * through a WalletIsland (walletIslands.tsx) and is portalled back into its place in the page.
 */
export function WalletHost({ openModal }: { openModal: boolean }) {
  const [noWallet, setNoWallet] = useState(false)
  const islands = useWalletIslands()
  return (
    <WagmiProvider config={wagmiConfig}>
      <QueryClientProvider client={queryClient}>
        <RainbowKitProvider theme={walletTheme} modalSize="compact" appInfo={{ appName: 'sVVV Key Minter' }}>
          <NoWalletContext.Provider value={() => setNoWallet(true)}>
            {openModal && <OpenConnectModal />}
            {islands.map(([id, { node, content }]) => createPortal(content, node, id))}
            {noWallet && <NoWalletDialog onClose={() => setNoWallet(false)} />}
          </NoWalletContext.Provider>
        </RainbowKitProvider>
      </QueryClientProvider>
    </WagmiProvider>
  )
}

/** The click that loaded this module meant "connect": open the modal once it can be. */
function OpenConnectModal() {
  const openConnectModal = useOpenConnect()
  const opened = useRef(false)
  useEffect(() => {
    if (opened.current || !openConnectModal) return
    opened.current = true
    openConnectModal()
  }, [openConnectModal])
  return null
}

export function WalletButton() {
  const connectors = useConnectors()
  const showNoWallet = useContext(NoWalletContext)
  const { isConnected } = useAccount()
  if (!isConnected && connectors.length === 0) {
    return (
      <button type="button" className="button primary" onClick={showNoWallet}>
        Connect wallet
      </button>
    )
  }
  // RainbowKit styles and themes what sits under a `data-rk` element, as its provider's root is;
  // this button is portalled into the header, outside that root.
  return (
    <div data-rk="">
      <ConnectButton
        label="Connect wallet"
        chainStatus="icon"
        showBalance={false}
        accountStatus={{ smallScreen: 'avatar', largeScreen: 'full' }}
      />
    </div>
  )
}
