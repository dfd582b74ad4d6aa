import { randomBytes } from 'node:crypto'
import { getAddress, isAddressEqual, type Address } from 'viem'
import { createSiweMessage, parseSiweMessage } from 'viem/siwe'
import type { Clock } from './clock'

const CHALLENGE_TTL_MS = 15 * 60_000
export const SIGN_IN_PATH = '/api_keys/generate_web3_key'
export const KEY_CREATION_RESOURCE = 'urn:venice:api-key:create'
export const VENICE_STATEMENT =
  'Authorize Venice API key creation. Only sign this on venice.ai — anyone holding this signature can create an API key on your Venice account.'

export interface ChallengeFields {
  domain: string
  address: Address
  statement: string
  uri: string
  chainId: number
  nonce: string
  issuedAt: Date
  expirationTime: Date
  resources: string[]
}

export interface IssuedChallenge {
  message: string
  nonce: string
  expiresAt: string
}

export type ChallengeCheck = { ok: true; id: string } | { ok: false; error: string }

/**
 * Venice's EIP-4361 challenges: bound to one address, expiring after 15 minutes of the server
 * clock, redeemable once. Checked as Venice documents: domain, URI, chain id, statement and
 * address inside the message, against what was issued under its nonce.
 */
export class ChallengeIssuer {
  private readonly issued = new Map<string, { message: string; address: Address; expiresAt: number }>()
  private readonly redeemed = new Set<string>()

  /** `apiBase`: this server's public API base (its host is the domain, its sign-in URL the URI). */
  constructor(
    private readonly clock: Clock,
    private readonly apiBase: () => string,
  ) {}

  /** What an honest challenge for `address` would say now; `overrides` make a hostile one. */
  fields(address: Address, overrides: Partial<ChallengeFields> = {}): ChallengeFields {
    const now = this.clock.now()
    return {
      domain: new URL(this.apiBase()).host,
      address: getAddress(address),
      statement: VENICE_STATEMENT,
      uri: `${this.apiBase()}${SIGN_IN_PATH}`,
      chainId: 8453,
      nonce: randomBytes(16).toString('hex'),
      issuedAt: new Date(now),
      expirationTime: new Date(now + CHALLENGE_TTL_MS),
      resources: [KEY_CREATION_RESOURCE],
      ...overrides,
    }
  }

  issue(address: Address): IssuedChallenge {
    const fields = this.fields(address)
    const message = render(fields)
    this.issued.set(fields.nonce, { message, address: fields.address, expiresAt: fields.expirationTime.getTime() })
    return { message, nonce: fields.nonce, expiresAt: fields.expirationTime.toISOString() }
  }

  /** Everything Venice checks before the signature, in Venice's words; nothing is redeemed. */
  check(message: string, signer: Address): ChallengeCheck {
    const parsed = parseSiweMessage(message)
    const expected = this.fields(signer)
    if (!parsed.domain || !parsed.address || !parsed.uri || !parsed.nonce) return fail(NOT_VALID)
    if (parsed.domain !== expected.domain) return fail(`The challenge domain must be "${expected.domain}"`)
    if (parsed.statement !== VENICE_STATEMENT) return fail('The challenge statement was modified')
    if (parsed.uri !== expected.uri || parsed.chainId !== expected.chainId || parsed.version !== '1') return fail(NOT_VALID)
    if (!parsed.resources?.includes(KEY_CREATION_RESOURCE)) return fail(NOT_VALID)
    const issued = this.issued.get(parsed.nonce)
    // Only what this server issued, unchanged: an altered expiry or issue time is not Venice's challenge.
    if (!issued || issued.message !== message) return fail(NOT_VALID)
    if (!isAddressEqual(issued.address, signer)) return fail('This challenge was issued for a different wallet address')
    if (this.clock.now() >= issued.expiresAt) return fail('The challenge has expired')
    if (this.redeemed.has(parsed.nonce)) return fail(USED)
    return { ok: true, id: parsed.nonce }
  }

  /** Marks the challenge used; false when it already was (two concurrent mints with one challenge). */
  redeem(nonce: string): boolean {
    if (this.redeemed.has(nonce)) return false
    this.redeemed.add(nonce)
    return true
  }
}

export const USED = 'This challenge has already been used'
const NOT_VALID = 'This is not a valid Venice API key authorization challenge'
const fail = (error: string): ChallengeCheck => ({ ok: false, error })

export function render(fields: ChallengeFields): string {
  return createSiweMessage({ ...fields, version: '1' })
}
