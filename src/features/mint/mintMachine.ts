/**
 * The wallet mint as a state machine: idle → fetchingToken → awaitingSignature → minting →
 * revealed | failed. The views render from `status` alone.
 */
export const TOKEN_LIFETIME_MS = 15 * 60_000
/** A token this old is never signed: the signature could arrive after Venice's 15 minutes. */
export const TOKEN_MAX_SIGNING_AGE_MS = 14 * 60_000

export interface SignableToken {
  value: string
  receivedAt: number
}

export type MintStatus =
  | { name: 'idle'; notice?: 'rejected' | 'expiredWhileSigning' }
  | { name: 'fetchingToken' }
  | { name: 'awaitingSignature'; token: SignableToken }
  | { name: 'minting' }
  | { name: 'revealed'; keyId: string }
  /** `keyMayExist`: the POST went out but its answer was lost or unusable. */
  | { name: 'failed'; error: unknown; keyMayExist: boolean }

export interface MintState {
  status: MintStatus
  /** An unsigned token kept for the next try (after a rejection), until it is too old. */
  token?: SignableToken
}

export type MintEvent =
  | { type: 'start' }
  | { type: 'tokenReceived'; token: SignableToken }
  | { type: 'signed' }
  | { type: 'rejected' }
  | { type: 'expiredWhileSigning' }
  | { type: 'minted'; keyId: string }
  | { type: 'failed'; error: unknown; keyMayExist?: boolean }
  | { type: 'reset' }

export const initialMintState: MintState = { status: { name: 'idle' } }

export function mintReducer(state: MintState, event: MintEvent): MintState {
  switch (event.type) {
    case 'start':
      return { ...state, status: { name: 'fetchingToken' } }
    case 'tokenReceived':
      return { token: event.token, status: { name: 'awaitingSignature', token: event.token } }
    case 'signed':
      // A signed token is spent whatever the POST does.
      return { status: { name: 'minting' } }
    case 'rejected':
      return { ...state, status: { name: 'idle', notice: 'rejected' } }
    case 'expiredWhileSigning':
      return { status: { name: 'idle', notice: 'expiredWhileSigning' } }
    case 'minted':
      return { status: { name: 'revealed', keyId: event.keyId } }
    case 'failed':
      return { ...state, status: { name: 'failed', error: event.error, keyMayExist: event.keyMayExist ?? false } }
    case 'reset':
      return { token: state.token, status: { name: 'idle' } }
  }
}

export function isSignable(token: SignableToken | undefined, now: number): token is SignableToken {
  return token !== undefined && now - token.receivedAt < TOKEN_MAX_SIGNING_AGE_MS
}

export function tokenRemainingMs(token: SignableToken, now: number): number {
  return Math.max(0, token.receivedAt + TOKEN_LIFETIME_MS - now)
}
