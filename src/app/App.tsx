import { UnlockVault } from '../features/key'
import { useUnsavedSecretGuard } from '../session/useUnsavedSecretGuard'
import { Toaster } from '../ui/toast'
import { AppHeader } from './AppHeader'
import { Routes } from './Routes'
import { WalletBoundary } from './WalletBoundary'

export function App() {
  useUnsavedSecretGuard()
  return (
    <WalletBoundary>
      <AppHeader />
      {import.meta.env.VITE_SANDBOX === 'true' && (
        <p className="sandbox-banner" role="note">
          Sandbox: a local test chain and a stand-in Venice API. Keys minted here work only here.
        </p>
      )}
      <main>
        <UnlockVault />
        <Routes />
      </main>
      <footer className="app-footer">
        Your keys stay in this browser and go only to the Venice API. No server, no analytics.
      </footer>
      <Toaster />
    </WalletBoundary>
  )
}
