import '@rainbow-me/rainbowkit/styles.css'
import { ConnectButton, RainbowKitProvider, darkTheme, lightTheme, useConnectModal } from '@rainbow-me/rainbowkit'
import { useEffect, useRef, type ReactNode } from 'react'
import { QueryClientProvider } from '@tanstack/react-query'
import { WagmiProvider } from 'wagmi'
import { config } from '../config'
import { queryClient } from '../query/queryClient'
import { startSandboxWallets } from './sandbox'
import { createWagmiConfig } from './wagmiConfig'

/** Everything wallet-related, loaded only on intent to connect (see walletLoader.ts). */
await startSandboxWallets()
const wagmiConfig = createWagmiConfig(config)

declare module 'wagmi' {
  interface Register {
    config: typeof wagmiConfig
  }
}

const theme = { lightMode: lightTheme(), darkMode: darkTheme() }

export function WalletProviders({ children, openModal }: { children: ReactNode; openModal: boolean }) {
  return (
    <WagmiProvider config={wagmiConfig}>
      <QueryClientProvider client={queryClient}>
        <RainbowKitProvider theme={theme} modalSize="compact" appInfo={{ appName: 'sVVV Key Minter' }}>
          {openModal && <OpenConnectModal />}
          {children}
        </RainbowKitProvider>
      </QueryClientProvider>
    </WagmiProvider>
  )
}

/** The click that loaded this module meant "connect": open the modal once it can be. */
function OpenConnectModal() {
  const { openConnectModal } = useConnectModal()
  const opened = useRef(false)
  useEffect(() => {
    if (opened.current || !openConnectModal) return
    opened.current = true
    openConnectModal()
  }, [openConnectModal])
  return null
}

export function WalletButton() {
  return <ConnectButton chainStatus="icon" showBalance={false} accountStatus={{ smallScreen: 'avatar', largeScreen: 'full' }} />
}
