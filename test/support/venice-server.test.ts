import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { callApi } from './apiClient'
import { startChain, type TestChain } from './chain'
import { startVeniceStandin, type VeniceStandin } from './venice'

const WALLET = '0x00000000000000000000000000000000000000aa'
let chain: TestChain
let venice: VeniceStandin
let api: string

beforeAll(async () => {
  chain = await startChain({ port: 0 })
})
afterAll(() => chain?.stop())
// A fresh stand-in per test: the client-wide error budget would otherwise leak between tests.
beforeEach(async () => {
  venice = await startVeniceStandin({ port: 0, rpcUrl: chain.rpcUrl })
  api = venice.url
})
afterEach(() => venice.stop())

describe('failed-request budget', () => {
  it('locks a key out for 30 s after more than 50 client errors in 30 s', async () => {
    const { apiKey } = venice.control.seedKey(WALLET)
    const other = venice.control.seedKey(WALLET)
    const fail = () => callApi(api, '/api_keys/not-a-key', { key: apiKey })

    const first = await fail()
    expect(first.status).toBe(400)
    expect(first.headers.get('x-ratelimit-remaining')).toBe('49')
    const resets = Number(first.headers.get('x-ratelimit-resets'))
    expect(resets).toBe(venice.control.requests()[0]!.time + 30_000)
    for (let index = 2; index <= 50; index++) await fail()
    expect((await callApi(api, '/api_keys', { key: apiKey })).headers.get('x-ratelimit-remaining')).toBe('0')
    expect((await fail()).status).toBe(400)

    const locked = await callApi(api, '/api_keys', { key: apiKey })
    expect(locked).toMatchObject({ status: 429, body: { error: 'Too many failed requests. Try again in 30 seconds.' } })
    expect(locked.headers.get('retry-after')).toBe('30')
    expect(locked.headers.get('x-ratelimit-remaining')).toBe('0')
    expect((await callApi(api, '/api_keys', { key: other.apiKey })).status).toBe(200)

    venice.control.clock.advance(30_000)
    const after = await callApi(api, '/api_keys', { key: apiKey })
    expect(after.status).toBe(200)
    expect(after.headers.get('x-ratelimit-remaining')).toBe('50')
  })

  it('does not count 429s, and forgets failures after the 30 s window', async () => {
    const { apiKey } = venice.control.seedKey(WALLET)
    for (let index = 0; index < 50; index++) await callApi(api, '/api_keys/nope', { key: apiKey })
    for (let index = 0; index < 21; index++) {
      await callApi(api, '/api_keys', { method: 'POST', key: apiKey, body: { apiKeyType: 'ADMIN', description: 'x' } })
    }
    expect((await callApi(api, '/api_keys', { key: apiKey })).status).toBe(200)
    venice.control.clock.advance(30_000)
    for (let index = 0; index < 50; index++) await callApi(api, '/api_keys/nope', { key: apiKey })
    expect((await callApi(api, '/api_keys', { key: apiKey })).status).toBe(200)
  })

  it('budgets keyless clients by address: failed mints lock out the token route too', async () => {
    for (let index = 0; index < 51; index++) {
      expect((await callApi(api, '/api_keys/generate_web3_key', { method: 'POST', body: {} })).status).toBe(400)
    }
    const locked = await callApi(api, '/api_keys/generate_web3_key')
    expect(locked.status).toBe(429)
    expect(locked.headers.get('x-ratelimit-remaining')).toBeNull()
    // A valid key is its own subject.
    expect((await callApi(api, '/api_keys', { key: venice.control.seedKey(WALLET).apiKey })).status).toBe(200)
  })
})

