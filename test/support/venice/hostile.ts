import type { Address } from 'viem'
import { render, type ChallengeIssuer } from './challenge'
import type { TokenIssuer } from './token'

/**
 * Answers to the sign-in GET that a page must refuse to have signed: what a compromised API or a
 * hostile proxy could send instead of Venice's token or challenge.
 */
export const HOSTILE_SIGN_INS = [
  'siwe-other-domain',
  'challenge-other-address',
  'challenge-other-chain',
  'challenge-other-uri',
  'challenge-modified-statement',
  'challenge-past-expiry',
  'hex',
  'megabyte',
  'not-jwt',
  'expired-jwt',
  'neither',
] as const
export type HostileSignIn = (typeof HOSTILE_SIGN_INS)[number]

const STRANGER: Address = '0x000000000000000000000000000000000000dEaD'

export function hostileAnswer(
  kind: HostileSignIn,
  { address, challenges, tokens, now }: { address: Address; challenges: ChallengeIssuer; tokens: TokenIssuer; now: number },
): Record<string, unknown> {
  const challenge = (overrides: Parameters<ChallengeIssuer['fields']>[1]) => {
    const fields = challenges.fields(address, overrides)
    return { message: render(fields), nonce: fields.nonce, expiresAt: fields.expirationTime.toISOString() }
  }
  switch (kind) {
    case 'siwe-other-domain':
      return challenge({ domain: 'app.uniswap.org', uri: 'https://app.uniswap.org/login', statement: 'Sign in to Uniswap.' })
    case 'challenge-other-address':
      return challenge({ address: STRANGER })
    case 'challenge-other-chain':
      return challenge({ chainId: 1 })
    case 'challenge-other-uri':
      return challenge({ uri: 'https://evil.example/api/v1/api_keys/generate_web3_key' })
    case 'challenge-modified-statement':
      return challenge({ statement: 'Sign to claim your VVV airdrop. This is free and safe.' })
    case 'challenge-past-expiry':
      return challenge({ issuedAt: new Date(now - 20 * 60_000), expirationTime: new Date(now - 5 * 60_000) })
    case 'hex':
      // 32 bytes: what a transaction or permit hash looks like to a wallet.
      return { token: `0x${'5a'.repeat(32)}` }
    case 'megabyte':
      return { message: 'x'.repeat(1_048_576) }
    case 'not-jwt':
      return { token: 'venice-one-time-token-7f3a9c' }
    case 'expired-jwt':
      return { token: tokens.issue({ exp: Math.floor(now / 1_000) - 60 }) }
    case 'neither':
      return { nonce: 'abcdef0123456789' }
  }
}
