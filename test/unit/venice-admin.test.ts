import { describe, expect, it } from 'vitest'
import { createApiKey, deleteApiKey, getApiKey, getRateLimitLog, listApiKeys, updateApiKey } from '../../src/venice/apiKeys'
import { getBillingBalance, getUsageAnalytics } from '../../src/venice/billing'
import type { CreateKeyBody, UpdateKeyBody } from '../../src/venice/schemas'
import {
  ADMIN_SECRET_TEXT,
  INFERENCE_SECRET_TEXT,
  TEST_API_BASE as BASE,
  callOf,
  clientAnswering,
  failure,
  fakeFetch,
  jsonResponse,
  secretOf,
} from '../helpers/venice'
import { apiKey, billingBalance, breach, usageAnalytics } from '../helpers/veniceAnswers'

const secret = secretOf(ADMIN_SECRET_TEXT)
const KEY_ID = '8d0b8c3e-4a3b-4c43-9d0e-1d5c2f1a7b10'

/** One call's method, URL, body and headers; the secret only ever in Authorization. */
function sent(fetchMock: ReturnType<typeof fakeFetch>) {
  const { url, init, headers } = callOf(fetchMock)
  expect(headers.get('Authorization')).toBe(`Bearer ${ADMIN_SECRET_TEXT}`)
  expect(url).not.toContain(ADMIN_SECRET_TEXT)
  expect(init.credentials).toBe('omit')
  return {
    method: init.method,
    url,
    body: init.body === undefined ? undefined : (JSON.parse(init.body as string) as unknown),
    headers,
  }
}

const listedKey = apiKey({
  lastUsedAt: '2026-04-20T08:30:00.000Z',
  consumptionLimits: { usd: 10, diem: null, vcu: null },
  usage: { trailingSevenDays: { usd: '1.2500', vcu: '0.0000', diem: '0.0000' } },
  currentPeriodUsage: { usd: '0.5000', diem: '0.0000' },
})

/** What the schema makes of it: vcu dropped, usage strings as numbers. */
const parsedKey = {
  ...listedKey,
  consumptionLimits: { usd: 10, diem: null },
  usage: { trailingSevenDays: { usd: 1.25, diem: 0 } },
  currentPeriodUsage: { usd: 0.5, diem: 0 },
}

const adminRequired = () => jsonResponse(401, { error: 'Admin API key required' })

