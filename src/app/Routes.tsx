import { lazy, Suspense, useEffect, type ReactNode } from 'react'
import { WalletIsland } from '../chain/walletIslands'
import { HomePage } from './HomePage'
import { KeysPage } from './KeysPage'
import { navigate, paths, useHashRoute } from './router'
import { useWallet } from './WalletBoundary'

const MintPage = lazy(() => import('../features/mint'))
const StakePage = lazy(() => import('../features/stake'))
const AboutPage = lazy(() => import('../features/about'))
// The key page (reveal, snippets, sections) is never the first screen: it loads when a key opens.
const KeyPage = lazy(() => import('./KeyPage').then(({ KeyPage }) => ({ default: KeyPage })))

export function Routes() {
  const route = useHashRoute()
  switch (route.name) {
    case 'home':
      return <HomePage />
    case 'mint':
      return (
        <WalletRoute>
          <MintPage onMinted={(keyId) => navigate(paths.key(keyId))} aboutHref={paths.about} stakeHref={paths.stake} />
        </WalletRoute>
      )
    case 'stake':
      return (
        <WalletRoute>
          <StakePage mintHref={paths.mint} />
        </WalletRoute>
      )
    case 'keys':
      return <KeysPage />
    case 'key':
      return (
        <Suspense fallback={<p aria-live="polite">Loading…</p>}>
          <KeyPage keyId={route.id} section={route.section} tab={route.tab} />
        </Suspense>
      )
    case 'about':
      return (
        <Suspense fallback={<p aria-live="polite">Loading…</p>}>
          <AboutPage />
        </Suspense>
      )
    case 'notFound':
      return (
        <p>
          There is nothing at this address. <a href={paths.home}>Start again</a>.
        </p>
      )
  }
}

/** A page that needs the wallet module: loads it, then the page's own chunk, rendered inside the wallet providers. */
function WalletRoute({ children }: { children: ReactNode }) {
  const { wallet, loadFailed, requestWallet } = useWallet()
  useEffect(() => {
    if (!wallet) requestWallet(false)
  }, [wallet, requestWallet])
  if (loadFailed) {
    return (
      <p role="alert">
        The wallet code could not be loaded.{' '}
        <button type="button" className="button" onClick={() => requestWallet(false)}>
          Try again
        </button>
      </p>
    )
  }
  if (!wallet) return <p aria-live="polite">Loading wallet support…</p>
  return (
    <WalletIsland>
      <Suspense fallback={<p aria-live="polite">Loading…</p>}>{children}</Suspense>
    </WalletIsland>
  )
}
