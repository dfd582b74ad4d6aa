import type { Address } from 'viem'
import { createSiweMessage } from 'viem/siwe'
import { KEY_CREATION_RESOURCE, SIGN_IN_CHAIN_ID, SIGN_IN_PATH, VENICE_STATEMENT } from '../../src/venice/signIn'
import { TEST_API_BASE } from './venice'

export const WALLET: Address = '0x1111111111111111111111111111111111111111'
export const START = Date.parse('2026-04-20T12:00:00Z')
export const MINUTE = 60_000

/** A compact JWT (unsigned: only the shape matters to the page) whose payload is `claims`. */
export function jwt(claims: unknown): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'ES256', typ: 'JWT' })}.${part(claims)}.${Buffer.from('signature-bytes').toString('base64url')}`
}

/** A token that expires `minutes` after START. */
export const tokenExpiringIn = (minutes: number) => jwt({ exp: Math.floor((START + minutes * MINUTE) / 1000), jti: 'j' })

export interface ChallengeFields {
  domain?: string
  address?: Address
  statement?: string | undefined
  uri?: string
  chainId?: number
  nonce?: string
  issuedAt?: Date
  expirationTime?: Date | undefined
  resources?: string[] | undefined
}

/** Venice's challenge for WALLET against TEST_API_BASE, issued at START for 15 minutes, with any field replaced. */
export function challengeText(fields: ChallengeFields = {}): string {
  return createSiweMessage({
    domain: new URL(TEST_API_BASE).host,
    address: WALLET,
    statement: VENICE_STATEMENT,
    uri: `${TEST_API_BASE}${SIGN_IN_PATH}`,
    version: '1',
    chainId: SIGN_IN_CHAIN_ID,
    nonce: '9f2c1d6b4a8e05337c1b9d2e6f4a7c81',
    issuedAt: new Date(START),
    expirationTime: new Date(START + 15 * MINUTE),
    resources: [KEY_CREATION_RESOURCE],
    ...fields,
  })
}
