/**
 * What the wallet may be asked to sign for a mint, decided before it is asked (docs/sign-in.md).
 * Venice answers the sign-in GET with an opaque token (the flow documented today) or with an
 * EIP-4361 challenge (its published fix); anything else, or either one failing a check, is refused
 * here with the name of the check, and nothing is signed. Pure functions: no React, no fetch.
 */
import { isAddress, isAddressEqual, type Address } from 'viem'
import { parseSiweMessage } from 'viem/siwe'

export const SIGN_IN_PATH = '/api_keys/generate_web3_key'
/** Venice checks stakes on Base, and its challenge names Base's chain id. */
export const SIGN_IN_CHAIN_ID = 8453
export const KEY_CREATION_RESOURCE = 'urn:venice:api-key:create'
/** Venice's statement, word for word: Venice refuses a challenge whose statement was changed, and so do we. */
export const VENICE_STATEMENT =
  'Authorize Venice API key creation. Only sign this on venice.ai — anyone holding this signature can create an API key on your Venice account.'
/** Nothing is signed this close to its expiry: the POST could arrive after it. */
export const SIGNING_MARGIN_MS = 60_000
/** A compact JWT of a few claims is a few hundred characters; a challenge about 600. */
const MAX_TOKEN_LENGTH = 4_096
const MAX_CHALLENGE_LENGTH = 2_048

interface Signable {
  /** The exact string the wallet signs (personal_sign), and the POST repeats. */
  text: string
  /** Epoch ms after which Venice refuses it. */
  expiresAt: number
}

export interface TokenSignIn extends Signable {
  flow: 'token'
}

export interface ChallengeSignIn extends Signable {
  flow: 'challenge'
  domain: string
  address: Address
  uri: string
  nonce: string
}

export type SignIn = TokenSignIn | ChallengeSignIn

/** The checks, named as the refusal shows them. */
export type SignInCheck =
  'shape' | 'size' | 'jwt' | 'expiry' | 'eip4361' | 'domain' | 'address' | 'chain' | 'uri' | 'statement' | 'resources'

/** The GET's answer was not signed: `check` failed, `message` says how in words. */
export class SignInRefusal extends Error {
  override name = 'SignInRefusal'
  constructor(
    readonly check: SignInCheck,
    message: string,
  ) {
    super(message)
  }
}

export interface SignInContext {
  /** The configured Venice API base, e.g. https://api.venice.ai/api/v1 */
  apiBaseUrl: string
  /** The connected wallet, which the challenge must name. */
  address: Address
  now: number
}

/** What `data` of the GET held (already a JSON object); the flow is chosen from it. */
export interface SignInAnswer {
  token?: unknown
  message?: unknown
  expiresAt?: unknown
}

export type SignInResult = { ok: true; signIn: SignIn } | { ok: false; refusal: SignInRefusal }

const refuse = (check: SignInCheck, message: string): SignInResult => ({ ok: false, refusal: new SignInRefusal(check, message) })

/** `data.token` → the token flow, `data.message` → the challenge flow, anything else refused. */
export function checkSignInAnswer(data: SignInAnswer, context: SignInContext): SignInResult {
  const hasToken = data.token !== undefined
  const hasMessage = data.message !== undefined
  if (hasToken && hasMessage)
    return refuse('shape', 'Venice sent both a token and a challenge; this page signs only one it understands.')
  if (hasToken) return checkToken(data.token, context.now)
  if (hasMessage) return checkChallenge(data.message, data.expiresAt, context)
  return refuse('shape', 'Venice sent neither a token nor a sign-in challenge.')
}

/** A compact JWT (three base64url parts) of sane size whose payload has a numeric `exp` far enough ahead. */
export function checkToken(token: unknown, now: number): SignInResult {
  if (typeof token !== 'string' || token === '') return refuse('shape', 'The token Venice sent is not text.')
  if (token.length > MAX_TOKEN_LENGTH) {
    return refuse(
      'size',
      `The token is ${token.length.toLocaleString('en-US')} characters long; a Venice token is a few hundred.`,
    )
  }
  const parts = token.split('.')
  if (parts.length !== 3 || !parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))) {
    return refuse(
      'jwt',
      'The token is not a JWT (three base64url parts separated by dots), so it could be anything: hex, a transaction, another site’s login.',
    )
  }
  const payload = decodeJson(parts[1]!)
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return refuse('jwt', 'The token’s payload is not a JSON object.')
  }
  const exp = (payload as { exp?: unknown }).exp
  if (typeof exp !== 'number' || !Number.isFinite(exp))
    return refuse('expiry', 'The token does not say when it expires (no numeric "exp").')
  return withinLifetime({ flow: 'token', text: token, expiresAt: exp * 1_000 }, now)
}

