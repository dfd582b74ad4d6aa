import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, walletRelayHosts } from '../../src/config/csp'
import { ConfigError, DEFAULT_BASE_RPC_URL, DEFAULT_VENICE_API_URL, parseEnv, type AppConfig } from '../../src/config/env'

const PROJECT_ID = '0123456789abcdef0123456789ABCDEF'

describe('parseEnv', () => {
  it('falls back to the defaults', () => {
    expect(parseEnv({})).toEqual({
      veniceApiUrl: DEFAULT_VENICE_API_URL,
      baseRpcUrl: DEFAULT_BASE_RPC_URL,
      walletConnectProjectId: undefined,
    })
    expect(DEFAULT_VENICE_API_URL).toBe('https://api.venice.ai/api/v1')
    expect(parseEnv({ VITE_VENICE_API_URL: '   ', VITE_WALLETCONNECT_PROJECT_ID: '' }).veniceApiUrl).toBe(DEFAULT_VENICE_API_URL)
  })

  it('trims the URLs and removes trailing slashes', () => {
    const config = parseEnv({
      VITE_VENICE_API_URL: ' https://proxy.example/venice/api/v1/ ',
      VITE_BASE_RPC_URL: 'http://127.0.0.1:8545//',
    })
    expect(config.veniceApiUrl).toBe('https://proxy.example/venice/api/v1')
    expect(config.baseRpcUrl).toBe('http://127.0.0.1:8545')
  })

  it.each([
    ['not a URL', 'api.venice.ai/api/v1', /VITE_VENICE_API_URL is not a URL/],
    ['a non-http scheme', 'ftp://api.venice.ai/api/v1', /must be an http\(s\) URL/],
    ['a javascript: URL', 'javascript:alert(1)', /must be an http\(s\) URL/],
    ['a query', 'https://api.venice.ai/api/v1?key=1', /query/],
    ['a fragment', 'https://api.venice.ai/api/v1#x', /fragment/],
    ['credentials', 'https://user:pass@api.venice.ai/api/v1', /credentials/],
  ])('rejects %s', (_, url, message) => {
    expect(() => parseEnv({ VITE_VENICE_API_URL: url })).toThrow(ConfigError)
    expect(() => parseEnv({ VITE_VENICE_API_URL: url })).toThrow(message)
  })

  it('checks the RPC URL the same way', () => {
    expect(() => parseEnv({ VITE_BASE_RPC_URL: 'wss://base.example' })).toThrow(/VITE_BASE_RPC_URL must be an http\(s\) URL/)
  })

  it.each([
    'your-project-id',
    'YOUR_WALLETCONNECT_PROJECT_ID',
    '0123456789abcdef',
    `${PROJECT_ID}0`,
    '0123456789abcdef0123456789abcdeg',
  ])('rejects the placeholder WalletConnect id %j', (id) => {
    expect(() => parseEnv({ VITE_WALLETCONNECT_PROJECT_ID: id })).toThrow(ConfigError)
  })

  it('accepts a 32-hex WalletConnect id, trimmed', () => {
    expect(parseEnv({ VITE_WALLETCONNECT_PROJECT_ID: ` ${PROJECT_ID} ` }).walletConnectProjectId).toBe(PROJECT_ID)
  })
})

function directives(config: AppConfig): Map<string, string[]> {
  return new Map(
    contentSecurityPolicy(config)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name = '', ...sources]) => [name, sources]),
  )
}

describe('contentSecurityPolicy', () => {
  const base = parseEnv({
    VITE_VENICE_API_URL: 'https://proxy.example/venice/api/v1',
    VITE_BASE_RPC_URL: 'https://rpc.example:8443/base',
  })

  it('connects only to itself, the Venice origin and the RPC origin without a WalletConnect id', () => {
    const csp = directives(base)
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://proxy.example', 'https://rpc.example:8443'])
    expect(csp.get('frame-src')).toEqual(["'none'"])
    expect(contentSecurityPolicy(base)).not.toMatch(/walletconnect|coinbase|walletlink/)
  })

  it('adds the wallet hosts only with a WalletConnect id', () => {
    const csp = directives({ ...base, walletConnectProjectId: PROJECT_ID })
    const connect = csp.get('connect-src') ?? []
    expect(connect.slice(0, 3)).toEqual(["'self'", 'https://proxy.example', 'https://rpc.example:8443'])
    expect(connect).toContain('wss://relay.walletconnect.org')
    expect(connect).toContain('https://keys.coinbase.com')
    expect(csp.get('frame-src')).toContain('https://verify.walletconnect.com')
  })

  it('never allows eval or inline scripts, and locks down objects, base and forms', () => {
    for (const config of [base, { ...base, walletConnectProjectId: PROJECT_ID }]) {
      const policy = contentSecurityPolicy(config)
      expect(policy).not.toContain('unsafe-eval')
      const csp = directives(config)
      expect(csp.get('script-src')).toEqual(["'self'"])
      expect(csp.get('default-src')).toEqual(["'self'"])
      expect(csp.get('object-src')).toEqual(["'none'"])
      expect(csp.get('base-uri')).toEqual(["'self'"])
      expect(csp.get('form-action')).toEqual(["'none'"])
    }
  })

  it('lists a shared origin once', () => {
    const same = parseEnv({ VITE_VENICE_API_URL: 'https://gw.example/venice', VITE_BASE_RPC_URL: 'https://gw.example/rpc' })
    expect(directives(same).get('connect-src')).toEqual(["'self'", 'https://gw.example'])
  })

  it('names, for the About view, exactly the wallet hosts it allows', () => {
    expect(walletRelayHosts(base)).toEqual([])
    const withRelays = { ...base, walletConnectProjectId: PROJECT_ID }
    const csp = directives(withRelays)
    const allowed = [...(csp.get('connect-src') ?? []).slice(3), ...(csp.get('frame-src') ?? [])].map((url) => new URL(url).host)
    expect(walletRelayHosts(withRelays)).toEqual([...new Set(allowed)].sort())
  })
})
