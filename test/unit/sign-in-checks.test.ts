import { describe, expect, it } from 'vitest'
import { checkChallenge, checkSignInAnswer, checkToken, isSignable, remainingMs, type SignInCheck } from '../../src/venice/signIn'
import { challengeText, jwt, MINUTE, START, tokenExpiringIn, WALLET } from '../helpers/signIn'
import { TEST_API_BASE } from '../helpers/venice'

const context = { apiBaseUrl: TEST_API_BASE, address: WALLET, now: START }

function refusedBy(result: ReturnType<typeof checkToken>): SignInCheck | 'accepted' {
  return result.ok ? 'accepted' : result.refusal.check
}

describe('checkSignInAnswer: the flow comes from the answer', () => {
  it('data.token → the token flow', () => {
    const result = checkSignInAnswer({ token: tokenExpiringIn(15) }, context)
    expect(result).toEqual({ ok: true, signIn: { flow: 'token', text: tokenExpiringIn(15), expiresAt: START + 15 * MINUTE } })
  })

  it('data.message → the challenge flow, bound to the wallet it names', () => {
    const message = challengeText()
    const result = checkSignInAnswer({ message, expiresAt: new Date(START + 15 * MINUTE).toISOString() }, context)
    expect(result).toEqual({
      ok: true,
      signIn: {
        flow: 'challenge',
        text: message,
        expiresAt: START + 15 * MINUTE,
        domain: 'api.venice.test',
        address: WALLET,
        uri: `${TEST_API_BASE}/api_keys/generate_web3_key`,
        nonce: '9f2c1d6b4a8e05337c1b9d2e6f4a7c81',
      },
    })
  })

  it.each([
    ['neither', {}],
    ['both', { token: tokenExpiringIn(15), message: challengeText() }],
    ['a token that is not text', { token: 42 }],
    ['a message that is not text', { message: { text: 'x' } }],
    ['an empty token', { token: '' }],
  ])('refuses %s, naming the shape check, with words', (_, data) => {
    const result = checkSignInAnswer(data, context)
    expect(refusedBy(result)).toBe('shape')
    expect(result.ok ? '' : result.refusal.message).toMatch(/\w+ \w+/)
  })
})

describe('checkToken', () => {
  it.each<[string, string, SignInCheck]>([
    ['hex (a hash that could be a transaction)', `0x${'ab'.repeat(32)}`, 'jwt'],
    ['a SIWE message for another site', challengeText({ domain: 'app.example.org' }), 'jwt'],
    ['two parts', 'abc.def', 'jwt'],
    ['four parts', 'a.b.c.d', 'jwt'],
    ['padding and non-base64url characters', 'a=.b+.c/', 'jwt'],
    ['a payload that is not JSON', 'aGVhZGVy.bm90IGpzb24.c2ln', 'jwt'],
    ['a payload that is a JSON array', jwt([1, 2]), 'jwt'],
    ['no exp', jwt({ iat: 1 }), 'expiry'],
    ['a string exp', jwt({ exp: String(START / 1000 + 900) }), 'expiry'],
    ['an expired exp', tokenExpiringIn(-1), 'expiry'],
    ['an exp within the minute', tokenExpiringIn(0.99), 'expiry'],
    ['a megabyte', 'a'.repeat(1_000_000), 'size'],
    ['a JWT of 5 KB', jwt({ exp: START / 1000 + 900, pad: 'x'.repeat(5_000) }), 'size'],
  ])('refuses %s', (_, token, check) => {
    expect(refusedBy(checkToken(token, START))).toBe(check)
  })

  it('accepts a compact JWT with exp more than a minute ahead, and takes its lifetime from exp', () => {
    const result = checkToken(tokenExpiringIn(1.5), START)
    expect(result.ok && result.signIn.expiresAt).toBe(START + 1.5 * MINUTE)
  })
})

