import { useKeys } from '../session/useKeyring'
import { ConnectSlot } from './ConnectSlot'
import { paths, useHashRoute } from './router'

/** The app's name, its places, and the wallet button. The ADMIN console appears when the session holds an ADMIN key. */
export function AppHeader() {
  const route = useHashRoute()
  const keys = useKeys()
  const current = route.name === 'key' ? keys.find((entry) => entry.id === route.id) : undefined
  const admin = current?.secret.type === 'ADMIN' ? current : keys.find((entry) => entry.secret.type === 'ADMIN')
  const place = route.name === 'key' ? (route.section === 'console' ? 'console' : 'keys') : route.name
  const link = (name: string, href: string, label: string) => (
    <li>
      <a href={href} aria-current={place === name ? 'page' : undefined}>
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
          {link('stake', paths.stake, 'Stake')}
          {admin && link('console', paths.key(admin.id, 'console'), 'ADMIN console')}
        </ul>
      </nav>
      <div className="app-connect">
        <ConnectSlot />
      </div>
    </header>
  )
}
