import { createHmac } from 'node:crypto'
import { parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callApi, mintWithWallet } from './apiClient'
import { TEST_ACCOUNTS } from './chain'
import { startTestWorld, type TestWorld } from './world'

const [staker, other, unstaked] = TEST_ACCOUNTS
const MINUTE = 60_000
let world: TestWorld
let api: string

beforeAll(async () => {
  world = await startTestWorld()
  api = world.venice.url
  await world.chain.setBalances(staker.address, { svvv: parseEther('1') })
  await world.chain.setBalances(other.address, { svvv: 1n })
})
afterAll(() => world?.stop())

async function signedToken(privateKey = staker.privateKey) {
  const { body } = await callApi(api, '/api_keys/generate_web3_key')
  const account = privateKeyToAccount(privateKey)
  return {
    token: body.data.token as string,
    address: account.address,
    signature: await account.signMessage({ message: body.data.token }),
  }
}
// The token flow (the stand-in's default); venice-sign-in.test.ts covers the challenge flow.

const post = (body: unknown) => callApi(api, '/api_keys/generate_web3_key', { method: 'POST', body })

describe('GET /api_keys/generate_web3_key', () => {
  it('returns a JWT-style token valid for 15 minutes', async () => {
    const { status, body } = await callApi(api, '/api_keys/generate_web3_key')
    expect(status).toBe(200)
    expect(body.success).toBe(true)
    const [header, payload, signature] = body.data.token.split('.')
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' })
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    expect(claims.exp - claims.iat).toBe(15 * 60)
    expect(claims.jti).toEqual(expect.any(String))
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })
})

