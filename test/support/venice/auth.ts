import { apiError, json, type ApiResponse } from './http'
import type { StandinState } from './state'
import type { Account, ApiKey } from './store'

const USDC_ON_BASE = '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913'
const X402_PAY_TO = '0x0000000000000000000000000000000000000402'

/** The key a request's `Authorization: Bearer <secret>` names, if it is valid, unrevoked and unexpired. */
export function keyFromHeader(state: StandinState, authorization: string | undefined, now: number): ApiKey | undefined {
  const secret = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1]
  return secret === undefined ? undefined : state.store.keyForSecret(secret, now)
}

/**
 * Admission for an authenticated route: no header → 402 with an x402 discovery body, a bad key → 401,
 * an INFERENCE key on an ADMIN route → 401.
 */
export function authenticate(
  state: StandinState,
  access: 'key' | 'admin',
  request: { authorization: string | undefined; key: ApiKey | undefined; resource: string },
): { key: ApiKey; account: Account } | ApiResponse {
  if (request.authorization === undefined) return paymentRequired(request.resource)
  const { key } = request
  if (!key) return apiError(401, 'Authentication failed')
  if (access === 'admin' && key.apiKeyType !== 'ADMIN') return apiError(401, 'Admin API key required')
  return { key, account: state.store.account(key.accountId) }
}

function paymentRequired(resource: string): ApiResponse {
  return json(402, {
    x402Version: 1,
    error: 'Authentication required',
    accepts: [
      {
        scheme: 'exact',
        network: 'base',
        maxAmountRequired: '10000',
        resource,
        description: 'Send Authorization: Bearer <Venice API key>, or pay for this request in USDC on Base',
        mimeType: 'application/json',
        payTo: X402_PAY_TO,
        maxTimeoutSeconds: 300,
        asset: USDC_ON_BASE,
        extra: { name: 'USD Coin', version: '2' },
      },
    ],
  })
}
