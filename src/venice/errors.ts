import { redactSecrets } from './secret'

/**
 * - `http`: Venice answered with an error status (its message is in `message`).
 * - `unreachable`: the browser got no response at all (offline, DNS, CORS, dropped connection).
 * - `malformed`: a response that is not JSON or not the documented shape.
 */
type VeniceErrorKind = 'http' | 'unreachable' | 'malformed'

export class VeniceError extends Error {
  override name = 'VeniceError'
  readonly kind: VeniceErrorKind
  readonly status: number | undefined
  /** From `Retry-After` on a 429, in milliseconds. */
  readonly retryAfterMs: number | undefined

  constructor(kind: VeniceErrorKind, message: string, options: { status?: number; retryAfterMs?: number } = {}) {
    super(redactSecrets(message))
    this.kind = kind
    this.status = options.status
    this.retryAfterMs = options.retryAfterMs
  }
}

export function isVeniceError(error: unknown): error is VeniceError {
  return error instanceof VeniceError
}
