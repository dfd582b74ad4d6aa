import { isAddressEqual, type Address, type Hex } from 'viem'
import type { CreatedKey, KeyOptions, Web3MintBody } from '../../venice/schemas'
import type { KeyType } from '../../venice/secret'
import { writeMayHaveHappened } from '../../venice/errors'
import { isSignable, remainingMs, type SignIn } from '../../venice/signIn'
import type { HeldSignIn, MintEvent } from './mintMachine'

export interface MintDeps {
  /** GET a token or challenge for this wallet (with the retry rules for GETs), checked: throws a SignInRefusal otherwise. */
  fetchSignIn: (address: Address, signal: AbortSignal) => Promise<SignIn>
  /** personal_sign of this exact text by this account (never another one). */
  sign: (text: string, address: Address) => Promise<Hex>
  /** POST the signature; never retried. */
  post: (body: Web3MintBody, signal: AbortSignal) => Promise<CreatedKey>
  /** Puts the new key where it cannot be lost and returns its local id. */
  keep: (created: CreatedKey) => string
  now: () => number
  dispatch: (event: MintEvent) => void
}

export interface MintRequest {
  address: Address
  apiKeyType: KeyType
  options: KeyOptions
}

/**
 * Phase 1: a checked token or challenge for this wallet (the held one while it is still good),
 * shown for review. Every outcome is dispatched, never thrown.
 */
export async function prepareMint(deps: MintDeps, address: Address, held: HeldSignIn | undefined, signal: AbortSignal) {
  deps.dispatch({ type: 'start' })
  if (held && isAddressEqual(held.address, address) && isSignable(held.signIn, deps.now())) {
    return deps.dispatch({ type: 'signInReceived', ...held })
  }
  try {
    const signIn = await deps.fetchSignIn(address, signal)
    deps.dispatch({ type: 'signInReceived', signIn, address })
  } catch (error) {
    deps.dispatch({ type: 'failed', error })
  }
}

/**
 * Phase 2, once the user has confirmed what they read: the wallet signs that exact text, and the
 * signature is posted once. After `signal` aborts (cancel, account switch) nothing more is sent.
 */
export async function signAndMint(deps: MintDeps, request: MintRequest, signIn: SignIn, signal: AbortSignal): Promise<void> {
  const { dispatch, now } = deps
  if (!isSignable(signIn, now())) return dispatch({ type: 'stale' })
  dispatch({ type: 'confirmed' })

  let signature: Hex
  try {
    signature = await deps.sign(signIn.text, request.address)
  } catch (error) {
    return dispatch(isUserRejection(error) ? { type: 'rejected' } : { type: 'failed', error })
  }
  if (signal.aborted) return
  if (remainingMs(signIn, now()) === 0) return dispatch({ type: 'stale' })
  dispatch({ type: 'signed' })

  const proof = signIn.flow === 'token' ? { token: signIn.text } : { message: signIn.text }
  let created: CreatedKey
  try {
    created = await deps.post(
      { ...request.options, address: request.address, signature, ...proof, apiKeyType: request.apiKeyType },
      signal,
    )
  } catch (error) {
    return dispatch({ type: 'failed', error, keyMayExist: writeMayHaveHappened(error) })
  }
  // keep() can throw (a secret in an unknown format): still end on an event, never in "minting".
  let keyId: string
  try {
    keyId = deps.keep(created)
  } catch (error) {
    return dispatch({ type: 'failed', error, keyMayExist: true })
  }
  dispatch({ type: 'minted', keyId })
}

/** EIP-1193 4001, as thrown by viem/wagmi (possibly wrapped) or by a bare provider. */
export function isUserRejection(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    const candidate = current as { code?: unknown; name?: unknown; cause?: unknown }
    if (candidate.code === 4001 || candidate.name === 'UserRejectedRequestError') return true
    current = candidate.cause
  }
  return false
}