describe('forced failures', () => {
  it('answers with a given status and body, then recovers', async () => {
    venice.control.failNext(
      { method: 'get', path: '/api_keys/generate_web3_key' },
      { kind: 'status', status: 503, body: { error: 'Down for maintenance' } },
      2,
    )
    expect(await callApi(api, '/api_keys/generate_web3_key')).toMatchObject({
      status: 503,
      body: { error: 'Down for maintenance' },
    })
    expect((await callApi(api, '/api_keys/generate_web3_key?again=1')).status).toBe(503)
    expect((await callApi(api, '/api_keys/generate_web3_key')).status).toBe(200)
  })

  it('only hits the matching method and path', async () => {
    venice.control.failNext({ method: 'POST', path: '/api_keys/generate_web3_key' }, { kind: 'status', status: 500 })
    expect((await callApi(api, '/api_keys/generate_web3_key')).status).toBe(200)
    expect(await callApi(api, '/api_keys/generate_web3_key', { method: 'POST', body: {} })).toMatchObject({
      status: 500,
      body: { error: 'Forced failure' },
    })
  })

  it('sends malformed JSON or wrong-shaped JSON', async () => {
    venice.control.failNext({ method: 'GET', path: '/api_keys/generate_web3_key' }, { kind: 'malformed-json' })
    venice.control.failNext({ method: 'GET', path: '/api_keys/rate_limits' }, { kind: 'wrong-shape', status: 200 })
    const malformed = await fetch(`${api}/api_keys/generate_web3_key`)
    expect(malformed.status).toBe(200)
    expect(malformed.headers.get('content-type')).toMatch(/json/)
    await expect(malformed.json()).rejects.toThrow()
    const wrong = await callApi<{ data: unknown }>(api, '/api_keys/rate_limits')
    expect(wrong.status).toBe(200)
    expect(typeof wrong.body.data).toBe('string')
  })

  it('drops the connection', async () => {
    venice.control.failNext({ method: 'GET', path: '/api_keys/generate_web3_key' }, { kind: 'drop' })
    await expect(fetch(`${api}/api_keys/generate_web3_key`)).rejects.toThrow()
    expect(venice.control.requests().at(-1)?.status).toBe('dropped')
    expect((await callApi(api, '/api_keys/generate_web3_key')).status).toBe(200)
  })

  it('hangs until the client gives up', async () => {
    venice.control.failNext({ method: 'GET', path: '/api_keys/rate_limits' }, { kind: 'hang' })
    await expect(fetch(`${api}/api_keys/rate_limits`, { signal: AbortSignal.timeout(300) })).rejects.toThrow(/abort|timeout/i)
    expect(venice.control.requests().at(-1)?.status).toBe('hung')
  })

  it('creates the key, then loses the answer: dropped, hung, a 502 or a body that is not JSON', async () => {
    const { apiKey } = venice.control.seedKey(WALLET)
    const create = (description: string, signal?: AbortSignal) =>
      fetch(`${api}/api_keys`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ apiKeyType: 'INFERENCE', description }),
        signal: signal ?? null,
      })
    const lose = (then: 'drop' | 'hang' | 'malformed-json' | { status: number }) =>
      venice.control.failNext({ method: 'POST', path: '/api_keys' }, { kind: 'afterProcessing', then })

    lose('drop')
    await expect(create('dropped')).rejects.toThrow()
    lose('hang')
    await expect(create('hung', AbortSignal.timeout(300))).rejects.toThrow()
    lose({ status: 502 })
    expect((await create('bad gateway')).status).toBe(502)
    lose('malformed-json')
    await expect((await create('not json')).json()).rejects.toThrow()

    const posts = venice.control.requests().filter((r) => r.method === 'POST')
    expect(posts.map((r) => [r.status, r.processedAs])).toEqual([
      ['dropped', 200],
      ['hung', 200],
      [502, 200],
      [200, 200],
    ])
    const listed = await callApi<{ data: { description: string }[] }>(api, '/api_keys', { key: apiKey })
    const descriptions = listed.body.data.map((key) => key.description)
    expect(descriptions).toEqual(expect.arrayContaining(['dropped', 'hung', 'bad gateway', 'not json']))
  })

  it('rewrites a handled answer (drift)', async () => {
    const { apiKey } = venice.control.seedKey(WALLET)
    venice.control.failNext(
      { method: 'GET', path: '/api_keys' },
      { kind: 'drift', rewrite: (body) => ({ ...(body as object), drifted: true }) },
    )
    const drifted = await callApi(api, '/api_keys', { key: apiKey })
    expect(drifted.body).toMatchObject({ drifted: true, data: [expect.objectContaining({ apiKeyType: 'ADMIN' })] })
  })
})

