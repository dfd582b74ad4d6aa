import { useEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { WalletIsland } from '../chain/walletIslands'
import { useWallet } from './WalletBoundary'

/** Our own light "Connect wallet" until the user reaches for it; RainbowKit's button after. */
export function ConnectSlot() {
  const { wallet, requestWallet, loadFailed } = useWallet()
  const ours = useRef<HTMLButtonElement>(null)
  const [island, setIsland] = useState<HTMLElement | null>(null)
  const [replaced, setReplaced] = useState(false)

  // RainbowKit's button shows a few renders after its module arrives (later still while wagmi
  // restores a connection). Until it can be used, it waits out of sight and ours stays; then focus
  // moves across before ours goes, so a keyboard user never falls back to the page's body.
  useEffect(() => {
    if (!island || replaced) return
    const takeOver = () => {
      const theirs = island.querySelector('button')
      if (!theirs || theirs.closest('[aria-hidden="true"]')) return
      observer.disconnect()
      if (document.activeElement === ours.current) theirs.focus()
      flushSync(() => setReplaced(true))
    }
    const observer = new MutationObserver(takeOver)
    observer.observe(island, { subtree: true, childList: true, attributes: true })
    takeOver()
    return () => observer.disconnect()
  }, [island, replaced])

  return (
    <>
      {!replaced && (
        <button
          ref={ours}
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
      )}
      {wallet && (
        <WalletIsland onNode={setIsland} className={replaced ? undefined : 'visually-hidden'}>
          <wallet.WalletButton />
        </WalletIsland>
      )}
    </>
  )
}
