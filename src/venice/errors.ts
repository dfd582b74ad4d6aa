import { redactSecrets } from './secret'

/**
 * Why a Venice call failed, decided once, in the client, from the status and Venice's message:
 * - `unreachable`: no response at all (offline, DNS, CORS, dropped connection).
 * - `timeout`: no complete answer within the client's timeout (the request may still have been handled).
 * - `malformed`: a response that is not JSON or not the documented shape.
 * - `adminKeyRequired`: 401 "Admin API key required": the key works, but is not an ADMIN key.
 * - `authenticationFailed`: any other 401: the key is invalid, expired or revoked.
 * - `activeKeyLimit`: the account already has 500 active keys (a 400 or 429 naming the limit).
 * - `rateLimited`: any other 429.
 * - `serverError`: a 5xx.
 * - `tokenAlreadyUsed`: 400 "Token has already been used" on the wallet mint. The browser may have
 *   resent the POST on a dead connection, so the first one may have created the key.
 * - `refused`: any other error status (400, 402, 403, 404…): Venice refused this request.
 */
export type VeniceErrorReason =
  | 'unreachable'
  | 'timeout'
  | 'malformed'
  | 'adminKeyRequired'
  | 'authenticationFailed'
  | 'activeKeyLimit'
  | 'rateLimited'
  | 'serverError'
  | 'tokenAlreadyUsed'
  | 'refused'

export class VeniceError extends Error {
  override name = 'VeniceError'
  readonly reason: VeniceErrorReason
  readonly status: number | undefined
  /** From `Retry-After` on a 429, in milliseconds. */
  readonly retryAfterMs: number | undefined

  constructor(
    reason: VeniceErrorReason,
    message: string,
    options: { status?: number | undefined; retryAfterMs?: number | undefined } = {},
  ) {
    super(redactSecrets(message))
    this.reason = reason
    this.status = options.status
    this.retryAfterMs = options.retryAfterMs
  }
}

export function isVeniceError(error: unknown): error is VeniceError {
  return error instanceof VeniceError
}

/** True when `error` is a VeniceError of one of `reasons`. */
export function hasReason(error: unknown, ...reasons: VeniceErrorReason[]): error is VeniceError {
  return isVeniceError(error) && reasons.includes(error.reason)
}

/** The reason of an error status, from the status and (for 401, 400 and 429) Venice's message. */
export function reasonOfStatus(status: number, message: string): VeniceErrorReason {
  if (status === 401) return /admin api key required/i.test(message) ? 'adminKeyRequired' : 'authenticationFailed'
  if ((status === 400 || status === 429) && (/\b500\b/.test(message) || /\bactive\b.*\bkeys?\b/i.test(message))) {
    return 'activeKeyLimit'
  }
  if (status === 429) return 'rateLimited'
  if (status >= 500) return 'serverError'
  if (status === 400 && /already been used/i.test(message)) return 'tokenAlreadyUsed'
  return 'refused'
}

/**
 * After a write (POST, PATCH, DELETE) failed: whether Venice may still have done it. Only a refusal
 * says it did not. A timeout, a dropped connection, a 5xx or an unreadable answer leave it unknown,
 * and so does "token already used" (the browser may have resent a POST whose first copy got through).
 */
export function writeMayHaveHappened(error: unknown): boolean {
  return !hasReason(error, 'adminKeyRequired', 'authenticationFailed', 'activeKeyLimit', 'rateLimited', 'refused')
}
