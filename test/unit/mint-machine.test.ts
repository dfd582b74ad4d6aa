import { BaseError, UserRejectedRequestError, type Address, type Hex } from 'viem'
import { describe, expect, it, vi } from 'vitest'
import {
  TOKEN_LIFETIME_MS,
  TOKEN_MAX_SIGNING_AGE_MS,
  initialMintState,
  isSignable,
  mintReducer,
  tokenRemainingMs,
  type MintEvent,
  type MintState,
  type SignableToken,
} from '../../src/features/mint/mintMachine'
import { isUserRejection, runMint, type MintDeps, type MintRequest } from '../../src/features/mint/runMint'
import type { CreatedKey } from '../../src/venice/schemas'
import { VeniceError } from '../../src/venice/errors'
import { INFERENCE_SECRET_TEXT } from '../helpers/venice'

const ADDRESS: Address = '0x1111111111111111111111111111111111111111'
const SIGNATURE: Hex = '0x5151'
const START = Date.parse('2026-04-20T12:00:00Z')
const MINUTE = 60_000

const CREATED: CreatedKey = {
  id: 'venice-key-id',
  apiKey: INFERENCE_SECRET_TEXT,
  apiKeyType: 'INFERENCE',
  description: 'Agent',
  expiresAt: null,
  consumptionLimit: null,
  limitPeriod: 'EPOCH',
  modelPrivacy: 'ALL',
}

/** Deps backed by fakes and a hand-driven clock; every dispatched event is also folded into `state`. */
function harness(overrides: Partial<MintDeps> = {}, initial: MintState = initialMintState) {
  const clock = { now: START }
  const events: MintEvent[] = []
  let state = initial
  const deps: MintDeps = {
    fetchToken: vi.fn(async () => 'fresh-token'),
    sign: vi.fn(async () => SIGNATURE),
    post: vi.fn(async () => CREATED),
    keep: vi.fn(() => 'local-id'),
    now: () => clock.now,
    dispatch: (event) => {
      events.push(event)
      state = mintReducer(state, event)
    },
    ...overrides,
  }
  const request = (extra: Partial<MintRequest> = {}): MintRequest => ({
    address: ADDRESS,
    apiKeyType: 'INFERENCE',
    options: { description: 'Agent', limitPeriod: 'MONTH' },
    ...extra,
  })
  return { deps, clock, events, request, types: () => events.map((e) => e.type), state: () => state }
}

const userRejection = () => new UserRejectedRequestError(new Error('User denied message signature.'))

