import { afterEach, describe, expect, it, vi } from 'vitest'
import { queryClient, veniceQueryRoot } from '../../src/query/queryClient'
import { MAX_RETRIES, isRetryable, shouldRetryVeniceQuery, veniceRetryDelay } from '../../src/query/veniceRetry'
import { createVeniceClient } from '../../src/venice/client'
import { VeniceError, reasonOfStatus } from '../../src/venice/errors'
import { getRateLimits } from '../../src/venice/rateLimits'
import { INFERENCE_SECRET_TEXT, fakeFetch, jsonResponse, secretOf } from '../helpers/venice'
import { rateLimitsAnswer } from '../helpers/veniceAnswers'

const httpError = (status: number, retryAfterMs?: number) =>
  new VeniceError(reasonOfStatus(status, `HTTP ${status}`), `HTTP ${status}`, { status, retryAfterMs })

/** A Venice query through the app's client, so the policy comes from the query defaults. */
const veniceQuery = <T>(name: string, queryFn: () => Promise<T>) =>
  queryClient.query({ queryKey: [...veniceQueryRoot, 'retry-test', name], queryFn })

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

  it('never retries an unreachable API, a malformed answer, the 500-keys limit or a foreign error', () => {
    expect(isRetryable(new VeniceError('unreachable', 'offline'))).toBe(false)
    expect(isRetryable(new VeniceError('malformed', 'bad', { status: 503 }))).toBe(false)
    expect(isRetryable(new VeniceError('activeKeyLimit', 'Maximum of 500 active keys', { status: 429 }))).toBe(false)
    expect(isRetryable(Object.assign(new Error('x'), { status: 503 }))).toBe(false)
  })
})

describe('veniceRetryDelay', () => {
  it('honours Retry-After on a 429 exactly', () => {
    expect(veniceRetryDelay(0, httpError(429, 7000))).toBe(7000)
    expect(veniceRetryDelay(2, httpError(429, 7000))).toBe(7000)
    expect(veniceRetryDelay(1, httpError(429, 0))).toBe(0)
    expect(veniceRetryDelay(0, httpError(429, 60_000))).toBe(60_000)
  })

  it('backs off exponentially otherwise, capped at a minute', () => {
    expect([0, 1, 2, 3].map((attempt) => veniceRetryDelay(attempt, httpError(503)))).toEqual([500, 1000, 2000, 4000])
    expect(veniceRetryDelay(1, httpError(429))).toBe(1000)
    expect(veniceRetryDelay(20, httpError(502))).toBe(60_000)
  })

  it('shouldRetryVeniceQuery: the count starts at 0, so a 5xx gets MAX_RETRIES retries', () => {
    expect([0, 1, 2, 3].map((count) => shouldRetryVeniceQuery(count, httpError(503)))).toEqual([true, true, true, false])
    for (const status of [400, 401, 402, 403, 404]) expect(shouldRetryVeniceQuery(0, httpError(status))).toBe(false)
  })
})

describe('the app query client, for queries under the Venice root', () => {
  it(`retries a 5xx GET ${MAX_RETRIES} times with growing delays, then gives up`, async () => {
    vi.useFakeTimers()
    const fetchMock = fakeFetch(() => jsonResponse(503, { error: 'Service unavailable' }))
    const client = createVeniceClient('https://api.venice.test/api/v1', fetchMock)
    const settled = veniceQuery('5xx', () => getRateLimits(client, secretOf(INFERENCE_SECRET_TEXT))).catch((e: unknown) => e)

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

    expect(await settled).toMatchObject({ reason: 'serverError', status: 503 })
    expect(fetchMock).toHaveBeenCalledTimes(1 + MAX_RETRIES)
  })

  it('returns the answer once a retry succeeds', async () => {
    vi.useFakeTimers()
    const answer = rateLimitsAnswer()
    const answers = [jsonResponse(502, { error: 'Bad gateway' }), jsonResponse(504, {}), jsonResponse(200, answer)]
    const fetchMock = fakeFetch(() => answers.shift() ?? jsonResponse(500, {}))
    const client = createVeniceClient('https://api.venice.test/api/v1', fetchMock)
    const result = veniceQuery('recovers', () => getRateLimits(client, secretOf(INFERENCE_SECRET_TEXT)))
    await vi.runAllTimersAsync()
    await expect(result).resolves.toEqual({
      ...answer.data,
      rateLimits: { items: answer.data.rateLimits, unreadable: 0 },
    })
    expect(fetchMock).toHaveBeenCalledTimes(3)
  })

  it('waits exactly the Retry-After of a 429', async () => {
    vi.useFakeTimers()
    const call = vi.fn<() => Promise<string>>().mockRejectedValueOnce(httpError(429, 2000)).mockResolvedValueOnce('ok')
    const result = veniceQuery('429', call)
    await vi.advanceTimersByTimeAsync(1999)
    expect(call).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    await expect(result).resolves.toBe('ok')
    expect(call).toHaveBeenCalledTimes(2)
  })

  it.each([400, 401, 402, 403, 404])('never retries a %i', async (status) => {
    const call = vi.fn<() => Promise<never>>().mockRejectedValue(httpError(status))
    await expect(veniceQuery(String(status), call)).rejects.toMatchObject({ status })
    expect(call).toHaveBeenCalledTimes(1)
  })

  it('never retries an unreachable API', async () => {
    const call = vi.fn<() => Promise<never>>().mockRejectedValue(new VeniceError('unreachable', 'offline'))
    await expect(veniceQuery('unreachable', call)).rejects.toMatchObject({ reason: 'unreachable' })
    expect(call).toHaveBeenCalledTimes(1)
  })

  it('leaves other queries (the wallet reads) their own retry setting', async () => {
    vi.useFakeTimers()
    const read = vi.fn<() => Promise<never>>().mockRejectedValue(new Error('RPC down'))
    const settled = queryClient
      .query({ queryKey: ['readContracts', 'retry-test'], queryFn: read, retry: 1, retryDelay: 10 })
      .catch((e: unknown) => e)
    await vi.runAllTimersAsync()
    expect(await settled).toMatchObject({ message: 'RPC down' })
    expect(read).toHaveBeenCalledTimes(2)
    expect(queryClient.getQueryDefaults(['readContracts']).retry).toBeUndefined()
  })
})