/**
 * An EIP-4361 message (parsed with viem, not by hand) for this API host and this wallet, on Base,
 * with Venice's URI, statement and resource, not about to expire. `expiresAt` (the GET's own field)
 * can only shorten the lifetime the message states.
 */
export function checkChallenge(message: unknown, expiresAt: unknown, { apiBaseUrl, address, now }: SignInContext): SignInResult {
  if (typeof message !== 'string' || message === '') return refuse('shape', 'The challenge Venice sent is not text.')
  if (message.length > MAX_CHALLENGE_LENGTH) {
    return refuse('size', `The challenge is ${message.length.toLocaleString('en-US')} characters long; Venice’s is about 600.`)
  }
  const fields = parseSiweMessage(message)
  if (!fields.domain || !fields.address || !fields.uri || !fields.version || !fields.nonce || !fields.issuedAt) {
    return refuse('eip4361', 'The challenge is not a Sign-In with Ethereum (EIP-4361) message.')
  }
  const api = new URL(apiBaseUrl)
  if (fields.domain !== api.host) {
    return refuse('domain', `The challenge is for "${fields.domain}", not for the Venice API this page uses ("${api.host}").`)
  }
  if (!isAddress(fields.address, { strict: false }) || !isAddressEqual(fields.address, address)) {
    return refuse('address', `The challenge is for the wallet ${fields.address}, not for the connected ${address}.`)
  }
  if (fields.chainId !== SIGN_IN_CHAIN_ID) {
    return refuse('chain', `The challenge is for chain ${fields.chainId ?? '(none)'}, not Base (${SIGN_IN_CHAIN_ID}).`)
  }
  const expectedUri = `${apiBaseUrl.replace(/\/+$/, '')}${SIGN_IN_PATH}`
  if (fields.uri !== expectedUri) return refuse('uri', `The challenge is for "${fields.uri}", not for "${expectedUri}".`)
  if (fields.statement !== VENICE_STATEMENT) {
    return refuse('statement', 'The challenge’s statement is not Venice’s: it was written or changed by someone else.')
  }
  if (!fields.resources?.includes(KEY_CREATION_RESOURCE)) {
    return refuse('resources', `The challenge does not ask for ${KEY_CREATION_RESOURCE}, so it is not a key-creation request.`)
  }
  const stated = fields.expirationTime?.getTime()
  if (stated === undefined || Number.isNaN(stated)) return refuse('expiry', 'The challenge does not say when it expires.')
  const answered = typeof expiresAt === 'string' ? Date.parse(expiresAt) : Number.NaN
  const lifetime = Number.isNaN(answered) ? stated : Math.min(stated, answered)
  return withinLifetime(
    {
      flow: 'challenge',
      text: message,
      expiresAt: lifetime,
      domain: fields.domain,
      address: fields.address,
      uri: fields.uri,
      nonce: fields.nonce,
    },
    now,
  )
}

function withinLifetime(signIn: SignIn, now: number): SignInResult {
  if (!isSignable(signIn, now)) {
    const what = signIn.flow === 'token' ? 'token' : 'challenge'
    return refuse('expiry', `The ${what} has expired or expires within a minute (${new Date(signIn.expiresAt).toISOString()}).`)
  }
  return { ok: true, signIn }
}

/** Far enough from its expiry to be signed and posted. */
export function isSignable(signIn: SignIn, now: number): boolean {
  return signIn.expiresAt - now > SIGNING_MARGIN_MS
}

export function remainingMs(signIn: SignIn, now: number): number {
  return Math.max(0, signIn.expiresAt - now)
}

function decodeJson(base64url: string): unknown {
  try {
    const binary = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'))
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))))
  } catch {
    return undefined
  }
}
