import { config } from '../config'

/** The labelled sandbox wallets exist only in a `VITE_SANDBOX=true` build; production drops this branch. */
export async function startSandboxWallets(): Promise<void> {
  if (import.meta.env.VITE_SANDBOX !== 'true') return
  const { announceSandboxWallets } = await import('../sandbox/sandboxWallets')
  announceSandboxWallets(config.baseRpcUrl)
}
