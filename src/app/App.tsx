import { UnlockVault } from '../features/key'
import { useUnsavedSecretGuard } from '../session/useUnsavedSecretGuard'
import { Toaster } from '../ui/toast'
import { AppFooter } from './AppFooter'
import { AppHeader } from './AppHeader'
import { Routes } from './Routes'
import { SharedOriginBanner } from './SharedOriginBanner'
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
      <SharedOriginBanner />
      <main>
        <UnlockVault />
        <Routes />
      </main>
      <AppFooter />
      <Toaster />
    </WalletBoundary>
  )
}
