import { useConnectModal } from '@rainbow-me/rainbowkit'
import { createContext, useContext } from 'react'
import { useConnectors } from 'wagmi'

/**
 * Opening the connect modal, for the wallet host and the pages inside it. Its own module, not
 * WalletModule.tsx: a page importing the lazily loaded module would merge it into a shared chunk.
 */

/** Provided by the wallet host: shows that no browser wallet was found. */
export const NoWalletContext = createContext<() => void>(() => undefined)

/** Opens RainbowKit's modal; with no wallet to list (no browser wallet, no WalletConnect id), says so instead. */
export function useOpenConnect(): (() => void) | undefined {
  const { openConnectModal } = useConnectModal()
  const connectors = useConnectors()
  const showNoWallet = useContext(NoWalletContext)
  if (!openConnectModal) return undefined
  return connectors.length > 0 ? openConnectModal : showNoWallet
}
