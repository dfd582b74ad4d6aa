import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callApi } from './apiClient'
import { startTestWorld, type TestWorld } from './world'

const DAY = 86_400_000
let world: TestWorld
let api: string
let control: TestWorld['venice']['control']

beforeAll(async () => {
  world = await startTestWorld()
  api = world.venice.url
  control = world.venice.control
})
afterAll(() => world?.stop())

/** Each test gets its own wallet's account, so tests don't see each other's keys. */
let walletIndex = 0
function freshWallet() {
  walletIndex += 1
  return `0x${walletIndex.toString(16).padStart(40, 'a')}` as const
}

function adminFor(wallet = freshWallet()) {
  return { wallet, ...control.seedKey(wallet) }
}

const KEY_FIELDS = [
  'apiKeyType',
  'consumptionLimits',
  'createdAt',
  'description',
  'expiresAt',
  'id',
  'last6Chars',
  'lastUsedAt',
  'limitPeriod',
  'modelPrivacy',
  'usage',
]

describe('authentication', () => {
  it('answers a missing Authorization header with 402 and an x402 discovery body', async () => {
    const { status, body } = await callApi(api, '/api_keys')
    expect(status).toBe(402)
    expect(body).toMatchObject({
      x402Version: 1,
      error: expect.any(String),
      accepts: [{ scheme: 'exact', network: 'base', resource: `${api}/api_keys`, payTo: expect.stringMatching(/^0x/) }],
    })
  })

  it('answers a bad, revoked or expired key with 401 "Authentication failed"', async () => {
    const admin = adminFor()
    const doomed = control.seedKey(admin.wallet)
    const expiring = control.seedKey(admin.wallet, { expiresAt: new Date(control.clock.now() + DAY) })
    expect((await callApi(api, `/api_keys?id=${doomed.id}`, { method: 'DELETE', key: admin.apiKey })).status).toBe(200)
    control.clock.advance(DAY)
    for (const key of ['VENICE_ADMIN_KEY_nope', '', doomed.apiKey, expiring.apiKey]) {
      expect(await callApi(api, '/api_keys', { key })).toEqual(
        expect.objectContaining({ status: 401, body: { error: 'Authentication failed' } }),
      )
    }
    expect((await callApi(api, '/api_keys', { key: admin.apiKey })).status).toBe(200)
  })

  it('lets an INFERENCE key read rate_limits but not admin routes', async () => {
    const { wallet } = adminFor()
    const inference = control.seedKey(wallet, { apiKeyType: 'INFERENCE' })
    expect((await callApi(api, '/api_keys/rate_limits', { key: inference.apiKey })).status).toBe(200)
    for (const path of [
      '/api_keys',
      `/api_keys/${inference.id}`,
      '/api_keys/rate_limits/log',
      '/billing/balance',
      '/billing/usage-analytics',
    ]) {
      expect(await callApi(api, path, { key: inference.apiKey })).toMatchObject({
        status: 401,
        body: { error: 'Admin API key required' },
      })
    }
  })
})