describe('runMint', () => {
  it('happy path: fetch a token, sign it, POST once, keep the key, reveal it', async () => {
    const h = harness()
    await runMint(h.deps, h.request())
    expect(h.types()).toEqual(['start', 'tokenReceived', 'signed', 'minted'])
    expect(h.events[1]).toEqual({ type: 'tokenReceived', token: { value: 'fresh-token', receivedAt: START } })
    expect(h.deps.sign).toHaveBeenCalledWith('fresh-token')
    expect(h.deps.post).toHaveBeenCalledTimes(1)
    expect(h.deps.post).toHaveBeenCalledWith({
      description: 'Agent',
      limitPeriod: 'MONTH',
      address: ADDRESS,
      signature: SIGNATURE,
      token: 'fresh-token',
      apiKeyType: 'INFERENCE',
    })
    expect(h.deps.keep).toHaveBeenCalledWith(CREATED)
    expect(h.events.at(-1)).toEqual({ type: 'minted', keyId: 'local-id' })
    expect(h.state()).toEqual({ status: { name: 'revealed', keyId: 'local-id' } })
  })

  it('reuses a cached token younger than 14 minutes without fetching', async () => {
    const cached: SignableToken = { value: 'cached-token', receivedAt: START - 13 * MINUTE - 59_000 }
    const h = harness()
    await runMint(h.deps, h.request({ cachedToken: cached }))
    expect(h.deps.fetchToken).not.toHaveBeenCalled()
    expect(h.deps.sign).toHaveBeenCalledWith('cached-token')
    expect(vi.mocked(h.deps.post).mock.calls[0]?.[0].token).toBe('cached-token')
    expect(h.state().status.name).toBe('revealed')
  })

  it('fetches a fresh token before signing when the cached one is 14 minutes old or more', async () => {
    const cached: SignableToken = { value: 'stale-token', receivedAt: START - TOKEN_MAX_SIGNING_AGE_MS }
    const order: string[] = []
    const h = harness({
      fetchToken: vi.fn(async () => (order.push('fetch'), 'fresh-token')),
      sign: vi.fn(async () => (order.push('sign'), SIGNATURE)),
    })
    await runMint(h.deps, h.request({ cachedToken: cached }))
    expect(order).toEqual(['fetch', 'sign'])
    expect(h.deps.sign).toHaveBeenCalledWith('fresh-token')
    expect(h.deps.sign).not.toHaveBeenCalledWith('stale-token')
  })

  it.each([
    ['viem UserRejectedRequestError', userRejection],
    ['a wrapped rejection (cause chain)', () => new BaseError('Signing failed.', { cause: userRejection() })],
    ['a bare EIP-1193 4001', () => Object.assign(new Error('User rejected'), { code: 4001 })],
    ['a 4001 two causes deep', () => new Error('outer', { cause: new Error('middle', { cause: { code: 4001 } }) })],
    ['an error named UserRejectedRequestError', () => Object.assign(new Error('no'), { name: 'UserRejectedRequestError' })],
  ])('a user rejection (%s) → idle/rejected, no POST, the unsigned token kept', async (_, makeError) => {
    const h = harness({ sign: vi.fn(async () => Promise.reject(makeError())) })
    await runMint(h.deps, h.request())
    expect(h.types()).toEqual(['start', 'tokenReceived', 'rejected'])
    expect(h.deps.post).not.toHaveBeenCalled()
    expect(h.deps.keep).not.toHaveBeenCalled()
    expect(h.state()).toEqual({
      status: { name: 'idle', notice: 'rejected' },
      token: { value: 'fresh-token', receivedAt: START },
    })
  })

  it('after a rejection, the next try signs the kept token without fetching another', async () => {
    const sign = vi.fn<MintDeps['sign']>().mockRejectedValueOnce(userRejection()).mockResolvedValueOnce(SIGNATURE)
    const h = harness({ sign })
    await runMint(h.deps, h.request({ cachedToken: h.state().token }))
    h.clock.now += 2 * MINUTE
    await runMint(h.deps, h.request({ cachedToken: h.state().token }))
    expect(h.deps.fetchToken).toHaveBeenCalledTimes(1)
    expect(sign.mock.calls).toEqual([['fresh-token'], ['fresh-token']])
    expect(h.deps.post).toHaveBeenCalledTimes(1)
    expect(h.state().status).toEqual({ name: 'revealed', keyId: 'local-id' })
    expect(h.state().token).toBeUndefined()
  })

  it('a signature that arrives after the 15-minute lifetime is never POSTed', async () => {
    const h = harness()
    h.deps.sign = vi.fn(async () => {
      h.clock.now += TOKEN_LIFETIME_MS + 1
      return SIGNATURE
    })
    await runMint(h.deps, h.request())
    expect(h.types()).toEqual(['start', 'tokenReceived', 'expiredWhileSigning'])
    expect(h.deps.post).not.toHaveBeenCalled()
    expect(h.state()).toEqual({ status: { name: 'idle', notice: 'expiredWhileSigning' } })
  })

  it('a slow signature still inside the lifetime is POSTed', async () => {
    const h = harness()
    h.deps.sign = vi.fn(async () => {
      h.clock.now += TOKEN_LIFETIME_MS - 1000
      return SIGNATURE
    })
    await runMint(h.deps, h.request())
    expect(h.deps.post).toHaveBeenCalledTimes(1)
  })

  it('a token fetch failure → failed, nothing signed or POSTed', async () => {
    const error = new VeniceError('serverError', 'Service unavailable', { status: 503 })
    const h = harness({ fetchToken: vi.fn(async () => Promise.reject(error)) })
    await runMint(h.deps, h.request())
    expect(h.types()).toEqual(['start', 'failed'])
    expect(h.deps.sign).not.toHaveBeenCalled()
    expect(h.deps.post).not.toHaveBeenCalled()
    expect(h.state().status).toEqual({ name: 'failed', error, keyMayExist: false })
  })

  it('a wallet error that is not a rejection → failed, no POST', async () => {
    const error = new Error('Chain mismatch')
    const h = harness({ sign: vi.fn(async () => Promise.reject(error)) })
    await runMint(h.deps, h.request())
    expect(h.types()).toEqual(['start', 'tokenReceived', 'failed'])
    expect(h.deps.post).not.toHaveBeenCalled()
    expect(h.state().status).toEqual({ name: 'failed', error, keyMayExist: false })
  })

  it.each([
    ['a 400', new VeniceError('refused', 'Wallet 0x1111 has no staked VVV on Base', { status: 400 }), false],
    ['a 503', new VeniceError('serverError', 'Service unavailable', { status: 503 }), true],
    ['an unreachable API', new VeniceError('unreachable', 'offline'), true],
  ])(
    'a POST failure (%s) → failed after exactly one POST, the spent token dropped, keyMayExist=%s',
    async (_, error, keyMayExist) => {
      const h = harness({ post: vi.fn(async () => Promise.reject(error)) })
      await runMint(h.deps, h.request())
      expect(h.deps.post).toHaveBeenCalledTimes(1)
      expect(h.deps.keep).not.toHaveBeenCalled()
      expect(h.types()).toEqual(['start', 'tokenReceived', 'signed', 'failed'])
      expect(h.state()).toEqual({ status: { name: 'failed', error, keyMayExist } })
    },
  )

  it('a key that cannot be kept → failed, not left spinning in "minting"', async () => {
    const error = new Error('Venice returned a key in an unknown format.')
    const h = harness({
      keep: vi.fn(() => {
        throw error
      }),
    })
    await expect(runMint(h.deps, h.request())).resolves.toBeUndefined()
    expect(h.deps.post).toHaveBeenCalledTimes(1)
    expect(h.state().status).toEqual({ name: 'failed', error, keyMayExist: true })
  })
})

