import { useWallet } from './WalletBoundary'

/** Our own light "Connect wallet" until the user reaches for it; RainbowKit's button after. */
export function ConnectSlot() {
  const { wallet, requestWallet, loadFailed } = useWallet()
  if (wallet) return <wallet.WalletButton />
  return (
    <button
      type="button"
      className="button primary"
      // Every sign of intent starts the download: on a slow network the click alone comes late.
      onPointerEnter={() => requestWallet(false)}
      onPointerDown={() => requestWallet(false)}
      onFocus={() => requestWallet(false)}
      onTouchStart={() => requestWallet(false)}
      onClick={() => requestWallet(true)}
      title={loadFailed ? 'The wallet code could not be loaded: check your connection and try again.' : undefined}
    >
      {loadFailed ? 'Retry wallet' : 'Connect wallet'}
    </button>
  )
}
