import { useKeys } from '../session/useKeyring'
import { ConnectSlot } from './ConnectSlot'
import { paths, useHashRoute } from './router'
import { useWallet } from './WalletBoundary'

/** The app's name, its places, and the wallet button. The ADMIN console appears when the session holds an ADMIN key. */
export function AppHeader() {
  const route = useHashRoute()
  const keys = useKeys()
  const current = route.name === 'key' ? keys.find((entry) => entry.id === route.id) : undefined
  const admin = current?.secret.type === 'ADMIN' ? current : keys.find((entry) => entry.secret.type === 'ADMIN')
  const place = route.name === 'key' ? (route.section === 'console' ? 'console' : 'keys') : route.name
  const { requestWallet } = useWallet()
  const preloadWallet = () => requestWallet(false)
  // As on the Connect button: every sign of intent starts the wallet module's download.
  const wantsWallet = {
    onPointerEnter: preloadWallet,
    onPointerDown: preloadWallet,
    onFocus: preloadWallet,
    onTouchStart: preloadWallet,
  }
  const link = (name: string, href: string, label: string, intent = {}) => (
    <li>
      <a href={href} aria-current={place === name ? 'page' : undefined} {...intent}>
        {label}
      </a>
    </li>
  )
  return (
    <header className="app-header">
      <a href={paths.home} className="brand">
        <span className="brand-mark" aria-hidden="true">
          V
        </span>
        sVVV Key Minter
      </a>
      <nav className="app-nav" aria-label="Main">
        <ul>
          {link('mint', paths.mint, 'Mint')}
          {link('keys', paths.keys, 'Keys')}
          {link('stake', paths.stake, 'Stake', wantsWallet)}
          {admin && link('console', paths.key(admin.id, 'console'), 'ADMIN console')}
        </ul>
      </nav>
      <div className="app-connect">
        <ConnectSlot />
      </div>
    </header>
  )
}
