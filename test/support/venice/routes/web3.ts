import { erc20Abi, getAddress, type Hex } from 'viem'
import { STAKING_ADDRESS } from '../../chain/addresses'
import { apiError, json, type ApiResponse } from '../http'
import { KEY_FIELDS, newKeySettings, parseKeyFields } from '../keyFields'
import { createdKey } from '../keyView'
import type { RequestContext, Route } from '../router'
import { API_KEY_TYPES, MAX_ACTIVE_KEYS } from '../store'
import { enumField, schemaError, stringField, strictObject, type Issues } from '../validation'

const ADDRESS = /^0x[0-9a-fA-F]{40}$/
const HEX = /^0x(?:[0-9a-fA-F]{2})+$/
const MINT_FIELDS = ['address', 'signature', 'token', 'apiKeyType', ...KEY_FIELDS]

/** The wallet flow: a one-time token, signed by a wallet holding sVVV, mints a key (no auth header). */
export const web3Routes: Route[] = [
  {
    method: 'GET',
    path: '/api_keys/generate_web3_key',
    access: 'public',
    handle: ({ state }) => json(200, { success: true, data: { token: state.tokens.issue() } }),
  },
  { method: 'POST', path: '/api_keys/generate_web3_key', access: 'public', handle: mint },
]

async function mint({ state, body, now }: RequestContext): Promise<ApiResponse> {
  const issues: Issues = []
  const fields = strictObject(body, MINT_FIELDS, issues)
  if (!fields) return schemaError(issues)
  const address = stringField(fields, 'address', issues, true)
  if (address !== undefined && !ADDRESS.test(address)) {
    issues.push({
      code: 'invalid_string',
      path: ['address'],
      message: 'address must be a 0x-prefixed 40-character hex wallet address',
    })
  }
  const signature = stringField(fields, 'signature', issues, true)
  if (signature !== undefined && !HEX.test(signature)) {
    issues.push({ code: 'invalid_string', path: ['signature'], message: 'signature must be a 0x-prefixed hex string' })
  }
  const token = stringField(fields, 'token', issues, true)
  if (token === '') issues.push({ code: 'invalid_string', path: ['token'], message: 'token must not be empty' })
  const apiKeyType = enumField(fields, 'apiKeyType', API_KEY_TYPES, issues, true)
  const options = parseKeyFields(fields, issues, now, { descriptionRequired: false, expiryMayBeNull: false })
  if (issues.length || !address || !signature || !token || !apiKeyType) return schemaError(issues)

  const check = state.tokens.check(token)
  if (!check.ok) return apiError(400, check.error)

  const wallet = getAddress(address.toLowerCase())
  let signed: boolean
  try {
    signed = await state.chain.verifyMessage({ address: wallet, message: token, signature: signature as Hex })
  } catch {
    return apiError(503, 'Could not verify the signature on Base')
  }
  if (!signed) return apiError(400, 'Signature does not match the address')
  // Redeemed once the wallet has proven itself, so a stranger cannot burn someone else's token.
  if (!state.tokens.redeem(check.jti)) return apiError(400, 'Token has already been used')

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
  if (staked === 0n) return apiError(400, `Wallet ${wallet} has no staked VVV on Base`)

  const account = state.store.accountFor(wallet)
  if (state.store.activeKeys(account.id, now).length >= MAX_ACTIVE_KEYS) {
    return apiError(400, `Maximum of ${MAX_ACTIVE_KEYS} active API keys reached`)
  }
  const key = state.store.createKey(account, newKeySettings(apiKeyType, options, 'Web3 API Key'), now)
  // The real API's echo on this path is unreliable (see docs/venice-api.md); the stored limits are right.
  const sent = options.consumptionLimit
  const echo = { usd: sent?.usd === 0 ? null : (sent?.usd ?? null), diem: sent?.vcu ?? null }
  return json(200, { success: true, data: createdKey(key, echo) })
}