describe('checkChallenge', () => {
  it.each<[string, string, SignInCheck]>([
    ['plain text', 'Please sign to continue', 'eip4361'],
    ['another domain (a login for another site)', challengeText({ domain: 'app.example.org' }), 'domain'],
    ['Venice’s production host while the page uses another API', challengeText({ domain: 'api.venice.ai' }), 'domain'],
    ['another wallet', challengeText({ address: '0x2222222222222222222222222222222222222222' }), 'address'],
    ['another chain', challengeText({ chainId: 1 }), 'chain'],
    ['another URI', challengeText({ uri: 'https://api.venice.test/api/v1/api_keys' }), 'uri'],
    ['a URI on another host', challengeText({ uri: 'https://evil.example/api/v1/api_keys/generate_web3_key' }), 'uri'],
    ['a modified statement', challengeText({ statement: 'Sign in to claim your airdrop.' }), 'statement'],
    ['no statement', challengeText({ statement: undefined }), 'statement'],
    ['no key-creation resource', challengeText({ resources: ['urn:venice:api-key:read'] }), 'resources'],
    ['no resources', challengeText({ resources: undefined }), 'resources'],
    ['no expiration', challengeText({ expirationTime: undefined }), 'expiry'],
    ['a past expiration', challengeText({ expirationTime: new Date(START - 1) }), 'expiry'],
    ['an expiration within the minute', challengeText({ expirationTime: new Date(START + 59_000) }), 'expiry'],
    ['a megabyte', `${challengeText()}\n${'x'.repeat(1_000_000)}`, 'size'],
  ])('refuses %s', (_, message, check) => {
    expect(refusedBy(checkChallenge(message, undefined, context))).toBe(check)
  })

  it('refuses a challenge for the right wallet when another one is connected', () => {
    const other = { ...context, address: '0x3333333333333333333333333333333333333333' as const }
    const result = checkChallenge(challengeText(), undefined, other)
    expect(refusedBy(result)).toBe('address')
    expect(result.ok ? '' : result.refusal.message).toContain('0x3333333333333333333333333333333333333333')
  })

  it('matches the wallet whatever the letter case', () => {
    const lower = { ...context, address: WALLET.toLowerCase() as `0x${string}` }
    expect(checkChallenge(challengeText(), undefined, lower).ok).toBe(true)
  })

  it('tolerates a trailing slash on the configured base', () => {
    expect(checkChallenge(challengeText(), undefined, { ...context, apiBaseUrl: `${TEST_API_BASE}/` }).ok).toBe(true)
  })

  it('takes the earlier of Expiration Time and the answer’s expiresAt for the countdown', () => {
    const earlier = new Date(START + 10 * MINUTE).toISOString()
    const result = checkChallenge(challengeText(), earlier, context)
    expect(result.ok && result.signIn.expiresAt).toBe(START + 10 * MINUTE)
    const later = new Date(START + 20 * MINUTE).toISOString()
    const kept = checkChallenge(challengeText(), later, context)
    expect(kept.ok && kept.signIn.expiresAt).toBe(START + 15 * MINUTE)
    expect(refusedBy(checkChallenge(challengeText(), new Date(START + 30_000).toISOString(), context))).toBe('expiry')
  })

  it('names what failed in the refusal', () => {
    const result = checkChallenge(challengeText({ domain: 'app.example.org' }), undefined, context)
    expect(result.ok ? '' : result.refusal.message).toBe(
      'The challenge is for "app.example.org", not for the Venice API this page uses ("api.venice.test").',
    )
  })
})

describe('lifetime', () => {
  const signIn = { flow: 'token' as const, text: 't', expiresAt: START + 15 * MINUTE }
  it('is signable until a minute before expiry', () => {
    expect(isSignable(signIn, START + 14 * MINUTE - 1)).toBe(true)
    expect(isSignable(signIn, START + 14 * MINUTE)).toBe(false)
  })
  it('counts down to 0 and stays there', () => {
    expect(remainingMs(signIn, START)).toBe(15 * MINUTE)
    expect(remainingMs(signIn, START + 16 * MINUTE)).toBe(0)
  })
})
