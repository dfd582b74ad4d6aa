import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react'
import { loadWalletModule, wasConnectedBefore } from '../chain/walletLoader'

type WalletModule = Awaited<ReturnType<typeof loadWalletModule>>

interface WalletContextValue {
  /** The loaded wallet module, or null until the user shows intent to connect. */
  wallet: WalletModule | null
  loadFailed: boolean
  /** Load the wallet module; `open` also opens the connect modal once loaded. */
  requestWallet: (open: boolean) => void
}

const WalletContext = createContext<WalletContextValue | null>(null)

export function useWallet(): WalletContextValue {
  const value = useContext(WalletContext)
  if (!value) throw new Error('useWallet outside WalletBoundary')
  return value
}

/**
 * Keeps wagmi, RainbowKit and the connectors out of the first load. They load when the user
 * reaches for a wallet, or at start for a user who was connected last time, and render beside the
 * page, never around it: the page keeps its state when they arrive (see chain/walletIslands.tsx).
 */
export function WalletBoundary({ children }: { children: ReactNode }) {
  const [wallet, setWallet] = useState<WalletModule | null>(null)
  const [openModal, setOpenModal] = useState(false)
  const [loadFailed, setLoadFailed] = useState(false)

  const requestWallet = useCallback((open: boolean) => {
    if (open) setOpenModal(true)
    loadWalletModule().then(setWallet, () => setLoadFailed(true))
  }, [])

  useEffect(() => {
    if (wasConnectedBefore()) loadWalletModule().then(setWallet, () => setLoadFailed(true))
  }, [])

  const value = { wallet, loadFailed, requestWallet }
  return (
    <WalletContext.Provider value={value}>
      {children}
      {wallet && <wallet.WalletHost openModal={openModal} />}
    </WalletContext.Provider>
  )
}
