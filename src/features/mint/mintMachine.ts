/**
 * The wallet mint as a state machine: idle → fetchingChallenge → reviewing → awaitingSignature →
 * minting → revealed | failed. `reviewing` is the page showing, in words, what the wallet is about
 * to sign; only the user's confirmation leaves it. The views render from `status` alone.
 */
import type { Address } from 'viem'
import type { SignIn } from '../../venice/signIn'

/** A checked, unsigned sign-in and the wallet it was fetched for, kept for the next try after a rejection. */
export interface HeldSignIn {
  signIn: SignIn
  address: Address
}

export type IdleNotice = 'rejected' | 'expiredBeforeSigning' | 'cancelled' | 'accountChanged'

export type MintStatus =
  | { name: 'idle'; notice?: IdleNotice }
  | { name: 'fetchingChallenge' }
  | ({ name: 'reviewing' } & HeldSignIn)
  | ({ name: 'awaitingSignature' } & HeldSignIn)
  | { name: 'minting' }
  | { name: 'revealed'; keyId: string }
  /** `keyMayExist`: the POST went out but its answer was lost, unusable or abandoned. */
  | { name: 'failed'; error: unknown; keyMayExist: boolean }

export interface MintState {
  status: MintStatus
  held?: HeldSignIn | undefined
}

export type MintEvent =
  | { type: 'start' }
  | ({ type: 'signInReceived' } & HeldSignIn)
  | { type: 'confirmed' }
  | { type: 'rejected' }
  /** Too close to its expiry to sign, or expired while the wallet was open: never sent. */
  | { type: 'stale' }
  | { type: 'cancelled' }
  | { type: 'accountChanged' }
  | { type: 'signed' }
  | { type: 'minted'; keyId: string }
  | { type: 'failed'; error: unknown; keyMayExist?: boolean }
  | { type: 'reset' }

export const initialMintState: MintState = { status: { name: 'idle' } }

export function mintReducer(state: MintState, event: MintEvent): MintState {
  switch (event.type) {
    case 'start':
      return { ...state, status: { name: 'fetchingChallenge' } }
    case 'signInReceived': {
      const held = { signIn: event.signIn, address: event.address }
      return { held, status: { name: 'reviewing', ...held } }
    }
    case 'confirmed':
      return state.status.name === 'reviewing' ? { ...state, status: { ...state.status, name: 'awaitingSignature' } } : state
    case 'rejected':
      return { ...state, status: { name: 'idle', notice: 'rejected' } }
    case 'stale':
      return { status: { name: 'idle', notice: 'expiredBeforeSigning' } }
    case 'cancelled':
      return { ...state, status: { name: 'idle', notice: 'cancelled' } }
    case 'accountChanged':
      // A challenge names its wallet: it is worthless to the new account, and never signed by it.
      return { status: { name: 'idle', notice: 'accountChanged' } }
    case 'signed':
      // A signed sign-in is spent whatever the POST does.
      return { status: { name: 'minting' } }
    case 'minted':
      return { status: { name: 'revealed', keyId: event.keyId } }
    case 'failed':
      return { ...state, status: { name: 'failed', error: event.error, keyMayExist: event.keyMayExist ?? false } }
    case 'reset':
      return { held: state.held, status: { name: 'idle' } }
  }
}