describe('key management', () => {
  it('creates keys with POST /api_keys and lists active ones newest first', async () => {
    const admin = adminFor()
    const created = await callApi(api, '/api_keys', {
      method: 'POST',
      key: admin.apiKey,
      body: { apiKeyType: 'INFERENCE', description: 'CI', consumptionLimit: { usd: 0, diem: 12.5 }, limitPeriod: 'LIFETIME' },
    })
    expect(created.status).toBe(200)
    expect(created.body).toEqual({
      success: true,
      data: {
        id: expect.any(String),
        apiKey: expect.stringMatching(/^VENICE_INFERENCE_KEY_[0-9A-Za-z]{40,}$/),
        apiKeyType: 'INFERENCE',
        description: 'CI',
        expiresAt: null,
        consumptionLimit: { usd: 0, diem: 12.5 },
        limitPeriod: 'LIFETIME',
        modelPrivacy: 'ALL',
      },
    })
    control.seedKey(admin.wallet, { expiresAt: new Date(control.clock.now() + 1_000) })
    control.clock.advance(1_000)

    const { body } = await callApi(api, '/api_keys', { key: admin.apiKey })
    expect(body.object).toBe('list')
    expect(body.data.map((key: { id: string }) => key.id)).toEqual([created.body.data.id, admin.id])
    const [newest, seeded] = body.data
    expect(Object.keys(newest).sort()).toEqual([...KEY_FIELDS, 'currentPeriodUsage'].sort())
    expect(Object.keys(seeded).sort()).toEqual(KEY_FIELDS)
    expect(newest).toMatchObject({
      consumptionLimits: { usd: 0, diem: 12.5, vcu: 12.5 },
      usage: { trailingSevenDays: { usd: '0.0000', vcu: '0.0000', diem: '0.0000' } },
      currentPeriodUsage: { usd: '0.0000', diem: '0.0000' },
      lastUsedAt: null,
      last6Chars: created.body.data.apiKey.slice(-6),
    })
    expect(Date.parse(seeded.lastUsedAt)).toBeGreaterThan(control.clock.now() - 5_000)
  })

  it('validates POST /api_keys strictly and requires a description', async () => {
    const admin = adminFor()
    const create = (body: unknown) => callApi(api, '/api_keys', { method: 'POST', key: admin.apiKey, body })
    expect(await create({ apiKeyType: 'ADMIN' })).toMatchObject({ status: 400, body: { error: 'description is required' } })
    expect(await create({ apiKeyType: 'ADMIN', description: 'x', address: '0x' })).toMatchObject({
      status: 400,
      body: { error: "Unrecognized key(s) in object: 'address'", issues: [{ code: 'unrecognized_keys' }] },
    })
  })

  it('reads one key, and not another account’s or an expired one', async () => {
    const admin = adminFor()
    const stranger = adminFor()
    const expiring = control.seedKey(admin.wallet, { expiresAt: new Date(control.clock.now() + 500) })
    expect((await callApi(api, `/api_keys/${admin.id}`, { key: admin.apiKey })).body.data.id).toBe(admin.id)
    expect((await callApi(api, `/api_keys/${expiring.id}`, { key: admin.apiKey })).status).toBe(200)
    control.clock.advance(500)
    for (const id of [stranger.id, expiring.id, 'no-such-id']) {
      expect(await callApi(api, `/api_keys/${id}`, { key: admin.apiKey })).toMatchObject({
        status: 400,
        body: { error: 'API key not found' },
      })
    }
  })

  it('updates a key with PATCH /api_keys', async () => {
    const admin = adminFor()
    const target = control.seedKey(admin.wallet, {
      apiKeyType: 'INFERENCE',
      expiresAt: new Date(control.clock.now() + 10 * DAY),
      consumptionLimits: { usd: 10, diem: 20 },
    })
    const patch = (body: unknown) => callApi(api, '/api_keys', { method: 'PATCH', key: admin.apiKey, body })

    const updated = await patch({
      id: target.id,
      description: 'renamed',
      consumptionLimit: { usd: null },
      modelPrivacy: 'PRIVATE_TEXT',
    })
    expect(updated.status).toBe(200)
    expect(updated.body.success).toBe(true)
    expect(updated.body.data).toMatchObject({
      id: target.id,
      apiKeyType: 'INFERENCE',
      description: 'renamed',
      consumptionLimits: { usd: null, diem: 20, vcu: 20 },
      modelPrivacy: 'PRIVATE_TEXT',
      limitPeriod: 'EPOCH',
    })
    expect(updated.body.data.expiresAt).not.toBeNull()
    for (const expiresAt of [null, '']) {
      await patch({ id: target.id, expiresAt: new Date(control.clock.now() + DAY).toISOString() })
      expect((await patch({ id: target.id, expiresAt })).body.data.expiresAt).toBeNull()
    }
    expect((await patch({ id: target.id, consumptionLimit: { diem: null } })).body.data).not.toHaveProperty('currentPeriodUsage')

    expect(await patch({ id: target.id, apiKeyType: 'ADMIN' })).toMatchObject({
      status: 400,
      body: { error: "Unrecognized key(s) in object: 'apiKeyType'" },
    })
    expect(await patch({ description: 'no id' })).toMatchObject({ status: 400, body: { error: 'id is required' } })
    expect(await patch({ id: adminFor().id, description: 'theirs' })).toMatchObject({
      status: 400,
      body: { error: 'API key not found or expired' },
    })
  })

  it('revokes a key at once with DELETE /api_keys?id=', async () => {
    const admin = adminFor()
    const target = control.seedKey(admin.wallet, { apiKeyType: 'INFERENCE' })
    expect(await callApi(api, `/api_keys?id=${target.id}`, { method: 'DELETE', key: admin.apiKey })).toMatchObject({
      status: 200,
      body: { success: true },
    })
    expect((await callApi(api, '/api_keys/rate_limits', { key: target.apiKey })).status).toBe(401)
    for (const path of [`/api_keys?id=${target.id}`, '/api_keys']) {
      expect(await callApi(api, path, { method: 'DELETE', key: admin.apiKey })).toMatchObject({
        status: 400,
        body: { error: 'API key could not be found' },
      })
    }
  })

  it('caps creation at 20 requests a minute per user, with Retry-After', async () => {
    const admin = adminFor()
    const create = () =>
      callApi(api, '/api_keys', { method: 'POST', key: admin.apiKey, body: { apiKeyType: 'INFERENCE', description: 'burst' } })
    for (let index = 0; index < 20; index++) expect((await create()).status).toBe(200)
    control.clock.advance(10_000)
    const refused = await create()
    expect(refused).toMatchObject({
      status: 429,
      body: { error: 'Rate limit exceeded: at most 20 API keys can be created per minute' },
    })
    expect(Number(refused.headers.get('retry-after'))).toBe(50)
    // Another user is not affected.
    const other = adminFor()
    expect(
      (await callApi(api, '/api_keys', { method: 'POST', key: other.apiKey, body: { apiKeyType: 'ADMIN', description: 'x' } }))
        .status,
    ).toBe(200)
    control.clock.advance(50_000)
    expect((await create()).status).toBe(200)
  })

  it('caps active keys at 500 per user', async () => {
    const admin = adminFor()
    for (let index = 1; index < 500; index++) control.seedKey(admin.wallet)
    expect(
      await callApi(api, '/api_keys', {
        method: 'POST',
        key: admin.apiKey,
        body: { apiKeyType: 'ADMIN', description: 'one too many' },
      }),
    ).toMatchObject({
      status: 400,
      body: { error: 'Maximum of 500 active API keys reached' },
    })
  })
})

