import { BaseError, UserRejectedRequestError, type Address, type Hex } from 'viem'
import { describe, expect, it, vi } from 'vitest'
import {
  initialMintState,
  mintReducer,
  type HeldSignIn,
  type MintEvent,
  type MintState,
} from '../../src/features/mint/mintMachine'
import { isUserRejection, prepareMint, signAndMint, type MintDeps, type MintRequest } from '../../src/features/mint/runMint'
import type { CreatedKey } from '../../src/venice/schemas'
import { VeniceError } from '../../src/venice/errors'
import { SignInRefusal, type SignIn } from '../../src/venice/signIn'
import { MINUTE, START, WALLET as ADDRESS } from '../helpers/signIn'
import { INFERENCE_SECRET_TEXT } from '../helpers/venice'

const OTHER: Address = '0x2222222222222222222222222222222222222222'
const SIGNATURE: Hex = '0x5151'
const TOKEN: SignIn = { flow: 'token', text: 'h.p.s', expiresAt: START + 15 * MINUTE }
const CHALLENGE: SignIn = {
  flow: 'challenge',
  text: 'api.venice.test wants you to sign in…',
  expiresAt: START + 15 * MINUTE,
  domain: 'api.venice.test',
  address: ADDRESS,
  uri: 'https://api.venice.test/api/v1/api_keys/generate_web3_key',
  nonce: 'abcdef0123456789',
}

const CREATED: CreatedKey = {
  id: 'venice-key-id',
  apiKey: INFERENCE_SECRET_TEXT,
  description: 'Agent',
}

/** Deps backed by fakes and a hand-driven clock; every dispatched event is also folded into `state`. */
function harness(fetched: SignIn = TOKEN, overrides: Partial<MintDeps> = {}) {
  const clock = { now: START }
  const events: MintEvent[] = []
  let state: MintState = initialMintState
  const controller = new AbortController()
  const deps: MintDeps = {
    fetchSignIn: vi.fn(() => Promise.resolve(fetched)),
    sign: vi.fn(() => Promise.resolve(SIGNATURE)),
    post: vi.fn(() => Promise.resolve(CREATED)),
    keep: vi.fn(() => 'local-id'),
    now: () => clock.now,
    dispatch: (event) => {
      events.push(event)
      state = mintReducer(state, event)
    },
    ...overrides,
  }
  const request: MintRequest = {
    address: ADDRESS,
    apiKeyType: 'INFERENCE',
    options: { description: 'Agent', limitPeriod: 'MONTH' },
  }
  /** Phase 1 then, if it reached the review, the user's confirmation. */
  async function mintAndConfirm(held?: HeldSignIn) {
    await prepareMint(deps, ADDRESS, held ?? state.held, controller.signal)
    if (state.status.name === 'reviewing') await signAndMint(deps, request, state.status.signIn, controller.signal)
  }
  return { deps, clock, events, request, controller, mintAndConfirm, types: () => events.map((e) => e.type), state: () => state }
}

const userRejection = () => new UserRejectedRequestError(new Error('User denied message signature.'))

describe('prepareMint', () => {
  it('fetches a checked sign-in for the wallet and stops at the review: nothing is signed yet', async () => {
    const h = harness(CHALLENGE)
    await prepareMint(h.deps, ADDRESS, undefined, h.controller.signal)
    expect(h.deps.fetchSignIn).toHaveBeenCalledWith(ADDRESS, h.controller.signal)
    expect(h.types()).toEqual(['start', 'signInReceived'])
    expect(h.state().status).toEqual({ name: 'reviewing', signIn: CHALLENGE, address: ADDRESS })
    expect(h.deps.sign).not.toHaveBeenCalled()
  })

  it('a refused answer → failed with the refusal, nothing signed or posted', async () => {
    const refusal = new SignInRefusal('domain', 'The challenge is for "evil.example"…')
    const h = harness(TOKEN, { fetchSignIn: vi.fn(async () => Promise.reject(refusal)) })
    await h.mintAndConfirm()
    expect(h.types()).toEqual(['start', 'failed'])
    expect(h.state().status).toEqual({ name: 'failed', error: refusal, keyMayExist: false })
    expect(h.deps.sign).not.toHaveBeenCalled()
    expect(h.deps.post).not.toHaveBeenCalled()
  })

  it('reuses a held sign-in for the same wallet while it is signable', async () => {
    const h = harness()
    h.clock.now = START + 13 * MINUTE
    await prepareMint(h.deps, ADDRESS, { signIn: CHALLENGE, address: ADDRESS }, h.controller.signal)
    expect(h.deps.fetchSignIn).not.toHaveBeenCalled()
    expect(h.state().status).toMatchObject({ name: 'reviewing', signIn: CHALLENGE })
  })

  it('fetches afresh when the held one is within a minute of expiry, or for another wallet', async () => {
    const stale = harness()
    stale.clock.now = START + 14 * MINUTE
    await prepareMint(stale.deps, ADDRESS, { signIn: CHALLENGE, address: ADDRESS }, stale.controller.signal)
    expect(stale.deps.fetchSignIn).toHaveBeenCalledTimes(1)

    const switched = harness()
    await prepareMint(switched.deps, ADDRESS, { signIn: CHALLENGE, address: OTHER }, switched.controller.signal)
    expect(switched.deps.fetchSignIn).toHaveBeenCalledTimes(1)
  })
})

