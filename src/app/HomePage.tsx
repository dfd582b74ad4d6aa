import { KeyList, PasteKeyForm, RememberPanel } from '../features/key'
import { navigate, paths } from './router'
import { useWallet } from './WalletBoundary'

export function HomePage() {
  const { requestWallet } = useWallet()
  return (
    <>
      <h1>Your Venice API key, from your staked VVV</h1>
      <p className="lead">
        Hold staked VVV (sVVV) on Base? Sign once with your wallet and get a Venice API key: no account, no login, no server in
        between. Then see what any key can do.
      </p>
      <div className="cards">
        <section className="card" aria-labelledby="mint-card">
          <h2 id="mint-card">Mint a key with your wallet</h2>
          <p>Connect, check your stake, choose the key’s limits, sign one message. Nothing is sent on-chain.</p>
          <a
            href={paths.mint}
            className="button primary"
            onPointerEnter={() => requestWallet(false)}
            onFocus={() => requestWallet(false)}
          >
            Start minting
          </a>
        </section>
        <section className="card" aria-labelledby="paste-card">
          <h2 id="paste-card">Check a key you already have</h2>
          <PasteKeyForm onAdded={(entry) => navigate(paths.key(entry.id))} />
        </section>
      </div>
      <KeyList hrefFor={(entry) => paths.key(entry.id)} />
      <RememberPanel />
    </>
  )
}
