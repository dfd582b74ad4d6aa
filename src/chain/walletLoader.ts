/**
 * The only wallet-related code in the first-load bundle: it decides when to fetch the wallet
 * module (wagmi, RainbowKit, connectors) and fetches it once. Nothing here imports them.
 */
import { startSandboxWallets } from './sandbox'

let walletModule: Promise<typeof import('./WalletModule')> | undefined

export function loadWalletModule() {
  // The sandbox's wallets announce themselves before wagmi looks for wallets. Not a top-level await
  // in the module: one anywhere in the build turns off the bundler's merging of small shared chunks.
  walletModule ??= startSandboxWallets()
    .then(() => import('./WalletModule'))
    .catch((error: unknown) => {
      walletModule = undefined // let a later click try again
      throw error
    })
  return walletModule
}

/** wagmi persists its connection state under `wagmi.store`; a `current` connection means "was connected". */
export function wasConnectedBefore(storage: Pick<Storage, 'getItem'> = localStorage): boolean {
  try {
    const stored = JSON.parse(storage.getItem('wagmi.store') ?? 'null') as { state?: { current?: unknown } } | null
    return Boolean(stored?.state?.current)
  } catch {
    return false
  }
}
