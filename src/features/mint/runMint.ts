import type { Address, Hex } from 'viem'
import type { CreatedKey, KeyOptions } from '../../venice/schemas'
import type { KeyType } from '../../venice/secret'
import { hasReason } from '../../venice/errors'
import { isSignable, tokenRemainingMs, type MintEvent, type SignableToken } from './mintMachine'

export interface MintDeps {
  /** GET the token (with the retry rules for GETs). */
  fetchToken: () => Promise<string>
  /** personal_sign of the exact token string by the wallet. */
  sign: (message: string) => Promise<Hex>
  /** POST the signed token; never retried. */
  post: (body: { address: Address; signature: Hex; token: string; apiKeyType: KeyType } & KeyOptions) => Promise<CreatedKey>
  /** Puts the new key where it cannot be lost and returns its local id. */
  keep: (created: CreatedKey) => string
  now: () => number
  dispatch: (event: MintEvent) => void
}

export interface MintRequest {
  address: Address
  apiKeyType: KeyType
  options: KeyOptions
  /** The unsigned token from an earlier try, if any. */
  cachedToken?: SignableToken
}

/** Runs one mint attempt from start to a final event. Every outcome is dispatched, never thrown. */
export async function runMint(deps: MintDeps, request: MintRequest): Promise<void> {
  const { dispatch, now } = deps
  dispatch({ type: 'start' })

  let token = request.cachedToken
  if (!isSignable(token, now())) {
    try {
      token = { value: await deps.fetchToken(), receivedAt: now() }
    } catch (error) {
      return dispatch({ type: 'failed', error })
    }
  }
  dispatch({ type: 'tokenReceived', token })

  let signature: Hex
  try {
    signature = await deps.sign(token.value)
  } catch (error) {
    return dispatch(isUserRejection(error) ? { type: 'rejected' } : { type: 'failed', error })
  }
  if (tokenRemainingMs(token, now()) === 0) return dispatch({ type: 'expiredWhileSigning' })
  dispatch({ type: 'signed' })

  let created: CreatedKey
  try {
    created = await deps.post({
      ...request.options,
      address: request.address,
      signature,
      token: token.value,
      apiKeyType: request.apiKeyType,
    })
  } catch (error) {
    return dispatch({ type: 'failed', error, keyMayExist: !isDefinitiveRefusal(error) })
  }
  // keep() can throw (a secret in an unknown format): still end on an event, never in "minting".
  let keyId: string
  try {
    keyId = deps.keep(created)
  } catch (error) {
    return dispatch({ type: 'failed', error, keyMayExist: true })
  }
  dispatch({ type: 'minted', keyId })
}

/** A 4xx answer means Venice refused and created nothing; anything else leaves it unknown. */
function isDefinitiveRefusal(error: unknown): boolean {
  return hasReason(error, 'adminKeyRequired', 'authenticationFailed', 'activeKeyLimit', 'rateLimited', 'refused')
}

/** EIP-1193 4001, as thrown by viem/wagmi (possibly wrapped) or by a bare provider. */
export function isUserRejection(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    const candidate = current as { code?: unknown; name?: unknown; cause?: unknown }
    if (candidate.code === 4001 || candidate.name === 'UserRejectedRequestError') return true
    current = candidate.cause
  }
  return false
}
