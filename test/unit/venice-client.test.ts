import { describe, expect, it, vi } from 'vitest'
import * as v from 'valibot'
import { createVeniceClient, parseRetryAfter, veniceRequest } from '../../src/venice/client'
import { VeniceError } from '../../src/venice/errors'
import { getRateLimits } from '../../src/venice/rateLimits'
import { web3SignInResponse, type Web3MintBody } from '../../src/venice/schemas'
import { SignInRefusal } from '../../src/venice/signIn'
import { getWeb3SignIn, mintWeb3Key } from '../../src/venice/web3Key'
import { challengeText, START, tokenExpiringIn, WALLET } from '../helpers/signIn'
import {
  ADMIN_SECRET_TEXT,
  INFERENCE_SECRET_TEXT,
  TEST_API_BASE as BASE,
  callOf,
  clientAnswering,
  failure,
  jsonResponse,
  secretOf,
  textResponse,
} from '../helpers/venice'
import { rateLimitsAnswer } from '../helpers/veniceAnswers'

const secret = secretOf(INFERENCE_SECRET_TEXT)

/** The rate-limits call (a credentialed GET) against one canned response. */
async function rateLimitsFailure(response: () => Response) {
  const { client, fetchMock } = clientAnswering(response)
  const error = await failure(getRateLimits(client, secret))
  expect(error.message).not.toContain(INFERENCE_SECRET_TEXT)
  expect(callOf(fetchMock).url).not.toContain(INFERENCE_SECRET_TEXT)
  return error
}

const mintBody: Web3MintBody = {
  address: '0x1111111111111111111111111111111111111111',
  signature: '0xabcdef',
  token: 'header.payload.sig',
  apiKeyType: 'INFERENCE',
  description: 'My agent',
  consumptionLimit: { usd: 5, diem: null },
  limitPeriod: 'MONTH',
}

const createdKey = {
  id: '8d0b8c3e-4a3b-4c43-9d0e-1d5c2f1a7b10',
  apiKey: INFERENCE_SECRET_TEXT,
  apiKeyType: 'INFERENCE',
  description: 'My agent',
  expiresAt: null,
  consumptionLimit: { usd: 5, diem: null },
  limitPeriod: 'MONTH',
  modelPrivacy: 'ALL',
}

const signInOf = (client: Parameters<typeof getWeb3SignIn>[0], signal?: AbortSignal) =>
  getWeb3SignIn(client, { address: WALLET, now: () => START }, signal)

describe('createVeniceClient', () => {
  it('drops trailing slashes from the base URL', async () => {
    const { fetchMock } = clientAnswering(() => jsonResponse(200, { data: { token: tokenExpiringIn(15) } }))
    await signInOf(createVeniceClient(`${BASE}//`, fetchMock))
    expect(callOf(fetchMock).url).toBe(`${BASE}/api_keys/generate_web3_key?address=${WALLET}`)
  })
})

describe('getWeb3SignIn', () => {
  it('GETs with the wallet address, no auth, no body and no Content-Type', async () => {
    const token = tokenExpiringIn(15)
    const { client, fetchMock } = clientAnswering(() => jsonResponse(200, { success: true, data: { token } }))
    await expect(signInOf(client)).resolves.toMatchObject({ flow: 'token', text: token })
    expect(fetchMock).toHaveBeenCalledTimes(1)
    const { url, init, headers } = callOf(fetchMock)
    expect(url).toBe(`${BASE}/api_keys/generate_web3_key?address=${WALLET}`)
    expect(init.method).toBe('GET')
    expect(init.body).toBeUndefined()
    expect(headers.has('Content-Type')).toBe(false)
    expect(headers.has('Authorization')).toBe(false)
    expect(init.credentials).toBe('omit')
  })

  it('takes the challenge flow from data.message', async () => {
    const message = challengeText()
    const { client } = clientAnswering(() => jsonResponse(200, { success: true, data: { message, nonce: 'n', expiresAt: 'x' } }))
    await expect(signInOf(client)).resolves.toMatchObject({ flow: 'challenge', text: message })
  })

  it('throws a SignInRefusal for an answer that must not be signed', async () => {
    const { client } = clientAnswering(() => jsonResponse(200, { success: true, data: { token: `0x${'ab'.repeat(32)}` } }))
    const error = await signInOf(client).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SignInRefusal)
    expect((error as SignInRefusal).check).toBe('jwt')
  })

  it('rejects a body without data as malformed', async () => {
    const { client } = clientAnswering(() => jsonResponse(200, { success: true }))
    expect((await failure(signInOf(client))).reason).toBe('malformed')
  })

  it('passes the abort error through when the caller aborted', async () => {
    const controller = new AbortController()
    const { client } = clientAnswering(() => {
      controller.abort()
      throw new DOMException('The operation was aborted.', 'AbortError')
    })
    const error = await signInOf(client, controller.signal).catch((e: unknown) => e)
    expect(error).not.toBeInstanceOf(VeniceError)
    expect((error as Error).name).toBe('AbortError')
  })
})

