import { hasReason, isVeniceError } from '../venice/errors'

/**
 * Venice budgets failed requests (more than 50 client errors in 30 s locks the key out), so only
 * 429 and gateway-type 5xx are ever retried, and only a few times.
 */
export const MAX_RETRIES = 3
const RETRYABLE_SERVER_STATUSES = new Set([500, 502, 503, 504])
const BASE_DELAY_MS = 500
const MAX_DELAY_MS = 60_000

/**
 * A 429 whose `Retry-After` is longer than a minute is not waited out silently: the caller shows
 * the wait instead, and retrying sooner than Venice asked would only be refused again.
 */
export function isRetryable(error: unknown): boolean {
  if (hasReason(error, 'rateLimited')) return (error.retryAfterMs ?? 0) <= MAX_DELAY_MS
  return hasReason(error, 'serverError') && RETRYABLE_SERVER_STATUSES.has(error.status ?? 0)
}

/** For TanStack Query's `retry` option: its count starts at 0. */
export function shouldRetryVeniceQuery(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isRetryable(error)
}

/** For TanStack Query's `retryDelay` option: `attempt` counts from 0 for the first retry. */
export function veniceRetryDelay(attempt: number, error: unknown): number {
  if (isVeniceError(error) && error.status === 429 && error.retryAfterMs !== undefined) return error.retryAfterMs
  return Math.min(BASE_DELAY_MS * 2 ** attempt, MAX_DELAY_MS)
}