describe('CORS', () => {
  const preflight = () =>
    fetch(`${api}/api_keys/generate_web3_key`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    })

  it('answers preflights and exposes the rate-limit headers', async () => {
    const options = await preflight()
    expect(options.status).toBe(204)
    expect(options.headers.get('access-control-allow-origin')).toBe('*')
    expect(options.headers.get('access-control-allow-methods')).toBe('GET, POST, PATCH, DELETE, OPTIONS')
    expect(options.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type')

    const get = await fetch(`${api}/api_keys/generate_web3_key`, { headers: { origin: 'http://localhost:5173' } })
    expect(get.headers.get('access-control-allow-origin')).toBe('*')
    expect(get.headers.get('access-control-expose-headers')).toBe('Retry-After, x-ratelimit-remaining, x-ratelimit-resets')
    const error = await callApi(api, '/api_keys')
    expect(error.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('can be switched off entirely', async () => {
    venice.control.setCors(false)
    const options = await preflight()
    expect(options.headers.get('access-control-allow-origin')).toBeNull()
    expect(options.headers.get('access-control-allow-methods')).toBeNull()
    const get = await fetch(`${api}/api_keys/generate_web3_key`)
    expect(get.status).toBe(200)
    expect(get.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('control', () => {
  it('logs requests with method, full path, headers, parsed body, status and server time', async () => {
    venice.control.clock.advance(60_000)
    await callApi(api, '/api_keys/generate_web3_key?x=1')
    await callApi(api, '/api_keys/generate_web3_key', { method: 'POST', body: { hello: 'world' } })
    await callApi(api, '/api_keys/generate_web3_key', { method: 'POST', body: 'not json' })
    const [get, post, raw] = venice.control.requests()
    expect(get).toMatchObject({ method: 'GET', path: '/api/v1/api_keys/generate_web3_key?x=1', status: 200, body: undefined })
    expect(get!.time).toBeGreaterThan(Date.now() + 55_000)
    expect(post).toMatchObject({
      method: 'POST',
      body: { hello: 'world' },
      status: 400,
      headers: { 'content-type': 'application/json' },
    })
    expect(raw).toMatchObject({ body: 'not json', status: 400 })
    venice.control.clearRequests()
    expect(venice.control.requests()).toEqual([])
  })

  it('adds latency', async () => {
    venice.control.setLatency(250)
    const started = Date.now()
    await callApi(api, '/api_keys/generate_web3_key')
    expect(Date.now() - started).toBeGreaterThanOrEqual(240)
  })

  it('answers unknown routes with 404', async () => {
    expect(await callApi(api, '/chat/unknown')).toMatchObject({ status: 404, body: { error: 'Not found' } })
    expect((await fetch(api.replace('/api/v1', '/elsewhere'))).status).toBe(404)
  })

  it('refuses usage for an unknown model or a foreign key', () => {
    venice.control.seedKey(WALLET)
    expect(() => venice.control.recordUsage(WALLET, { apiKeyId: null, model: 'gpt-nothing' })).toThrow(/Unknown model/)
    expect(() => venice.control.recordUsage(WALLET, { apiKeyId: 'nope', model: 'qwen3-4b' })).toThrow(/not an active key/)
    expect(() =>
      venice.control.recordUsage('0x00000000000000000000000000000000000000bb', { apiKeyId: null, model: 'qwen3-4b' }),
    ).toThrow(/No Venice account/)
  })
})