describe('listApiKeys', () => {
  it('GETs /api_keys with the ADMIN key and parses usage strings into numbers (vcu dropped)', async () => {
    const unlimited = {
      ...listedKey,
      id: 'other',
      consumptionLimits: { usd: null, diem: null, vcu: null },
      currentPeriodUsage: undefined,
    }
    const { client, fetchMock } = clientAnswering(() => jsonResponse(200, { object: 'list', data: [listedKey, unlimited] }))
    const { items: keys, unreadable } = await listApiKeys(client, secret)
    expect(unreadable).toBe(0)
    expect(keys[0]).toEqual(parsedKey)
    expect(keys[1]?.currentPeriodUsage).toBeUndefined()
    expect(keys[1]?.consumptionLimits).toEqual({ usd: null, diem: null })
    const { method, url, body, headers } = sent(fetchMock)
    expect([method, url, body]).toEqual(['GET', `${BASE}/api_keys`, undefined])
    expect(headers.has('Content-Type')).toBe(false)
  })

  it('reads the list key by key: one without last6Chars or with a usage amount that is not a number is counted, the others kept', async () => {
    const noLast6 = { ...listedKey, last6Chars: undefined }
    const badUsage = { ...listedKey, id: 'bad-usage', usage: { trailingSevenDays: { usd: 'lots', diem: '0' } } }
    const { client } = clientAnswering(() => jsonResponse(200, { object: 'list', data: [noLast6, listedKey, badUsage] }))
    const { items, unreadable } = await listApiKeys(client, secret)
    expect(items).toEqual([parsedKey])
    expect(unreadable).toBe(2)
  })

  it('keeps an unknown limit period, privacy level or key type as the string Venice sent', async () => {
    const drifted = { ...listedKey, limitPeriod: 'WEEK', modelPrivacy: 'TEE_ONLY', apiKeyType: 'BILLING' }
    const { client } = clientAnswering(() => jsonResponse(200, { data: [drifted] }))
    const { items, unreadable } = await listApiKeys(client, secret)
    expect(unreadable).toBe(0)
    expect(items[0]).toMatchObject({ limitPeriod: 'WEEK', modelPrivacy: 'TEE_ONLY', apiKeyType: 'BILLING' })
  })

  it('still refuses a list that is not a list', async () => {
    const { client } = clientAnswering(() => jsonResponse(200, { data: { keys: [listedKey] } }))
    expect((await failure(listApiKeys(client, secret))).reason).toBe('malformed')
  })

  it('turns 401 "Admin API key required" into an error the console recognises, without retrying', async () => {
    const { client, fetchMock } = clientAnswering(adminRequired)
    const error = await failure(listApiKeys(client, secretOf(INFERENCE_SECRET_TEXT)))
    expect(error).toMatchObject({ reason: 'adminKeyRequired', status: 401, message: 'Admin API key required' })
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('tells "Authentication failed" apart from "Admin API key required"', async () => {
    const { client } = clientAnswering(() => jsonResponse(401, { error: 'Authentication failed' }))
    const error = await failure(listApiKeys(client, secret))
    expect(error.reason).toBe('authenticationFailed')
  })
})

describe('getApiKey', () => {
  it('GETs /api_keys/{id} with the id URL-encoded', async () => {
    const { client, fetchMock } = clientAnswering(() => jsonResponse(200, { data: listedKey }))
    await expect(getApiKey(client, secret, KEY_ID)).resolves.toEqual(parsedKey)
    expect(sent(fetchMock)).toMatchObject({ method: 'GET', url: `${BASE}/api_keys/${KEY_ID}` })

    const odd = clientAnswering(() => jsonResponse(200, { data: listedKey }))
    await getApiKey(odd.client, secret, '../rate_limits?x=1 #')
    expect(callOf(odd.fetchMock).url).toBe(`${BASE}/api_keys/..%2Frate_limits%3Fx%3D1%20%23`)
  })

  it('shows "API key not found" on a 400', async () => {
    const { client } = clientAnswering(() => jsonResponse(400, { error: 'API key not found' }))
    expect(await failure(getApiKey(client, secret, KEY_ID))).toMatchObject({ status: 400, message: 'API key not found' })
  })

  it('rejects a response without data as malformed', async () => {
    const { client } = clientAnswering(() => jsonResponse(200, listedKey))
    expect((await failure(getApiKey(client, secret, KEY_ID))).reason).toBe('malformed')
  })
})

describe('createApiKey', () => {
  const body: CreateKeyBody = {
    apiKeyType: 'INFERENCE',
    description: 'CI runner',
    consumptionLimit: { usd: 5, diem: null },
    limitPeriod: 'MONTH',
  }
  const created = {
    id: KEY_ID,
    apiKey: INFERENCE_SECRET_TEXT,
    apiKeyType: 'INFERENCE',
    description: 'CI runner',
    expiresAt: null,
    consumptionLimit: { usd: 5, diem: null },
    limitPeriod: 'MONTH',
    modelPrivacy: 'ALL',
  }

  it('POSTs exactly the body as JSON and returns the new key with its secret', async () => {
    const { client, fetchMock } = clientAnswering(() => jsonResponse(200, { success: true, data: created }))
    await expect(createApiKey(client, secret, body)).resolves.toEqual({
      id: KEY_ID,
      apiKey: INFERENCE_SECRET_TEXT,
      description: 'CI runner',
    })
    const request = sent(fetchMock)
    expect(request).toMatchObject({ method: 'POST', url: `${BASE}/api_keys`, body })
    expect(request.headers.get('Content-Type')).toBe('application/json')
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('rejects a created key without a Venice secret as malformed', async () => {
    const { client } = clientAnswering(() => jsonResponse(200, { success: true, data: { ...created, apiKey: undefined } }))
    const error = await failure(createApiKey(client, secret, body))
    expect(error.reason).toBe('malformed')
    expect(error.message).toContain('data.apiKey')
  })

  it('carries Retry-After on a 429 and is never retried by itself', async () => {
    const { client, fetchMock } = clientAnswering(() =>
      jsonResponse(
        429,
        { error: 'Rate limit exceeded: at most 20 API keys can be created per minute' },
        { headers: { 'Retry-After': '42' } },
      ),
    )
    const error = await failure(createApiKey(client, secret, body))
    expect(error).toMatchObject({ status: 429, retryAfterMs: 42_000 })
    expect(error.reason).toBe('rateLimited')
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('recognises the 500-active-keys limit', async () => {
    const { client } = clientAnswering(() => jsonResponse(400, { error: 'Maximum of 500 active API keys reached' }))
    const error = await failure(createApiKey(client, secret, body))
    expect(error.reason).toBe('activeKeyLimit')
  })

  it('shows a schema failure message from a 400', async () => {
    const { client } = clientAnswering(() => jsonResponse(400, { error: 'Invalid request', details: 'description is required' }))
    expect((await failure(createApiKey(client, secret, body))).message).toBe('Invalid request: description is required')
  })
})

describe('updateApiKey', () => {
  it('PATCHes /api_keys with exactly the given fields, nulls included', async () => {
    const body: UpdateKeyBody = { id: KEY_ID, expiresAt: null, consumptionLimit: { usd: null } }
    const { client, fetchMock } = clientAnswering(() => jsonResponse(200, { success: true, data: listedKey }))
    await expect(updateApiKey(client, secret, body)).resolves.toEqual(parsedKey)
    const request = sent(fetchMock)
    expect(request).toMatchObject({ method: 'PATCH', url: `${BASE}/api_keys` })
    expect(request.body).toEqual({ id: KEY_ID, expiresAt: null, consumptionLimit: { usd: null } })
  })

  it('shows "API key not found or expired" on a 400', async () => {
    const { client } = clientAnswering(() => jsonResponse(400, { error: 'API key not found or expired' }))
    expect(await failure(updateApiKey(client, secret, { id: KEY_ID, description: 'x' }))).toMatchObject({
      status: 400,
      message: 'API key not found or expired',
    })
  })

  it('rejects a success without the key as malformed', async () => {
    const { client } = clientAnswering(() => jsonResponse(200, { success: true }))
    expect((await failure(updateApiKey(client, secret, { id: KEY_ID, description: 'x' }))).reason).toBe('malformed')
  })
})

describe('deleteApiKey', () => {
  it('DELETEs /api_keys?id= with no body', async () => {
    const { client, fetchMock } = clientAnswering(() => jsonResponse(200, { success: true }))
    await expect(deleteApiKey(client, secret, KEY_ID)).resolves.toBeUndefined()
    expect(sent(fetchMock)).toMatchObject({ method: 'DELETE', url: `${BASE}/api_keys?id=${KEY_ID}`, body: undefined })
  })

  it('encodes the id in the query', async () => {
    const { client, fetchMock } = clientAnswering(() => jsonResponse(200, { success: true }))
    await deleteApiKey(client, secret, 'a&b=c d')
    expect(new URL(callOf(fetchMock).url).searchParams.get('id')).toBe('a&b=c d')
  })

  it('shows "API key could not be found" on a 400', async () => {
    const { client } = clientAnswering(() => jsonResponse(400, { error: 'API key could not be found' }))
    expect(await failure(deleteApiKey(client, secret, KEY_ID))).toMatchObject({
      status: 400,
      message: 'API key could not be found',
    })
  })

  it('rejects an answer that does not say success as malformed', async () => {
    const { client } = clientAnswering(() => jsonResponse(200, { success: false }))
    expect((await failure(deleteApiKey(client, secret, KEY_ID))).reason).toBe('malformed')
  })

  it('recognises 401 "Admin API key required"', async () => {
    const { client } = clientAnswering(adminRequired)
    expect((await failure(deleteApiKey(client, secret, KEY_ID))).reason).toBe('adminKeyRequired')
  })
})

describe('getRateLimitLog', () => {
  const breaches = [
    breach(),
    breach({
      apiKeyId: null,
      modelId: 'endpoint:api/v1/chat/completions',
      rateLimitType: 'FAILED_REQUESTS',
      timestamp: '2026-04-20T09:00:00.000Z',
    }),
  ]

  it('GETs /api_keys/rate_limits/log and keeps the entries in order', async () => {
    const { client, fetchMock } = clientAnswering(() => jsonResponse(200, { object: 'list', data: breaches }))
    await expect(getRateLimitLog(client, secret)).resolves.toEqual({ items: breaches, unreadable: 0 })
    expect(sent(fetchMock)).toMatchObject({ method: 'GET', url: `${BASE}/api_keys/rate_limits/log` })
  })

  it('counts an entry without a timestamp as unreadable and keeps the others', async () => {
    const { client } = clientAnswering(() =>
      jsonResponse(200, { object: 'list', data: [{ ...breaches[0], timestamp: undefined }, breaches[1]] }),
    )
    await expect(getRateLimitLog(client, secret)).resolves.toEqual({ items: [breaches[1]], unreadable: 1 })
  })

  it('recognises 401 "Admin API key required"', async () => {
    const { client } = clientAnswering(adminRequired)
    expect((await failure(getRateLimitLog(client, secret))).reason).toBe('adminKeyRequired')
  })
})

describe('getBillingBalance', () => {
  const balance = billingBalance()

  it('GETs /billing/balance and parses the documented shape', async () => {
    const { client, fetchMock } = clientAnswering(() => jsonResponse(200, balance))
    await expect(getBillingBalance(client, secret)).resolves.toEqual(balance)
    expect(sent(fetchMock)).toMatchObject({ method: 'GET', url: `${BASE}/billing/balance` })
  })

  it('accepts a null consumption currency (nothing to spend)', async () => {
    const { client } = clientAnswering(() => jsonResponse(200, { ...balance, canConsume: false, consumptionCurrency: null }))
    expect((await getBillingBalance(client, secret)).consumptionCurrency).toBeNull()
  })

  it('keeps a new consumption currency as Venice names it', async () => {
    const { client } = clientAnswering(() => jsonResponse(200, { ...balance, consumptionCurrency: 'EUR' }))
    await expect(getBillingBalance(client, secret)).resolves.toMatchObject({ consumptionCurrency: 'EUR' })
  })

  it('rejects a missing balances object as malformed', async () => {
    const { client } = clientAnswering(() => jsonResponse(200, { ...balance, balances: undefined }))
    expect((await failure(getBillingBalance(client, secret))).reason).toBe('malformed')
  })

  it('recognises 401 "Admin API key required"', async () => {
    const { client } = clientAnswering(adminRequired)
    expect((await failure(getBillingBalance(client, secret))).reason).toBe('adminKeyRequired')
  })
})

describe('getUsageAnalytics', () => {
  // As Venice sends it: with per-model breakdowns and the chart rows the app does not read.
  const analytics = {
    ...usageAnalytics(),
    byModel: usageAnalytics().byModel?.map((model) => ({ ...model, breakdown: [] })),
    byModelDaily: [{ date: 1776556800000 }],
    byKeyDaily: [],
  }
  const parsed = {
    byDate: analytics.byDate,
    byModel: [
      { modelName: 'zai-org-glm-5-1', unitType: 'TOKENS', modelType: 'text', totalUsd: 1.5, totalDiem: 3.25, totalUnits: 120000 },
    ],
    byKey: analytics.byKey,
  }

  it('GETs /billing/usage-analytics?lookback= (never the retired /billing/usage)', async () => {
    for (const lookback of ['7d', '30d', '90d'] as const) {
      const { client, fetchMock } = clientAnswering(() => jsonResponse(200, analytics))
      await expect(getUsageAnalytics(client, secret, lookback)).resolves.toEqual(parsed)
      const { url, method } = sent(fetchMock)
      expect(method).toBe('GET')
      expect(url).toBe(`${BASE}/billing/usage-analytics?lookback=${lookback}`)
    }
  })

  it('accepts the aggregates wrapped in data, and amounts sent as strings', async () => {
    const { client } = clientAnswering(() =>
      jsonResponse(200, { data: { ...analytics, byDate: [{ date: '2026-04-19', USD: '1.5000', DIEM: '0.0000' }] } }),
    )
    expect((await getUsageAnalytics(client, secret, '7d')).byDate).toEqual([{ date: '2026-04-19', USD: 1.5, DIEM: 0 }])
  })

  it('rejects rows without a date as malformed', async () => {
    const { client } = clientAnswering(() => jsonResponse(200, { ...analytics, byDate: [{ USD: 1, DIEM: 0 }] }))
    expect((await failure(getUsageAnalytics(client, secret, '7d'))).reason).toBe('malformed')
  })

  it('recognises 401 "Admin API key required"', async () => {
    const { client } = clientAnswering(adminRequired)
    expect((await failure(getUsageAnalytics(client, secret, '30d'))).reason).toBe('adminKeyRequired')
  })
})