describe('mintWeb3Key', () => {
  it('POSTs exactly the body as JSON, with no Authorization header', async () => {
    const { client, fetchMock } = clientAnswering(() => jsonResponse(200, { success: true, data: createdKey }))
    const created = await mintWeb3Key(client, mintBody)
    expect(created).toEqual({ id: createdKey.id, apiKey: createdKey.apiKey, description: createdKey.description })
    const { url, init, headers } = callOf(fetchMock)
    expect(url).toBe(`${BASE}/api_keys/generate_web3_key`)
    expect(init.method).toBe('POST')
    expect(init.body).toBe(JSON.stringify(mintBody))
    expect(JSON.parse(init.body as string)).toEqual(mintBody)
    expect(headers.get('Content-Type')).toBe('application/json')
    expect(headers.has('Authorization')).toBe(false)
  })

  it('keeps the secret whatever the other fields say: a new type, a renamed enum, a number as text, no description', async () => {
    const drifted = {
      ...createdKey,
      apiKeyType: 'INFERENCE_V2',
      limitPeriod: 'FORTNIGHT',
      modelPrivacy: 42,
      consumptionLimit: { usd: '10', diem: 'lots' },
      expiresAt: 1_767_225_600,
      description: { text: 'not a string' },
      extra: 1,
    }
    const { client } = clientAnswering(() => jsonResponse(200, { success: true, data: drifted }))
    await expect(mintWeb3Key(client, mintBody)).resolves.toEqual({
      id: createdKey.id,
      apiKey: createdKey.apiKey,
      description: undefined,
    })
  })

  it('fails as malformed only when the secret or the id is missing', async () => {
    const withoutId = { ...createdKey, id: undefined }
    const { client } = clientAnswering(() => jsonResponse(200, { success: true, data: withoutId }))
    const error = await failure(mintWeb3Key(client, mintBody))
    expect(error.reason).toBe('malformed')
    expect(error.message).toContain('data.id')
  })

  it('rejects a created key whose secret is not a Venice key as malformed', async () => {
    const { client } = clientAnswering(() => jsonResponse(200, { success: true, data: { ...createdKey, apiKey: 'sk-123' } }))
    const error = await failure(mintWeb3Key(client, mintBody))
    expect(error.reason).toBe('malformed')
    expect(error.message).toContain('data.apiKey')
  })

  it("shows Venice's 400 message", async () => {
    const { client, fetchMock } = clientAnswering(() => jsonResponse(400, { error: 'Wallet 0x1111 has no staked VVV on Base' }))
    const error = await failure(mintWeb3Key(client, mintBody))
    expect(error).toMatchObject({ reason: 'refused', status: 400, message: 'Wallet 0x1111 has no staked VVV on Base' })
    expect(error.retryAfterMs).toBeUndefined()
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('appends a string `details` to the message', async () => {
    const { client } = clientAnswering(() => jsonResponse(400, { error: 'Invalid request', details: 'signature mismatch' }))
    expect((await failure(mintWeb3Key(client, mintBody))).message).toBe('Invalid request: signature mismatch')
  })

  it('ignores an object `details` tree and an `issues` list, keeping the message', async () => {
    const { client } = clientAnswering(() =>
      jsonResponse(400, {
        error: 'Invalid request',
        details: { _errors: [], description: { _errors: ['String must contain at most 64 character(s)'] } },
        issues: [{ code: 'too_big', path: ['description'], message: 'too long' }],
      }),
    )
    const error = await failure(mintWeb3Key(client, mintBody))
    expect(error.message).toBe('Invalid request')
    expect(error.status).toBe(400)
  })

  it('falls back to the status line when the 400 body has no message', async () => {
    const { client } = clientAnswering(() => jsonResponse(400, { issues: [] }, { statusText: 'Bad Request' }))
    expect((await failure(mintWeb3Key(client, mintBody))).message).toBe('Venice answered HTTP 400 Bad Request')
  })
})

describe('getRateLimits', () => {
  it('parses the documented 200 and sends the key as a Bearer token', async () => {
    const answer = rateLimitsAnswer()
    const { client, fetchMock } = clientAnswering(() => jsonResponse(200, answer))
    await expect(getRateLimits(client, secret)).resolves.toEqual({
      ...answer.data,
      rateLimits: { items: answer.data.rateLimits, unreadable: 0 },
    })
    const { url, init, headers } = callOf(fetchMock)
    expect(url).toBe(`${BASE}/api_keys/rate_limits`)
    expect(url).not.toContain(INFERENCE_SECRET_TEXT)
    expect(init.method).toBe('GET')
    expect(init.body).toBeUndefined()
    expect(headers.has('Content-Type')).toBe(false)
    expect(headers.get('Authorization')).toBe(`Bearer ${INFERENCE_SECRET_TEXT}`)
  })

  it('sends an ADMIN secret the same way', async () => {
    const { client, fetchMock } = clientAnswering(() => jsonResponse(200, rateLimitsAnswer()))
    await getRateLimits(client, secretOf(ADMIN_SECRET_TEXT))
    expect(callOf(fetchMock).headers.get('Authorization')).toBe(`Bearer ${ADMIN_SECRET_TEXT}`)
  })

  it('accepts missing balances, a missing keyExpiration and empty per-model lists', async () => {
    const body = rateLimitsAnswer({
      keyExpiration: undefined,
      balances: { DIEM: 1 },
      rateLimits: [{ apiModelId: 'video-model', rateLimits: [] }],
    })
    const { client } = clientAnswering(() => jsonResponse(200, body))
    const result = await getRateLimits(client, secret)
    expect(result.balances).toEqual({ DIEM: 1 })
    expect(result.keyExpiration).toBeNull()
    expect(result.rateLimits).toEqual({ items: [{ apiModelId: 'video-model', rateLimits: [] }], unreadable: 0 })
  })

  it('keeps a new limit type (TPD) as Venice names it, and reads a balance sent as a numeric string', async () => {
    const body = rateLimitsAnswer({
      balances: { USD: '12.5' },
      rateLimits: [{ apiModelId: 'm', rateLimits: [{ type: 'TPD', amount: 1 }] }],
    })
    const { client } = clientAnswering(() => jsonResponse(200, body))
    const result = await getRateLimits(client, secret)
    expect(result.balances).toEqual({ USD: 12.5 })
    expect(result.rateLimits.items).toEqual([{ apiModelId: 'm', rateLimits: [{ type: 'TPD', amount: 1 }] }])
  })

  it('reads the models one by one: a model that cannot be read is counted, the others kept', async () => {
    const good = { apiModelId: 'zai-org-glm-5-1', rateLimits: [{ type: 'RPM', amount: 100 }] }
    const body = rateLimitsAnswer({ rateLimits: [{ apiModelId: 7, rateLimits: 'none' }, good] })
    const { client } = clientAnswering(() => jsonResponse(200, body))
    await expect(getRateLimits(client, secret)).resolves.toMatchObject({ rateLimits: { items: [good], unreadable: 1 } })
  })

  it('rejects JSON of the wrong shape as malformed', async () => {
    const error = await rateLimitsFailure(() => jsonResponse(200, { data: { accessPermitted: 'yes' } }))
    expect(error).toMatchObject({ reason: 'malformed', status: 200 })
  })

  it('rejects a non-JSON 200 as malformed', async () => {
    const error = await rateLimitsFailure(() => textResponse(200, '<html>captive portal</html>'))
    expect(error).toMatchObject({ reason: 'malformed', status: 200 })
    expect(error.message).toContain('not JSON')
  })

  it('401 "Authentication failed"', async () => {
    const error = await rateLimitsFailure(() => jsonResponse(401, { error: 'Authentication failed' }))
    expect(error).toMatchObject({ reason: 'authenticationFailed', status: 401, message: 'Authentication failed' })
  })

  it('401 "Admin API key required"', async () => {
    const error = await rateLimitsFailure(() => jsonResponse(401, { error: 'Admin API key required' }))
    expect(error).toMatchObject({ reason: 'adminKeyRequired', status: 401, message: 'Admin API key required' })
  })

  it('402 with an x402 discovery body', async () => {
    const error = await rateLimitsFailure(() =>
      jsonResponse(402, {
        x402Version: 1,
        error: 'Authentication required',
        accepts: [
          { scheme: 'exact', network: 'base', maxAmountRequired: '10000', payTo: '0x0000000000000000000000000000000000000402' },
        ],
      }),
    )
    expect(error).toMatchObject({ reason: 'refused', status: 402, message: 'Authentication required' })
  })

  it('404 with an empty body', async () => {
    const error = await rateLimitsFailure(() => new Response(null, { status: 404, statusText: 'Not Found' }))
    expect(error).toMatchObject({ reason: 'refused', status: 404, message: 'Venice answered HTTP 404 Not Found' })
  })

  it('410 Gone', async () => {
    const error = await rateLimitsFailure(() => jsonResponse(410, { error: 'This endpoint has been retired' }))
    expect(error).toMatchObject({ reason: 'refused', status: 410, message: 'This endpoint has been retired' })
  })

  it('429 with Retry-After in seconds', async () => {
    const error = await rateLimitsFailure(() =>
      jsonResponse(429, { error: 'Rate limit exceeded' }, { headers: { 'Retry-After': '7' } }),
    )
    expect(error).toMatchObject({ reason: 'rateLimited', status: 429, message: 'Rate limit exceeded', retryAfterMs: 7000 })
  })

  it('429 with Retry-After as an HTTP date', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-04-20T12:00:00Z') })
    try {
      const error = await rateLimitsFailure(() =>
        jsonResponse(429, { error: 'Too many' }, { headers: { 'Retry-After': 'Mon, 20 Apr 2026 12:00:30 GMT' } }),
      )
      expect(error).toMatchObject({ reason: 'rateLimited', status: 429, retryAfterMs: 30_000 })
    } finally {
      vi.useRealTimers()
    }
  })

  it('429 without Retry-After has no retryAfterMs', async () => {
    const error = await rateLimitsFailure(() => jsonResponse(429, { error: 'Too many' }))
    expect(error.retryAfterMs).toBeUndefined()
  })

  it.each([500, 502, 503, 504])('%i with a JSON message', async (status) => {
    const error = await rateLimitsFailure(() => jsonResponse(status, { error: 'Upstream trouble' }))
    expect(error).toMatchObject({ reason: 'serverError', status, message: 'Upstream trouble' })
  })

  it('500 with an HTML body', async () => {
    const error = await rateLimitsFailure(() =>
      textResponse(500, '<html><body>Internal Server Error</body></html>', 'Internal Server Error'),
    )
    expect(error).toMatchObject({ reason: 'serverError', status: 500, message: 'Venice answered HTTP 500 Internal Server Error' })
  })

  it('a rejected fetch is "unreachable" and names the host, not the key', async () => {
    const error = await rateLimitsFailure(() => {
      throw new TypeError('Failed to fetch')
    })
    expect(error.reason).toBe('unreachable')
    expect(error.status).toBeUndefined()
    expect(error.message).toContain('api.venice.test')
  })

  it('redacts a secret the server echoes in its message and details', async () => {
    const error = await rateLimitsFailure(() =>
      jsonResponse(401, {
        error: `Authentication failed for ${INFERENCE_SECRET_TEXT}`,
        details: `key ${ADMIN_SECRET_TEXT} unknown`,
      }),
    )
    expect(error.message).not.toContain(ADMIN_SECRET_TEXT)
    expect(error.message).not.toContain(secret.last6)
    expect(error.message).toContain('VENICE_INFERENCE_KEY_[redacted]')
    expect(error.message).toContain('VENICE_ADMIN_KEY_[redacted]')
  })
})

describe('veniceRequest', () => {
  it('sends no Authorization header without a secret', async () => {
    const { client, fetchMock } = clientAnswering(() => jsonResponse(200, { data: { token: 'x' } }))
    await veniceRequest(client, { path: '/api_keys/generate_web3_key', schema: web3SignInResponse })
    expect(callOf(fetchMock).headers.has('Authorization')).toBe(false)
    expect(callOf(fetchMock).headers.get('Accept')).toBe('application/json')
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-04-20T12:00:00Z')
  it('reads seconds', () => {
    expect(parseRetryAfter('0', now)).toBe(0)
    expect(parseRetryAfter('120', now)).toBe(120_000)
  })
  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Mon, 20 Apr 2026 12:00:45 GMT', now)).toBe(45_000)
    expect(parseRetryAfter('Mon, 20 Apr 2026 11:00:00 GMT', now)).toBe(0)
  })
  it('ignores a missing or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined()
    expect(parseRetryAfter('  ', now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
  })
})

describe('the request timeout', () => {
  /** A fetch that never answers, but gives up when its signal aborts (as the browser's does). */
  const hangingFetch = vi.fn(
    (_url: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error))
      }),
  )
  const schema = v.object({ ok: v.boolean() })

  it('gives up after the client timeout and says so, not "unreachable"', async () => {
    const client = createVeniceClient(BASE, hangingFetch, 50)
    const error = await failure(veniceRequest(client, { method: 'POST', path: '/api_keys', body: {}, schema }))
    expect(error.reason).toBe('timeout')
    expect(error.message).toContain('did not answer within')
  })

  it('passes the caller’s own abort on unchanged, before the timeout', async () => {
    const client = createVeniceClient(BASE, hangingFetch, 10_000)
    const caller = new AbortController()
    const request = veniceRequest(client, { path: '/api_keys', schema, signal: caller.signal })
    caller.abort()
    await expect(request).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('also times out a body that stops arriving', async () => {
    const stalledBody = (_url: RequestInfo | URL, init?: RequestInit) =>
      Promise.resolve(
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"ok":'))
              init?.signal?.addEventListener('abort', () => controller.error(init.signal?.reason))
            },
          }),
          { status: 200 },
        ),
      )
    const client = createVeniceClient(BASE, stalledBody, 50)
    expect((await failure(veniceRequest(client, { path: '/x', schema }))).reason).toBe('timeout')
  })
})