describe('GET /api_keys/rate_limits', () => {
  it('reports balances clamped to the key’s remaining limits, and access', async () => {
    const { wallet } = adminFor()
    control.setBalances(wallet, { usd: 50, diem: 100, bundledCredits: 25 })
    const key = control.seedKey(wallet, { apiKeyType: 'INFERENCE', consumptionLimits: { usd: 10, diem: 30 } })
    control.recordUsage(wallet, { apiKeyId: key.id, model: 'zai-org-glm-5-1', usd: 4, diem: 5, units: 1000 })

    const { status, body } = await callApi(api, '/api_keys/rate_limits', { key: key.apiKey })
    expect(status).toBe(200)
    const now = control.clock.now()
    expect(body.data).toMatchObject({
      accessPermitted: true,
      apiTier: { id: 'paid', isCharged: true },
      balances: { USD: 6, DIEM: 25, BUNDLED_CREDITS: 6 },
      keyExpiration: null,
      nextEpochBegins: new Date(Math.floor(now / DAY) * DAY + DAY).toISOString(),
    })
    expect(body.data.rateLimits).toHaveLength(13)
    expect(body.data.rateLimits).toContainEqual({
      apiModelId: 'zai-org-glm-5-1',
      rateLimits: [
        { type: 'RPM', amount: 100 },
        { type: 'RPD', amount: 100_000 },
        { type: 'TPM', amount: 2_000_000 },
      ],
    })
    expect(body.data.rateLimits).toContainEqual({ apiModelId: 'wan-2.5-preview-text-to-video', rateLimits: [] })
    expect(body.data.rateLimits).toContainEqual({ apiModelId: 'ace-step-music', rateLimits: [] })

    control.recordUsage(wallet, { apiKeyId: key.id, model: 'qwen3-4b', usd: 6, diem: 25 })
    const spent = await callApi(api, '/api_keys/rate_limits', { key: key.apiKey })
    expect(spent.body.data).toMatchObject({ accessPermitted: false, balances: { USD: 0, DIEM: 0, BUNDLED_CREDITS: 0 } })

    // EPOCH limits reset at the next UTC midnight.
    control.clock.advance(Date.parse(spent.body.data.nextEpochBegins) - control.clock.now())
    const nextDay = await callApi(api, '/api_keys/rate_limits', { key: key.apiKey })
    expect(nextDay.body.data).toMatchObject({ accessPermitted: true, balances: { USD: 10, DIEM: 30, BUNDLED_CREDITS: 10 } })
  })

  it('omits unknown balances and reports the key’s expiry', async () => {
    const { wallet } = adminFor()
    control.setBalances(wallet, { usd: null, diem: 3, bundledCredits: null })
    const expiresAt = new Date(control.clock.now() + 5 * DAY)
    const key = control.seedKey(wallet, { apiKeyType: 'INFERENCE', expiresAt })
    const { body } = await callApi(api, '/api_keys/rate_limits', { key: key.apiKey })
    expect(body.data.balances).toEqual({ DIEM: 3 })
    expect(body.data.keyExpiration).toBe(expiresAt.toISOString())
    expect(body.data.accessPermitted).toBe(true)
  })
})

