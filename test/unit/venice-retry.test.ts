import { afterEach, describe, expect, it, vi } from 'vitest'
import { createVeniceClient } from '../../src/venice/client'
import { VeniceError } from '../../src/venice/errors'
import { queryClient } from '../../src/venice/queryClient'
import { getRateLimits } from '../../src/venice/rateLimits'
import { MAX_RETRIES, isRetryable, queryRetryDelay, retryDelayMs, shouldRetryQuery, withRetry } from '../../src/venice/retry'
import { INFERENCE_SECRET_TEXT, RATE_LIMITS_BODY, fakeFetch, jsonResponse, secretOf } from '../helpers/venice'

const httpError = (status: number, retryAfterMs?: number) => new VeniceError('http', `HTTP ${status}`, { status, retryAfterMs })

afterEach(() => {
  vi.useRealTimers()
  queryClient.clear()
})

describe('isRetryable', () => {
  it.each([429, 500, 502, 503, 504])('retries HTTP %i', (status) => {
    expect(isRetryable(httpError(status))).toBe(true)
  })

  it.each([400, 401, 402, 403, 404, 409, 410, 422, 501, 505])('never retries HTTP %i', (status) => {
    expect(isRetryable(httpError(status))).toBe(false)
  })

  it('leaves a 429 that asks for more than a minute to the user, never retrying it early', () => {
    expect(isRetryable(httpError(429, 60_000))).toBe(true)
    expect(isRetryable(httpError(429, 60_001))).toBe(false)
    expect(isRetryable(httpError(429, 3_600_000))).toBe(false)
  })

  it('never retries an unreachable API, a malformed answer or a foreign error', () => {
    expect(isRetryable(new VeniceError('unreachable', 'offline'))).toBe(false)
    expect(isRetryable(new VeniceError('malformed', 'bad', { status: 503 }))).toBe(false)
    expect(isRetryable(Object.assign(new Error('x'), { status: 503 }))).toBe(false)
  })
})

describe('retryDelayMs', () => {
  it('honours Retry-After on a 429 exactly', () => {
    expect(retryDelayMs(httpError(429, 7000), 0)).toBe(7000)
    expect(retryDelayMs(httpError(429, 7000), 2)).toBe(7000)
    expect(retryDelayMs(httpError(429, 0), 1)).toBe(0)
    expect(retryDelayMs(httpError(429, 60_000), 0)).toBe(60_000)
  })

  it('backs off exponentially otherwise, capped at a minute', () => {
    expect([0, 1, 2, 3].map((attempt) => retryDelayMs(httpError(503), attempt))).toEqual([500, 1000, 2000, 4000])
    expect(retryDelayMs(httpError(429), 1)).toBe(1000)
    expect(retryDelayMs(httpError(502), 20)).toBe(60_000)
  })
})

