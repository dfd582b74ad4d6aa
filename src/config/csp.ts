import type { AppConfig } from './env'

// Hosts the WalletConnect and Coinbase/Base connectors talk to once a user picks them.
const WALLETCONNECT_CONNECT = [
  'wss://relay.walletconnect.com',
  'wss://relay.walletconnect.org',
  'https://rpc.walletconnect.com',
  'https://rpc.walletconnect.org',
  'https://pulse.walletconnect.org',
  'https://api.web3modal.org',
  'https://explorer-api.walletconnect.com',
]
const WALLETCONNECT_FRAMES = ['https://verify.walletconnect.com', 'https://verify.walletconnect.org']
const COINBASE_CONNECT = ['https://keys.coinbase.com', 'wss://www.walletlink.org', 'https://chain-proxy.wallet.coinbase.com']
const COINBASE_FRAMES = ['https://keys.coinbase.com']

/** The host names the wallet relays reach, for the About view; empty when no project id enables them. */
export function walletRelayHosts(config: AppConfig): string[] {
  if (config.walletConnectProjectId === undefined) return []
  const all = [...WALLETCONNECT_CONNECT, ...WALLETCONNECT_FRAMES, ...COINBASE_CONNECT, ...COINBASE_FRAMES]
  return [...new Set(all.map((url) => new URL(url).host))].sort()
}

function origin(url: string): string {
  return new URL(url).origin
}

/** The Content-Security-Policy of the built page: only the hosts the configured app needs. */
export function contentSecurityPolicy(config: AppConfig): string {
  const walletHosts = config.walletConnectProjectId !== undefined
  const connect = new Set(["'self'", origin(config.veniceApiUrl), origin(config.baseRpcUrl)])
  const frames = new Set<string>()
  if (walletHosts) {
    for (const host of [...WALLETCONNECT_CONNECT, ...COINBASE_CONNECT]) connect.add(host)
    for (const host of [...WALLETCONNECT_FRAMES, ...COINBASE_FRAMES]) frames.add(host)
  }
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    // RainbowKit writes its theme variables into a <style> element.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': [...connect],
    'frame-src': frames.size > 0 ? [...frames] : ["'none'"],
    'worker-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'none'"],
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}
