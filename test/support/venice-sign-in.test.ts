/** The wallet flow's two versions in the stand-in: the challenge flow's checks and words, hostile GETs, switching. */
import { parseEther, type Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { parseSiweMessage } from 'viem/siwe'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { callApi, mintWithWallet, signedSignIn } from './apiClient'
import { TEST_ACCOUNTS } from './chain'
import { render, VENICE_STATEMENT } from './venice/challenge'
import { createClock } from './venice/clock'
import { HOSTILE_SIGN_INS } from './venice/hostile'
import { TokenIssuer } from './venice/token'
import { startTestWorld, type TestWorld } from './world'

const [staker, other, unstaked] = TEST_ACCOUNTS
const MINUTE = 60_000
const PATH = '/api_keys/generate_web3_key'
let world: TestWorld
let api: string

beforeAll(async () => {
  world = await startTestWorld({ signInFlow: 'challenge' })
  api = world.venice.url
  await world.chain.setBalances(staker.address, { svvv: parseEther('1') })
  await world.chain.setBalances(other.address, { svvv: 1n })
})
afterEach(() => world.venice.control.setSignInFlow('challenge'))
afterAll(() => world?.stop())

interface Reply {
  error?: string
  data: { message?: string; nonce?: string; expiresAt?: string; token?: string; apiKey?: string }
}
const post = (body: unknown) => callApi<Reply>(api, PATH, { method: 'POST', body })
const getFor = (address: string) => callApi<Reply>(api, `${PATH}?address=${address}`)
const sign = (privateKey: Hex, message: string) => privateKeyToAccount(privateKey).signMessage({ message })

/** A challenge for `privateKey`'s wallet, with `edit` applied to its text before signing. */
async function signedChallenge(privateKey: Hex = staker.privateKey, edit: (message: string) => string = (m) => m) {
  const { address } = privateKeyToAccount(privateKey)
  const { body } = await getFor(address)
  const message = edit(body.data.message!)
  return { address, message, signature: await sign(privateKey, message), apiKeyType: 'INFERENCE' }
}

describe('GET in the challenge flow', () => {
  it('answers an EIP-4361 challenge bound to the address, for this API, expiring in 15 minutes', async () => {
    const { status, body } = await getFor(staker.address.toLowerCase())
    expect(status).toBe(200)
    const { message, nonce, expiresAt } = body.data as Required<Reply['data']>
    const host = new URL(api).host
    expect(message).toBe(
      [
        `${host} wants you to sign in with your Ethereum account:`,
        staker.address,
        '',
        VENICE_STATEMENT,
        '',
        `URI: ${api}${PATH}`,
        'Version: 1',
        'Chain ID: 8453',
        `Nonce: ${nonce}`,
        `Issued At: ${new Date(Date.parse(expiresAt) - 15 * MINUTE).toISOString()}`,
        `Expiration Time: ${expiresAt}`,
        'Resources:',
        '- urn:venice:api-key:create',
      ].join('\n'),
    )
    expect(nonce).toMatch(/^[0-9a-f]{32}$/)
    expect(body.data).not.toHaveProperty('token')
  })

  it('refuses a missing or malformed address', async () => {
    for (const query of ['', '?address=0x1234', '?address=nope']) {
      expect(await callApi<Reply>(api, `${PATH}${query}`)).toMatchObject({
        status: 400,
        body: { error: 'Invalid wallet address' },
      })
    }
  })
})

describe('POST in the challenge flow', () => {
  it('mints with the signed message, and the challenge works once', async () => {
    const signed = await signedChallenge()
    const reply = await post(signed)
    expect(reply.status).toBe(200)
    expect(reply.body.data.apiKey).toMatch(/^VENICE_INFERENCE_KEY_/)
    expect(await post(signed)).toMatchObject({ status: 400, body: { error: 'This challenge has already been used' } })
  })

  it('refuses `token` as an unknown field (the body is strict)', async () => {
    const signed = await signedChallenge()
    const { status, body } = await post({ ...signed, token: 'a.b.c' })
    expect(status).toBe(400)
    expect(body.error).toBe("Unrecognized key(s) in object: 'token'")
  })

  it('refuses an expired challenge, on the server clock', async () => {
    const fresh = await signedChallenge()
    const stale = await signedChallenge()
    world.venice.control.clock.advance(15 * MINUTE - 2_000)
    expect((await post(fresh)).status).toBe(200)
    world.venice.control.clock.advance(2_000)
    expect(await post(stale)).toMatchObject({ status: 400, body: { error: 'The challenge has expired' } })
  })

  it('refuses a challenge issued for another wallet', async () => {
    const { body } = await getFor(other.address)
    const message = body.data.message!
    const reply = await post({
      address: staker.address,
      message,
      signature: await sign(staker.privateKey, message),
      apiKeyType: 'ADMIN',
    })
    expect(reply).toMatchObject({ status: 400, body: { error: 'This challenge was issued for a different wallet address' } })
  })

  it.each<[string, (message: string) => string, string]>([
    ['another domain', (m) => m.replace(/^[^ ]+/, 'api.venice.ai'), 'The challenge domain must be "HOST"'],
    [
      'a modified statement',
      (m) => m.replace('Only sign this on venice.ai', 'Sign anywhere'),
      'The challenge statement was modified',
    ],
    [
      'another URI',
      (m) => m.replace(/^URI: .*$/m, 'URI: https://evil.example/x'),
      'This is not a valid Venice API key authorization challenge',
    ],
    [
      'another chain',
      (m) => m.replace('Chain ID: 8453', 'Chain ID: 1'),
      'This is not a valid Venice API key authorization challenge',
    ],
    ['no resources', (m) => m.replace(/\nResources:\n- .*$/, ''), 'This is not a valid Venice API key authorization challenge'],
    [
      'a longer expiry',
      (m) => m.replace(/Expiration Time: .*/, 'Expiration Time: 2099-01-01T00:00:00.000Z'),
      'This is not a valid Venice API key authorization challenge',
    ],
    [
      'an unknown nonce',
      (m) => m.replace(/Nonce: .*/, 'Nonce: 0123456789abcdef0123456789abcdef'),
      'This is not a valid Venice API key authorization challenge',
    ],
    ['plain text', () => 'Sign in, please', 'This is not a valid Venice API key authorization challenge'],
  ])('refuses %s in words', async (_, edit, error) => {
    const signed = await signedChallenge(staker.privateKey, edit)
    expect(await post(signed)).toMatchObject({ status: 400, body: { error: error.replace('HOST', new URL(api).host) } })
  })

  it('refuses a signature from another wallet without burning the challenge', async () => {
    const signed = await signedChallenge()
    const foreign = await sign(other.privateKey, signed.message)
    expect(await post({ ...signed, signature: foreign })).toMatchObject({
      status: 400,
      body: { error: 'Wallet signature does not match' },
    })
    expect((await post(signed)).status).toBe(200)
  })

  it('says "Could not verify wallet signature" when its chain check fails, and the challenge survives', async () => {
    const signed = await signedChallenge()
    world.venice.control.failNextSignatureChecks()
    expect(await post(signed)).toMatchObject({ status: 400, body: { error: 'Could not verify wallet signature' } })
    expect((await post(signed)).status).toBe(200)
  })

  it('refuses a wallet with no staked VVV, and a malformed address', async () => {
    expect(await post(await signedChallenge(unstaked.privateKey))).toMatchObject({
      status: 400,
      body: { error: 'Wallet has no staked VVV on Base' },
    })
    const signed = await signedChallenge()
    expect(await post({ ...signed, address: '0x12' })).toMatchObject({ status: 400, body: { error: 'Invalid wallet address' } })
  })
})

describe('switching flows', () => {
  it('answers a token after setSignInFlow("token"), and then refuses `message` as unknown', async () => {
    world.venice.control.setSignInFlow('token')
    const proof = await signedSignIn(api, staker.privateKey)
    expect(proof).toHaveProperty('token')
    const { status, body } = await post({ ...proof, message: 'x', apiKeyType: 'ADMIN' })
    expect(status).toBe(400)
    expect(body.error).toBe("Unrecognized key(s) in object: 'message'")
    expect((await mintWithWallet(api, staker.privateKey)).status).toBe(200)
  })

  it('mints end to end in the challenge flow with the shared client helper', async () => {
    expect(world.venice.control.signInFlow()).toBe('challenge')
    expect((await mintWithWallet(api, staker.privateKey, { apiKeyType: 'INFERENCE' })).status).toBe(200)
  })
})

describe('hostile sign-in answers', () => {
  it.each(HOSTILE_SIGN_INS)('%s: answered once, then honest again', async (kind) => {
    world.venice.control.answerNextSignInWith(kind)
    const { status, body } = await getFor(staker.address)
    expect(status).toBe(200)
    const data = body.data
    switch (kind) {
      case 'siwe-other-domain':
        expect(parseSiweMessage(data.message!).domain).toBe('app.uniswap.org')
        break
      case 'challenge-other-address':
        expect(parseSiweMessage(data.message!).address).not.toBe(staker.address)
        break
      case 'challenge-other-chain':
        expect(parseSiweMessage(data.message!).chainId).toBe(1)
        break
      case 'challenge-other-uri':
        expect(parseSiweMessage(data.message!).uri).toContain('evil.example')
        break
      case 'challenge-modified-statement':
        expect(parseSiweMessage(data.message!).statement).not.toBe(VENICE_STATEMENT)
        break
      case 'challenge-past-expiry':
        expect(parseSiweMessage(data.message!).expirationTime!.getTime()).toBeLessThan(world.venice.control.clock.now())
        break
      case 'hex':
        expect(data.token).toMatch(/^0x[0-9a-f]{64}$/)
        break
      case 'megabyte':
        expect(data.message!.length).toBe(1_048_576)
        break
      case 'not-jwt':
        expect(data.token!.split('.')).toHaveLength(1)
        break
      case 'expired-jwt': {
        const claims = JSON.parse(Buffer.from(data.token!.split('.')[1]!, 'base64url').toString()) as { exp: number }
        expect(claims.exp * 1000).toBeLessThan(world.venice.control.clock.now())
        break
      }
      case 'neither':
        expect(data).not.toHaveProperty('token')
        expect(data).not.toHaveProperty('message')
        break
    }
    expect((await getFor(staker.address)).body.data.message).toContain(VENICE_STATEMENT)
  })
})

describe('the token issuer', () => {
  it('says "JWT claims are invalid" for a token of its own whose claims are not Venice’s', () => {
    const tokens = new TokenIssuer(createClock())
    expect(tokens.check(tokens.issue({ jti: 42 }))).toEqual({ ok: false, error: 'JWT claims are invalid' })
    expect(tokens.check(tokens.issue({ exp: 'soon' }))).toEqual({ ok: false, error: 'JWT claims are invalid' })
  })

  it('renders the same text from the same fields (the challenge is deterministic)', () => {
    const fields = {
      domain: 'api.venice.ai',
      address: staker.address,
      statement: VENICE_STATEMENT,
      uri: 'https://api.venice.ai/api/v1/api_keys/generate_web3_key',
      chainId: 8453,
      nonce: '9f2c1d6b4a8e05337c1b9d2e6f4a7c81',
      issuedAt: new Date('2026-06-30T11:02:41.167Z'),
      expirationTime: new Date('2026-06-30T11:17:41.167Z'),
      resources: ['urn:venice:api-key:create'],
    }
    expect(render(fields)).toBe(render({ ...fields }))
    expect(render(fields)).toContain('Issued At: 2026-06-30T11:02:41.167Z\nExpiration Time: 2026-06-30T11:17:41.167Z')
  })
})