describe('signAndMint', () => {
  it.each([
    ['token', TOKEN, { token: TOKEN.text }],
    ['challenge', CHALLENGE, { message: CHALLENGE.text }],
  ])('%s flow: signs the exact text with the connected account, POSTs it once, keeps the key', async (_, signIn, proof) => {
    const h = harness(signIn)
    await h.mintAndConfirm()
    expect(h.types()).toEqual(['start', 'signInReceived', 'confirmed', 'signed', 'minted'])
    expect(h.deps.sign).toHaveBeenCalledWith(signIn.text, ADDRESS)
    expect(h.deps.post).toHaveBeenCalledTimes(1)
    expect(vi.mocked(h.deps.post).mock.calls[0]![0]).toEqual({
      description: 'Agent',
      limitPeriod: 'MONTH',
      address: ADDRESS,
      signature: SIGNATURE,
      apiKeyType: 'INFERENCE',
      ...proof,
    })
    expect(h.state()).toEqual({ status: { name: 'revealed', keyId: 'local-id' } })
  })

  it('never signs a sign-in that became stale during the review', async () => {
    const h = harness()
    await prepareMint(h.deps, ADDRESS, undefined, h.controller.signal)
    h.clock.now = START + 14 * MINUTE + 1
    await signAndMint(h.deps, h.request, TOKEN, h.controller.signal)
    expect(h.types()).toEqual(['start', 'signInReceived', 'stale'])
    expect(h.deps.sign).not.toHaveBeenCalled()
    expect(h.state()).toEqual({ status: { name: 'idle', notice: 'expiredBeforeSigning' } })
  })

  it('a signature that arrives after the expiry is never POSTed', async () => {
    const h = harness()
    h.deps.sign = vi.fn(() => {
      h.clock.now = TOKEN.expiresAt
      return Promise.resolve(SIGNATURE)
    })
    await h.mintAndConfirm()
    expect(h.types()).toEqual(['start', 'signInReceived', 'confirmed', 'stale'])
    expect(h.deps.post).not.toHaveBeenCalled()
  })

  it('a slow signature still inside the lifetime is POSTed', async () => {
    const h = harness()
    h.deps.sign = vi.fn(() => {
      h.clock.now = TOKEN.expiresAt - 1000
      return Promise.resolve(SIGNATURE)
    })
    await h.mintAndConfirm()
    expect(h.deps.post).toHaveBeenCalledTimes(1)
  })

  it('after an abort (cancel, account switch) during signing, the signature never leaves the page', async () => {
    const h = harness(CHALLENGE)
    h.deps.sign = vi.fn(() => {
      h.controller.abort()
      return Promise.resolve(SIGNATURE)
    })
    await h.mintAndConfirm()
    expect(h.deps.post).not.toHaveBeenCalled()
    expect(h.types()).toEqual(['start', 'signInReceived', 'confirmed'])
  })

  it.each([
    ['viem UserRejectedRequestError', userRejection],
    ['a wrapped rejection (cause chain)', () => new BaseError('Signing failed.', { cause: userRejection() })],
    ['a bare EIP-1193 4001', () => Object.assign(new Error('User rejected'), { code: 4001 })],
    ['a 4001 two causes deep', () => new Error('outer', { cause: new Error('middle', { cause: { code: 4001 } }) })],
    ['an error named UserRejectedRequestError', () => Object.assign(new Error('no'), { name: 'UserRejectedRequestError' })],
  ])('a user rejection (%s) → idle/rejected, no POST, the unsigned sign-in held', async (_, makeError) => {
    const h = harness(CHALLENGE, { sign: vi.fn(async () => Promise.reject(makeError())) })
    await h.mintAndConfirm()
    expect(h.types()).toEqual(['start', 'signInReceived', 'confirmed', 'rejected'])
    expect(h.deps.post).not.toHaveBeenCalled()
    expect(h.state()).toEqual({ status: { name: 'idle', notice: 'rejected' }, held: { signIn: CHALLENGE, address: ADDRESS } })
  })

  it('after a rejection, the next try shows and signs the held sign-in without fetching another', async () => {
    const sign = vi.fn<MintDeps['sign']>().mockRejectedValueOnce(userRejection()).mockResolvedValueOnce(SIGNATURE)
    const h = harness(CHALLENGE, { sign })
    await h.mintAndConfirm()
    h.clock.now += 2 * MINUTE
    await h.mintAndConfirm()
    expect(h.deps.fetchSignIn).toHaveBeenCalledTimes(1)
    expect(sign.mock.calls).toEqual([
      [CHALLENGE.text, ADDRESS],
      [CHALLENGE.text, ADDRESS],
    ])
    expect(h.deps.post).toHaveBeenCalledTimes(1)
    expect(h.state()).toEqual({ status: { name: 'revealed', keyId: 'local-id' } })
  })

  it('a wallet error that is not a rejection → failed, no POST', async () => {
    const error = new Error('Chain mismatch')
    const h = harness(TOKEN, { sign: vi.fn(async () => Promise.reject(error)) })
    await h.mintAndConfirm()
    expect(h.deps.post).not.toHaveBeenCalled()
    expect(h.state().status).toEqual({ name: 'failed', error, keyMayExist: false })
  })

  it.each([
    ['a 400 refusal', new VeniceError('refused', 'Wallet has no staked VVV on Base', { status: 400 }), false],
    ['an expired challenge', new VeniceError('refused', 'The challenge has expired', { status: 400 }), false],
    [
      '"already been used" (an earlier copy of this POST got there)',
      new VeniceError('tokenAlreadyUsed', 'This challenge has already been used', { status: 400 }),
      true,
    ],
    ['a 503', new VeniceError('serverError', 'Service unavailable', { status: 503 }), true],
    ['an unreachable API', new VeniceError('unreachable', 'offline'), true],
  ])('a POST failure (%s) → failed after exactly one POST, keyMayExist=%s', async (_, error, keyMayExist) => {
    const h = harness(CHALLENGE, { post: vi.fn(async () => Promise.reject(error)) })
    await h.mintAndConfirm()
    expect(h.deps.post).toHaveBeenCalledTimes(1)
    expect(h.deps.keep).not.toHaveBeenCalled()
    expect(h.types()).toEqual(['start', 'signInReceived', 'confirmed', 'signed', 'failed'])
    expect(h.state()).toEqual({ status: { name: 'failed', error, keyMayExist } })
  })

  it('a key that cannot be kept → failed, not left spinning in "minting"', async () => {
    const error = new Error('Venice returned a key in an unknown format.')
    const h = harness(TOKEN, {
      keep: vi.fn(() => {
        throw error
      }),
    })
    await expect(h.mintAndConfirm()).resolves.toBeUndefined()
    expect(h.deps.post).toHaveBeenCalledTimes(1)
    expect(h.state().status).toEqual({ name: 'failed', error, keyMayExist: true })
  })
})