describe('mintReducer', () => {
  const token: SignableToken = { value: 't', receivedAt: START }

  it('walks idle → fetchingToken → awaitingSignature → minting → revealed', () => {
    const steps: MintEvent[] = [
      { type: 'start' },
      { type: 'tokenReceived', token },
      { type: 'signed' },
      { type: 'minted', keyId: 'k' },
    ]
    const names = steps.reduce<{ state: MintState; names: string[] }>(
      ({ state, names }, event) => {
        const next = mintReducer(state, event)
        return { state: next, names: [...names, next.status.name] }
      },
      { state: initialMintState, names: [] },
    ).names
    expect(names).toEqual(['fetchingToken', 'awaitingSignature', 'minting', 'revealed'])
  })

  it('keeps the unsigned token through start, rejection, failure and reset', () => {
    let state = mintReducer(mintReducer(initialMintState, { type: 'start' }), { type: 'tokenReceived', token })
    state = mintReducer(state, { type: 'rejected' })
    expect(state.token).toBe(token)
    state = mintReducer(state, { type: 'start' })
    expect(state).toEqual({ status: { name: 'fetchingToken' }, token })
    state = mintReducer(state, { type: 'failed', error: 'x' })
    expect(state.token).toBe(token)
    expect(mintReducer(state, { type: 'reset' })).toEqual({ status: { name: 'idle' }, token })
  })

  it('drops the token once it is signed or expired', () => {
    const awaiting = mintReducer(initialMintState, { type: 'tokenReceived', token })
    expect(mintReducer(awaiting, { type: 'signed' }).token).toBeUndefined()
    expect(mintReducer(awaiting, { type: 'expiredWhileSigning' }).token).toBeUndefined()
  })
})

describe('token age', () => {
  const token: SignableToken = { value: 't', receivedAt: START }

  it('is signable for just under 14 minutes', () => {
    expect(isSignable(undefined, START)).toBe(false)
    expect(isSignable(token, START + TOKEN_MAX_SIGNING_AGE_MS - 1)).toBe(true)
    expect(isSignable(token, START + TOKEN_MAX_SIGNING_AGE_MS)).toBe(false)
  })

  it('counts down to 0 at 15 minutes and stays there', () => {
    expect(tokenRemainingMs(token, START)).toBe(TOKEN_LIFETIME_MS)
    expect(tokenRemainingMs(token, START + 14 * MINUTE)).toBe(MINUTE)
    expect(tokenRemainingMs(token, START + TOKEN_LIFETIME_MS + 5000)).toBe(0)
  })

  it('isUserRejection is false for other errors and non-errors', () => {
    expect(isUserRejection(new Error('nope'))).toBe(false)
    expect(isUserRejection({ code: 4100 })).toBe(false)
    expect(isUserRejection(undefined)).toBe(false)
    expect(isUserRejection('4001')).toBe(false)
  })
})
