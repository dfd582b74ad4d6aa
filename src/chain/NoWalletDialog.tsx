import { useEffect, useRef } from 'react'

/** Instead of an empty wallet list: says no browser wallet was found, and where to get one. */
export function NoWalletDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    dialog.current?.showModal()
  }, [])
  return (
    <dialog ref={dialog} className="no-wallet" aria-labelledby="no-wallet-title" onClose={onClose}>
      <h2 id="no-wallet-title">No browser wallet found</h2>
      <p>
        Minting needs a wallet that holds your staked VVV on Base. This browser has none: install a wallet extension (MetaMask,
        Rabby, Coinbase Wallet…) and reload, or open this page in your wallet app’s own browser.
      </p>
      {import.meta.env.DEV ? (
        <p>
          Developing? <code>npm run sandbox</code> serves this app with labelled test wallets, a local chain and a stand-in Venice
          API.
        </p>
      ) : (
        <p>
          <a href="https://ethereum.org/en/wallets/find-wallet/" target="_blank" rel="noreferrer">
            Find a wallet
          </a>{' '}
          (ethereum.org)
        </p>
      )}
      <p className="hint">Without a wallet you can still check a key you already have: paste it on the home page.</p>
      <form method="dialog" className="actions">
        <button type="submit" className="button primary">
          Close
        </button>
      </form>
    </dialog>
  )
}
