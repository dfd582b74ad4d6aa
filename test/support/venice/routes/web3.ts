import { erc20Abi, getAddress, type Address, type Hex } from 'viem'
import { STAKING_ADDRESS } from '../../chain/addresses'
import { USED as CHALLENGE_USED } from '../challenge'
import { hostileAnswer } from '../hostile'
import { apiError, json, type ApiResponse } from '../http'
import { KEY_FIELDS, newKeySettings, parseKeyFields } from '../keyFields'
import { createdKey } from '../keyView'
import type { RequestContext, Route } from '../router'
import type { StandinState } from '../state'
import { API_KEY_TYPES, MAX_ACTIVE_KEYS } from '../store'
import { USED as TOKEN_USED } from '../token'
import { enumField, schemaError, stringField, strictObject, type Issues } from '../validation'

const ADDRESS = /^0x[0-9a-fA-F]{40}$/
const HEX = /^0x(?:[0-9a-fA-F]{2})+$/
const INVALID_ADDRESS = 'Invalid wallet address'

/**
 * The wallet flow in both versions (no auth header): a one-time JWT (`token` flow) or an EIP-4361
 * challenge bound to the address (`challenge` flow), signed by a wallet holding sVVV, mints a key.
 */
export const web3Routes: Route[] = [
  { method: 'GET', path: '/api_keys/generate_web3_key', access: 'public', handle: issue },
  { method: 'POST', path: '/api_keys/generate_web3_key', access: 'public', handle: mint },
]

function issue({ state, query, now }: RequestContext): ApiResponse {
  const address = query.get('address') ?? ''
  const hostile = state.hostileSignIns.shift()
  if (hostile) {
    const bound = ADDRESS.test(address) ? getAddress(address.toLowerCase()) : getAddress('0x'.padEnd(42, '1'))
    return json(200, { success: true, data: hostileAnswer(hostile, { address: bound, ...state, now }) })
  }
  // The token flow ignores the address; the challenge is bound to it.
  if (state.signInFlow === 'token') return json(200, { success: true, data: { token: state.tokens.issue() } })
  if (!ADDRESS.test(address)) return apiError(400, INVALID_ADDRESS)
  return json(200, { success: true, data: state.challenges.issue(getAddress(address.toLowerCase())) })
}

async function mint({ state, body, now }: RequestContext): Promise<ApiResponse> {
  // The body is strict: `token` is an unknown field in the challenge flow, and `message` in the token flow.
  const proofField = state.signInFlow === 'token' ? 'token' : 'message'
  const issues: Issues = []
  const fields = strictObject(body, ['address', 'signature', proofField, 'apiKeyType', ...KEY_FIELDS], issues)
  if (!fields) return schemaError(issues)
  const address = stringField(fields, 'address', issues, true)
  if (address !== undefined && !ADDRESS.test(address))
    issues.push({ code: 'invalid_string', path: ['address'], message: INVALID_ADDRESS })
  const signature = stringField(fields, 'signature', issues, true)
  if (signature !== undefined && !HEX.test(signature)) {
    issues.push({ code: 'invalid_string', path: ['signature'], message: 'signature must be a 0x-prefixed hex string' })
  }
  const proof = stringField(fields, proofField, issues, true)
  if (proof === '') issues.push({ code: 'invalid_string', path: [proofField], message: `${proofField} must not be empty` })
  const apiKeyType = enumField(fields, 'apiKeyType', API_KEY_TYPES, issues, true)
  const options = parseKeyFields(fields, issues, now, { descriptionRequired: false, expiryMayBeNull: false })
  if (issues.length || address === undefined || !signature || !proof || !apiKeyType) return schemaError(issues)
  const wallet = getAddress(address.toLowerCase())

  const check = state.signInFlow === 'token' ? tokenCheck(state, proof) : state.challenges.check(proof, wallet)
  if (!check.ok) return apiError(400, check.error)

  const verified = await verifySignature(state, wallet, proof, signature as Hex)
  if (verified !== true) return apiError(400, verified)
  // Redeemed once the wallet has proven itself, so a stranger cannot burn someone else's token or challenge.
  const redeemed = state.signInFlow === 'token' ? state.tokens.redeem(check.id) : state.challenges.redeem(check.id)
  if (!redeemed) return apiError(400, state.signInFlow === 'token' ? TOKEN_USED : CHALLENGE_USED)

  let staked: bigint
  try {
    staked = await state.chain.readContract({
      address: STAKING_ADDRESS,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [wallet],
    })
  } catch {
    return apiError(503, 'Could not read the staked VVV balance on Base')
  }
  if (staked === 0n) return apiError(400, 'Wallet has no staked VVV on Base')

  const account = state.store.accountFor(wallet)
  if (state.store.activeKeys(account.id, now).length >= MAX_ACTIVE_KEYS) {
    return apiError(400, `Maximum of ${MAX_ACTIVE_KEYS} active API keys reached`)
  }
  const key = state.store.createKey(account, newKeySettings(apiKeyType, options, 'Web3 API Key'), now)
  // The real API's echo on this path is unreliable (see docs/sign-in.md); the stored limits are right.
  const sent = options.consumptionLimit
  const echo = { usd: sent?.usd === 0 ? null : (sent?.usd ?? null), diem: sent?.vcu ?? null }
  return json(200, { success: true, data: createdKey(key, echo) })
}

function tokenCheck(state: StandinState, token: string) {
  const check = state.tokens.check(token)
  return check.ok ? { ok: true as const, id: check.jti } : check
}

/** EIP-191 against the local chain (so contract wallets would work too); true, or Venice's words for the failure. */
async function verifySignature(state: StandinState, address: Address, message: string, signature: Hex): Promise<true | string> {
  try {
    if (state.signatureOutages > 0) {
      state.signatureOutages--
      throw new Error('RPC outage')
    }
    return (await state.chain.verifyMessage({ address, message, signature })) ? true : 'Wallet signature does not match'
  } catch {
    return 'Could not verify wallet signature'
  }
}