describe('withRetry', () => {
  it(`retries a 5xx GET ${MAX_RETRIES} times with growing delays, then gives up`, async () => {
    vi.useFakeTimers()
    const fetchMock = fakeFetch(() => jsonResponse(503, { error: 'Service unavailable' }))
    const client = createVeniceClient('https://api.venice.test/api/v1', fetchMock)
    const settled = withRetry(() => getRateLimits(client, secretOf(INFERENCE_SECRET_TEXT))).catch((e: unknown) => e)

    await vi.advanceTimersByTimeAsync(0)
    expect(fetchMock).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(499)
    expect(fetchMock).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1) // 500 ms
    expect(fetchMock).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1000)
    expect(fetchMock).toHaveBeenCalledTimes(3)
    await vi.advanceTimersByTimeAsync(2000)
    expect(fetchMock).toHaveBeenCalledTimes(4)
    await vi.runAllTimersAsync()

    const error = await settled
    expect(error).toBeInstanceOf(VeniceError)
    expect((error as VeniceError).status).toBe(503)
    expect(fetchMock).toHaveBeenCalledTimes(1 + MAX_RETRIES)
  })

  it('returns the answer once a retry succeeds', async () => {
    vi.useFakeTimers()
    const answers = [jsonResponse(502, { error: 'Bad gateway' }), jsonResponse(504, {}), jsonResponse(200, RATE_LIMITS_BODY)]
    const fetchMock = fakeFetch(() => answers.shift() ?? jsonResponse(500, {}))
    const client = createVeniceClient('https://api.venice.test/api/v1', fetchMock)
    const result = withRetry(() => getRateLimits(client, secretOf(INFERENCE_SECRET_TEXT)))
    await vi.runAllTimersAsync()
    await expect(result).resolves.toEqual(RATE_LIMITS_BODY.data)
    expect(fetchMock).toHaveBeenCalledTimes(3)
  })

  it('waits exactly the Retry-After of a 429', async () => {
    vi.useFakeTimers()
    const call = vi.fn<() => Promise<string>>().mockRejectedValueOnce(httpError(429, 2000)).mockResolvedValueOnce('ok')
    const result = withRetry(call)
    await vi.advanceTimersByTimeAsync(1999)
    expect(call).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    await expect(result).resolves.toBe('ok')
    expect(call).toHaveBeenCalledTimes(2)
  })

  it.each([400, 401, 402, 403, 404])('never retries a %i', async (status) => {
    const call = vi.fn<() => Promise<never>>().mockRejectedValue(httpError(status))
    await expect(withRetry(call)).rejects.toMatchObject({ status })
    expect(call).toHaveBeenCalledTimes(1)
  })

  it('never retries an unreachable API', async () => {
    const call = vi.fn<() => Promise<never>>().mockRejectedValue(new VeniceError('unreachable', 'offline'))
    await expect(withRetry(call)).rejects.toMatchObject({ kind: 'unreachable' })
    expect(call).toHaveBeenCalledTimes(1)
  })

  it('stops waiting when aborted', async () => {
    vi.useFakeTimers()
    const controller = new AbortController()
    const call = vi.fn<() => Promise<never>>().mockRejectedValue(httpError(503))
    const settled = withRetry(call, controller.signal).catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(100)
    controller.abort(new Error('left the page'))
    expect(await settled).toMatchObject({ message: 'left the page' })
    await vi.runAllTimersAsync()
    expect(call).toHaveBeenCalledTimes(1)
  })
})

describe('TanStack Query retry options', () => {
  it('shouldRetryQuery: failureCount counts from 0, so a 5xx gets MAX_RETRIES retries', () => {
    expect([0, 1, 2, 3].map((count) => shouldRetryQuery(count, httpError(503)))).toEqual([true, true, true, false])
    expect(shouldRetryQuery(0, httpError(429))).toBe(true)
    for (const status of [400, 401, 402, 403, 404]) expect(shouldRetryQuery(0, httpError(status))).toBe(false)
    expect(shouldRetryQuery(0, new VeniceError('unreachable', 'offline'))).toBe(false)
  })

  it('queryRetryDelay: the first retry waits the base delay, a 429 its Retry-After', () => {
    expect([0, 1, 2].map((count) => queryRetryDelay(count, httpError(500)))).toEqual([500, 1000, 2000])
    expect(queryRetryDelay(0, httpError(429, 9000))).toBe(9000)
  })

  it('the app query client calls a failing 5xx query 1 + MAX_RETRIES times, a 401 once', async () => {
    vi.useFakeTimers()
    const failing = vi.fn<() => Promise<never>>().mockRejectedValue(httpError(503))
    const settled = queryClient.fetchQuery({ queryKey: ['retry-test', 503], queryFn: failing }).catch((e: unknown) => e)
    await vi.runAllTimersAsync()
    expect(await settled).toMatchObject({ status: 503 })
    expect(failing).toHaveBeenCalledTimes(1 + MAX_RETRIES)

    const refused = vi.fn<() => Promise<never>>().mockRejectedValue(httpError(401))
    const refusedSettled = queryClient.fetchQuery({ queryKey: ['retry-test', 401], queryFn: refused }).catch((e: unknown) => e)
    await vi.runAllTimersAsync()
    expect(await refusedSettled).toMatchObject({ status: 401 })
    expect(refused).toHaveBeenCalledTimes(1)
  })
})