describe('POST /api_keys/generate_web3_key', () => {
  it('mints a key for a wallet with sVVV, links an account, and echoes limits with the documented quirk', async () => {
    const expiresAt = new Date(world.venice.control.clock.now() + 3 * 86_400_000).toISOString().slice(0, 10)
    const { status, body } = await mintWithWallet(api, staker.privateKey, {
      apiKeyType: 'INFERENCE',
      description: 'From my wallet',
      expiresAt,
      consumptionLimit: { usd: 0, diem: 25 },
      limitPeriod: 'MONTH',
      modelPrivacy: 'PRIVATE_ONLY',
    })
    expect(status).toBe(200)
    expect(body).toEqual({
      success: true,
      data: {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        apiKey: expect.stringMatching(/^VENICE_INFERENCE_KEY_[0-9A-Za-z]{40,}$/),
        apiKeyType: 'INFERENCE',
        description: 'From my wallet',
        expiresAt: `${expiresAt}T00:00:00.000Z`,
        consumptionLimit: { usd: null, diem: null },
        limitPeriod: 'MONTH',
        modelPrivacy: 'PRIVATE_ONLY',
      },
    })
    expect(world.venice.control.balances(staker.address)).toBeDefined()

    // The stored limits are right: read them back with an ADMIN key of the same account.
    const admin = world.venice.control.seedKey(staker.address)
    const stored = await callApi(api, `/api_keys/${body.data.id}`, { key: admin.apiKey })
    expect(stored.status).toBe(200)
    expect(stored.body.data.consumptionLimits).toEqual({ usd: 0, diem: 25, vcu: 25 })
    expect(stored.body.data.currentPeriodUsage).toEqual({ usd: '0.0000', diem: '0.0000' })
    expect(stored.body.data.last6Chars).toBe(body.data.apiKey.slice(-6))

    const limits = await callApi(api, '/api_keys/rate_limits', { key: body.data.apiKey })
    expect(limits.status).toBe(200)
  })

  it('echoes diem from the legacy vcu and stores it as diem', async () => {
    const { body } = await mintWithWallet(api, staker.privateKey, { consumptionLimit: { usd: 5, vcu: 7 } })
    expect(body.data.consumptionLimit).toEqual({ usd: 5, diem: 7 })
    const admin = world.venice.control.seedKey(staker.address)
    const stored = await callApi(api, `/api_keys/${body.data.id}`, { key: admin.apiKey })
    expect(stored.body.data.consumptionLimits).toEqual({ usd: 5, diem: 7, vcu: 7 })
  })

  it('applies the documented defaults', async () => {
    const { body } = await mintWithWallet(api, staker.privateKey)
    expect(body.data).toMatchObject({
      apiKey: expect.stringMatching(/^VENICE_ADMIN_KEY_/),
      description: 'Web3 API Key',
      expiresAt: null,
      limitPeriod: 'EPOCH',
      modelPrivacy: 'ALL',
    })
    const stored = await callApi(api, `/api_keys/${body.data.id}`, { key: body.data.apiKey })
    expect(stored.body.data.consumptionLimits).toEqual({ usd: null, diem: null, vcu: null })
    expect(stored.body.data).not.toHaveProperty('currentPeriodUsage')
  })

  it('accepts a token once', async () => {
    const signed = await signedToken()
    expect((await post({ ...signed, apiKeyType: 'INFERENCE' })).status).toBe(200)
    expect(await post({ ...signed, apiKeyType: 'INFERENCE' })).toMatchObject({
      status: 400,
      body: { error: 'This token has already been used' },
    })
  })

  it('refuses a token after 15 minutes of the server clock', async () => {
    const fresh = await signedToken()
    const stale = await signedToken()
    world.venice.control.clock.advance(15 * MINUTE - 2_000)
    expect((await post({ ...fresh, apiKeyType: 'INFERENCE' })).status).toBe(200)
    world.venice.control.clock.advance(2_000)
    expect(await post({ ...stale, apiKeyType: 'INFERENCE' })).toMatchObject({ status: 400, body: { error: 'JWT has expired' } })
  })

  it('refuses a modified or foreign token', async () => {
    const signed = await signedToken()
    const [header, payload, mac] = signed.token.split('.') as [string, string, string]
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    const extended = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 3600 })).toString('base64url')
    const noClaims = `${header}.${Buffer.from('{}').toString('base64url')}`
    const forged = `${noClaims}.${createHmac('sha256', 'guess').update(noClaims).digest('base64url')}`
    for (const [token, error] of [
      [`${header}.${extended}.${mac}`, 'JWT signature is invalid'],
      [`${signed.token}x`, 'JWT signature is invalid'],
      [forged, 'JWT signature is invalid'],
      ['not-a-token', 'JWT is malformed'],
      [`${header}.bm90IGpzb24.${mac}`, 'JWT is malformed'],
    ]) {
      const account = privateKeyToAccount(staker.privateKey)
      const signature = await account.signMessage({ message: token! })
      expect(await post({ ...signed, token, signature, apiKeyType: 'ADMIN' })).toMatchObject({ status: 400, body: { error } })
    }
  })

  it('refuses a signature from another wallet without burning the token', async () => {
    const signed = await signedToken()
    const foreign = await privateKeyToAccount(other.privateKey).signMessage({ message: signed.token })
    for (const signature of [foreign, '0x1234']) {
      expect(await post({ ...signed, signature, apiKeyType: 'ADMIN' })).toMatchObject({
        status: 400,
        body: { error: 'Wallet signature does not match' },
      })
    }
    expect((await post({ ...signed, apiKeyType: 'ADMIN' })).status).toBe(200)
  })

  it('refuses a wallet with no staked VVV, naming it', async () => {
    const signed = await signedToken(unstaked.privateKey)
    const reply = await post({ ...signed, address: signed.address.toLowerCase(), apiKeyType: 'ADMIN' })
    expect(reply).toMatchObject({ status: 400, body: { error: 'Wallet has no staked VVV on Base' } })
    expect(world.venice.control.balances(unstaked.address)).toBeUndefined()
  })

  it('accepts expiresAt as "", a future date or a future UTC datetime', async () => {
    const tomorrow = new Date(world.venice.control.clock.now() + 86_400_000)
    for (const [expiresAt, echoed] of [
      ['', null],
      [tomorrow.toISOString().slice(0, 10), `${tomorrow.toISOString().slice(0, 10)}T00:00:00.000Z`],
      [tomorrow.toISOString(), tomorrow.toISOString()],
      [tomorrow.toISOString().replace(/\.\d+Z$/, 'Z'), tomorrow.toISOString().replace(/\.\d+Z$/, '.000Z')],
    ]) {
      const { status, body } = await mintWithWallet(api, staker.privateKey, { expiresAt })
      expect(status).toBe(200)
      expect(body.data.expiresAt).toBe(echoed)
    }
  })

  describe('strict body', () => {
    it('refuses an unknown field with error, details and issues', async () => {
      const signed = await signedToken()
      const { status, body } = await post({ ...signed, apiKeyType: 'ADMIN', name: 'x', extra: 1 })
      expect(status).toBe(400)
      expect(body).toEqual({
        error: "Unrecognized key(s) in object: 'name', 'extra'",
        details: { _errors: ["Unrecognized key(s) in object: 'name', 'extra'"] },
        issues: [{ code: 'unrecognized_keys', path: [], message: "Unrecognized key(s) in object: 'name', 'extra'" }],
      })
    })

    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
    it.each([
      ['address', { address: '0x1234' }, ['address'], 'Invalid wallet address'],
      ['address missing', { address: undefined }, ['address'], 'address is required'],
      ['signature', { signature: 'abc' }, ['signature'], 'signature must be a 0x-prefixed hex string'],
      ['token type', { token: 42 }, ['token'], 'token must be a string'],
      ['apiKeyType missing', { apiKeyType: undefined }, ['apiKeyType'], 'apiKeyType is required'],
      ['apiKeyType', { apiKeyType: 'OWNER' }, ['apiKeyType'], 'apiKeyType must be one of INFERENCE, ADMIN'],
      ['description', { description: 'x'.repeat(65) }, ['description'], 'description must be at most 64 characters'],
      [
        'expiresAt format',
        { expiresAt: '24/12/2030' },
        ['expiresAt'],
        'expiresAt must be "" (never), a date YYYY-MM-DD or a UTC datetime YYYY-MM-DDTHH:mm:ss[.sss]Z',
      ],
      [
        'expiresAt impossible date',
        { expiresAt: '2030-02-30' },
        ['expiresAt'],
        'expiresAt must be "" (never), a date YYYY-MM-DD or a UTC datetime YYYY-MM-DDTHH:mm:ss[.sss]Z',
      ],
      [
        'expiresAt offset',
        { expiresAt: '2030-01-01T00:00:00+02:00' },
        ['expiresAt'],
        'expiresAt must be "" (never), a date YYYY-MM-DD or a UTC datetime YYYY-MM-DDTHH:mm:ss[.sss]Z',
      ],
      ['expiresAt past', { expiresAt: yesterday }, ['expiresAt'], 'expiresAt must be in the future'],
      [
        'usd negative',
        { consumptionLimit: { usd: -1 } },
        ['consumptionLimit', 'usd'],
        'consumptionLimit.usd must be null or a number from 0 to 9999999999',
      ],
      [
        'diem too big',
        { consumptionLimit: { diem: 10_000_000_000 } },
        ['consumptionLimit', 'diem'],
        'consumptionLimit.diem must be null or a number from 0 to 9999999999',
      ],
      [
        'usd as text',
        { consumptionLimit: { usd: '5' } },
        ['consumptionLimit', 'usd'],
        'consumptionLimit.usd must be null or a number from 0 to 9999999999',
      ],
      ['limit unknown currency', { consumptionLimit: { eur: 5 } }, ['consumptionLimit'], "Unrecognized key(s) in object: 'eur'"],
      ['limitPeriod', { limitPeriod: 'WEEK' }, ['limitPeriod'], 'limitPeriod must be one of EPOCH, MONTH, LIFETIME'],
      ['modelPrivacy', { modelPrivacy: 'NONE' }, ['modelPrivacy'], 'modelPrivacy must be one of ALL, PRIVATE_TEXT, PRIVATE_ONLY'],
    ])('refuses a bad %s', async (_, change, path, message) => {
      const signed = await signedToken()
      const { status, body } = await post({ ...signed, apiKeyType: 'ADMIN', ...change })
      expect(status).toBe(400)
      expect(body.error).toBe(message)
      expect(body.issues).toEqual([expect.objectContaining({ path, message })])
      let node = body.details
      for (const segment of path) node = node[segment]
      expect(node._errors).toEqual([message])
    })

    it('lists every problem at once', async () => {
      const { body } = await post({ address: 'nope', apiKeyType: 'X' })
      expect(body.issues.map((issue: { path: string[] }) => issue.path.join('.'))).toEqual([
        'address',
        'signature',
        'token',
        'apiKeyType',
      ])
      expect(body.error).toContain('; ')
    })

    it('refuses a body that is not a JSON object, or not JSON', async () => {
      expect(await post([1])).toMatchObject({ status: 400, body: { error: 'Request body must be a JSON object' } })
      expect(await post('{"address":')).toMatchObject({ status: 400, body: { error: 'Request body is not valid JSON' } })
    })
  })
})