describe('mintReducer', () => {
  const held: HeldSignIn = { signIn: CHALLENGE, address: ADDRESS }

  it('walks idle → fetchingChallenge → reviewing → awaitingSignature → minting → revealed', () => {
    const steps: MintEvent[] = [
      { type: 'start' },
      { type: 'signInReceived', ...held },
      { type: 'confirmed' },
      { type: 'signed' },
      { type: 'minted', keyId: 'k' },
    ]
    let state = initialMintState
    const names = steps.map((event) => (state = mintReducer(state, event)).status.name)
    expect(names).toEqual(['fetchingChallenge', 'reviewing', 'awaitingSignature', 'minting', 'revealed'])
  })

  it('only a review can be confirmed', () => {
    const idle = mintReducer(initialMintState, { type: 'confirmed' })
    expect(idle).toBe(initialMintState)
  })

  it('holds the unsigned sign-in through rejection, cancel, failure and reset', () => {
    let state = mintReducer(initialMintState, { type: 'signInReceived', ...held })
    state = mintReducer(state, { type: 'rejected' })
    expect(state.held).toEqual(held)
    state = mintReducer(state, { type: 'cancelled' })
    expect(state).toEqual({ status: { name: 'idle', notice: 'cancelled' }, held })
    state = mintReducer(state, { type: 'failed', error: 'x' })
    expect(mintReducer(state, { type: 'reset' })).toEqual({ status: { name: 'idle' }, held })
  })

  it('drops it once signed, stale, or when the account changes', () => {
    const reviewing = mintReducer(initialMintState, { type: 'signInReceived', ...held })
    expect(mintReducer(reviewing, { type: 'signed' }).held).toBeUndefined()
    expect(mintReducer(reviewing, { type: 'stale' }).held).toBeUndefined()
    expect(mintReducer(reviewing, { type: 'accountChanged' })).toEqual({ status: { name: 'idle', notice: 'accountChanged' } })
  })

  it('isUserRejection is false for other errors and non-errors', () => {
    expect(isUserRejection(new Error('nope'))).toBe(false)
    expect(isUserRejection({ code: 4100 })).toBe(false)
    expect(isUserRejection(undefined)).toBe(false)
    expect(isUserRejection('4001')).toBe(false)
  })
})