describe('billing', () => {
  it('GET /billing/balance follows the spending order DIEM, earned, bundled, USD', async () => {
    const admin = adminFor()
    const balance = async () => (await callApi(api, '/billing/balance', { key: admin.apiKey })).body
    expect(await balance()).toEqual({
      canConsume: false,
      consumptionCurrency: null,
      balances: { diem: 0, usd: 0, bundledCredits: 0, earnedCredits: 0 },
      diemEpochAllocation: 0,
    })
    control.setBalances(admin.wallet, { usd: 5, bundledCredits: 2, diemEpochAllocation: 40 })
    expect(await balance()).toMatchObject({ canConsume: true, consumptionCurrency: 'BUNDLED_CREDITS', diemEpochAllocation: 40 })
    control.setBalances(admin.wallet, { earnedCredits: 1 })
    expect((await balance()).consumptionCurrency).toBe('EARNED_CREDITS')
    control.setBalances(admin.wallet, { diem: 0.5, usd: null })
    expect(await balance()).toMatchObject({ consumptionCurrency: 'DIEM', balances: { diem: 0.5, usd: null } })
    expect(control.balances(admin.wallet)).toEqual({
      usd: null,
      diem: 0.5,
      bundledCredits: 2,
      earnedCredits: 1,
      diemEpochAllocation: 40,
    })
  })

  it('GET /billing/usage-analytics aggregates the account’s usage, zero-filled per day', async () => {
    const admin = adminFor()
    const key = control.seedKey(admin.wallet, { description: 'bot', createdAt: new Date(control.clock.now() - 20 * DAY) })
    const now = control.clock.now()
    control.recordUsage(admin.wallet, {
      apiKeyId: key.id,
      model: 'zai-org-glm-5-1',
      usd: 1.25,
      units: 1000,
      at: new Date(now - 2 * DAY),
    })
    control.recordUsage(admin.wallet, {
      apiKeyId: key.id,
      model: 'venice-sd35',
      diem: 0.5,
      units: 2,
      at: new Date(now - 2 * DAY),
    })
    control.recordUsage(admin.wallet, {
      apiKeyId: null,
      model: 'zai-org-glm-5-1',
      usd: 0.75,
      units: 500,
      at: new Date(now - 10 * DAY),
    })

    const week = await callApi(api, '/billing/usage-analytics', { key: admin.apiKey })
    expect(week.status).toBe(200)
    const day = (offset: number) => new Date(now - offset * DAY).toISOString().slice(0, 10)
    expect(week.body.byDate).toHaveLength(7)
    expect(week.body.byDate[0].date).toBe(day(6))
    expect(week.body.byDate[6]).toEqual({ date: day(0), USD: 0, DIEM: 0 })
    expect(week.body.byDate[4]).toEqual({ date: day(2), USD: 1.25, DIEM: 0.5 })
    expect(week.body.byModel).toEqual([
      { modelName: 'zai-org-glm-5-1', unitType: 'TOKENS', modelType: 'text', totalUsd: 1.25, totalDiem: 0, totalUnits: 1000 },
      { modelName: 'venice-sd35', unitType: 'IMAGES', modelType: 'image', totalUsd: 0, totalDiem: 0.5, totalUnits: 2 },
    ])
    expect(week.body.byKey).toEqual([{ apiKeyId: key.id, description: 'bot', totalUsd: 1.25, totalDiem: 0.5, totalUnits: 1002 }])
    expect(week.body.byKeyDaily).toEqual([
      {
        date: Date.parse(`${day(2)}T00:00:00Z`),
        apiKeyId: key.id,
        description: 'bot',
        totalUsd: 1.25,
        totalDiem: 0.5,
        totalUnits: 1002,
      },
    ])
    expect(week.body.byModelDaily).toHaveLength(2)

    const month = await callApi(api, '/billing/usage-analytics?lookback=30d', { key: admin.apiKey })
    expect(month.body.byDate).toHaveLength(30)
    expect(month.body.byKey).toContainEqual({
      apiKeyId: null,
      description: 'Web usage',
      totalUsd: 0.75,
      totalDiem: 0,
      totalUnits: 500,
    })

    const range = await callApi(api, `/billing/usage-analytics?startDate=${day(10)}&endDate=${day(9)}`, { key: admin.apiKey })
    expect(range.body.byDate).toEqual([
      { date: day(10), USD: 0.75, DIEM: 0 },
      { date: day(9), USD: 0, DIEM: 0 },
    ])
  })

  it('caches usage-analytics for 10 minutes', async () => {
    const admin = adminFor()
    const read = async () => (await callApi(api, '/billing/usage-analytics', { key: admin.apiKey })).body.byModel
    expect(await read()).toEqual([])
    control.recordUsage(admin.wallet, { apiKeyId: admin.id, model: 'tts-kokoro', usd: 0.1, units: 100 })
    expect(await read()).toEqual([])
    control.clock.advance(10 * 60_000)
    expect(await read()).toHaveLength(1)
  })

  it.each([
    ['?lookback=14d', 'lookback must be one of 7d, 30d, 90d'],
    ['?lookback=7d&startDate=2026-01-01&endDate=2026-01-02', 'Use either lookback or startDate and endDate, not both'],
    ['?startDate=2026-01-01', 'startDate and endDate must be given together'],
    ['?startDate=2026-01-01&endDate=2026-13-01', 'startDate and endDate must be dates YYYY-MM-DD'],
    ['?startDate=2026-01-02&endDate=2026-01-01', 'endDate must not be before startDate'],
    ['?startDate=2026-01-01&endDate=2026-04-01', 'The date range must be at most 90 days'],
  ])('refuses usage-analytics%s', async (query, error) => {
    const admin = adminFor()
    expect(await callApi(api, `/billing/usage-analytics${query}`, { key: admin.apiKey })).toMatchObject({
      status: 400,
      body: { error },
    })
  })

  it('accepts a 90-day range and fills synthetic usage only where keys existed', async () => {
    const admin = adminFor()
    control.seedKey(admin.wallet, { createdAt: new Date(control.clock.now() - 40 * DAY) })
    control.simulateUsage(admin.wallet, { days: 90 })
    const { status, body } = await callApi(api, '/billing/usage-analytics?lookback=90d', { key: admin.apiKey })
    expect(status).toBe(200)
    expect(body.byDate).toHaveLength(90)
    const active = body.byDate.filter((row: { USD: number; DIEM: number }) => row.USD + row.DIEM > 0)
    expect(active.length).toBeGreaterThan(20)
    expect(active.length).toBeLessThanOrEqual(41)
    expect(body.byDate.slice(0, 49).every((row: { USD: number; DIEM: number }) => row.USD + row.DIEM === 0)).toBe(true)
  })

  it('GET /billing/usage is retired: 410 even without a key', async () => {
    expect(await callApi(api, '/billing/usage')).toMatchObject({
      status: 410,
      body: { error: expect.stringContaining('usage-analytics') },
    })
  })
})

describe('GET /api_keys/rate_limits/log', () => {
  it('lists the account’s failed-request lockouts, newest first', async () => {
    const admin = adminFor()
    expect((await callApi(api, '/api_keys/rate_limits/log', { key: admin.apiKey })).body).toEqual({ object: 'list', data: [] })
    for (let index = 0; index < 51; index++) await callApi(api, '/api_keys/missing', { key: admin.apiKey })
    control.clock.advance(30_000)
    const { body } = await callApi(api, '/api_keys/rate_limits/log', { key: admin.apiKey })
    expect(body.data).toEqual([
      {
        apiKeyId: admin.id,
        modelId: 'endpoint:api/v1/api_keys/missing',
        rateLimitType: 'FAILED_REQUESTS',
        rateLimitTier: 'paid',
        timestamp: expect.any(String),
      },
    ])
  })
})
