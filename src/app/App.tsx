import { UnlockVault } from '../features/key'
import { useUnsavedSecretGuard } from '../session/useUnsavedSecretGuard'
import { AppFooter } from './AppFooter'
import { ConnectSlot } from './ConnectSlot'
import { Routes } from './Routes'
import { paths } from './router'
import { WalletBoundary } from './WalletBoundary'

export function App() {
  useUnsavedSecretGuard()
  return (
    <WalletBoundary>
      <header className="app-header">
        <a href={paths.home} className="brand">
          sVVV Key Minter
        </a>
        <nav aria-label="Main">
          <a href={paths.stake}>Stake</a>
        </nav>
        <ConnectSlot />
      </header>
      {import.meta.env.VITE_SANDBOX === 'true' && (
        <p className="sandbox-banner" role="note">
          Sandbox: a local test chain and a stand-in Venice API. Keys minted here work only here.
        </p>
      )}
      <main>
        <UnlockVault />
        <Routes />
      </main>
      <AppFooter />
    </WalletBoundary>
  )
}
