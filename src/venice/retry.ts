import { isVeniceError } from './errors'

/**
 * Venice budgets failed requests (more than 50 client errors in 30 s locks the key out), so only
 * 429 and gateway-type 5xx are ever retried, and only a few times.
 */
export const MAX_RETRIES = 3
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504])
const BASE_DELAY_MS = 500
const MAX_DELAY_MS = 60_000

/**
 * A 429 whose `Retry-After` is longer than a minute is not waited out silently: the caller shows
 * the wait instead, and retrying sooner than Venice asked would only be refused again.
 */
export function isRetryable(error: unknown): boolean {
  if (!isVeniceError(error) || error.kind !== 'http' || error.status === undefined) return false
  if (error.status === 429 && (error.retryAfterMs ?? 0) > MAX_DELAY_MS) return false
  return RETRYABLE_STATUSES.has(error.status)
}

/** `attempt` counts from 0 for the first retry. */
export function retryDelayMs(error: unknown, attempt: number): number {
  if (isVeniceError(error) && error.status === 429 && error.retryAfterMs !== undefined) return error.retryAfterMs
  return Math.min(BASE_DELAY_MS * 2 ** attempt, MAX_DELAY_MS)
}

/** For TanStack Query's `retry` option. */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isRetryable(error)
}

/** For TanStack Query's `retryDelay` option (its count starts at 0). */
export function queryRetryDelay(failureCount: number, error: unknown): number {
  return retryDelayMs(error, failureCount)
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(signal.reason)
    })
  })

/** Runs `call` and retries it under the rules above. Never use it for the mint POST. */
export async function withRetry<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call()
    } catch (error) {
      if (attempt >= MAX_RETRIES || !isRetryable(error)) throw error
      await sleep(retryDelayMs(error, attempt), signal)
    }
  }
}
