/**
 * Build-time configuration. Parsed once, by both the Vite config (so a bad value fails the
 * build) and the app (so a bad value in dev fails at start), from the `VITE_*` variables.
 */
export interface AppConfig {
  /** Venice API base, no trailing slash, e.g. https://api.venice.ai/api/v1 */
  veniceApiUrl: string
  /** Base JSON-RPC endpoint used for reads and by the wallet transport */
  baseRpcUrl: string
  /** Enables Coinbase/Base and WalletConnect-based wallets when set */
  walletConnectProjectId: string | undefined
}

export const DEFAULT_VENICE_API_URL = 'https://api.venice.ai/api/v1'
export const DEFAULT_BASE_RPC_URL = 'https://mainnet.base.org'

type RawEnv = Record<string, string | boolean | undefined>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export function parseEnv(raw: RawEnv): AppConfig {
  return {
    veniceApiUrl: parseHttpUrl('VITE_VENICE_API_URL', raw.VITE_VENICE_API_URL, DEFAULT_VENICE_API_URL),
    baseRpcUrl: parseHttpUrl('VITE_BASE_RPC_URL', raw.VITE_BASE_RPC_URL, DEFAULT_BASE_RPC_URL),
    walletConnectProjectId: parseProjectId(raw.VITE_WALLETCONNECT_PROJECT_ID),
  }
}

function parseHttpUrl(name: string, value: RawEnv[string], fallback: string): string {
  const text = typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new ConfigError(`${name} is not a URL: "${text}"`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`${name} must be an http(s) URL, got "${text}"`)
  }
  if (text.includes('?') || text.includes('#') || url.username || url.password) {
    throw new ConfigError(`${name} must not carry credentials, a query or a fragment`)
  }
  return text.replace(/\/+$/, '')
}

// WalletConnect Cloud project ids are 32 hex characters; anything else is a placeholder.
function parseProjectId(value: RawEnv[string]): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const id = value.trim()
  if (!/^[0-9a-f]{32}$/i.test(id)) {
    throw new ConfigError(
      `VITE_WALLETCONNECT_PROJECT_ID must be a real 32-character WalletConnect Cloud project id (got "${id}"); leave it unset to offer browser wallets only`,
    )
  }
  return id
}
