import type { Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

export interface ApiReply<T = any> {
  status: number
  headers: Headers
  body: T
}

/** Calls a Venice API (real or stand-in) and parses the JSON reply, whatever the status. */
export async function callApi<T = any>(
  baseUrl: string,
  path: string,
  { method = 'GET', key, body }: { method?: string; key?: string; body?: unknown } = {},
): Promise<ApiReply<T>> {
  const headers: Record<string, string> = {}
  if (key !== undefined) headers.authorization = `Bearer ${key}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined }
}

/** The GET of the wallet flow for this key's address, signed (EIP-191): the POST's proof fields, in either flow. */
export async function signedSignIn(baseUrl: string, privateKey: Hex) {
  const account = privateKeyToAccount(privateKey)
  const { body } = await callApi<{ data: { token?: string; message?: string } }>(
    baseUrl,
    `/api_keys/generate_web3_key?address=${account.address}`,
  )
  const { token, message } = body.data
  const text = token ?? message
  if (text === undefined) throw new Error(`The sign-in GET answered neither a token nor a message: ${JSON.stringify(body)}`)
  const signature = await account.signMessage({ message: text })
  return { address: account.address, signature, ...(token !== undefined ? { token } : { message: text }) }
}

/** The wallet flow end to end (either version): GET, sign with the key, mint. `fields` are merged into the body. */
export async function mintWithWallet(baseUrl: string, privateKey: Hex, fields: Record<string, unknown> = {}) {
  const proof = await signedSignIn(baseUrl, privateKey)
  return callApi(baseUrl, '/api_keys/generate_web3_key', { method: 'POST', body: { ...proof, apiKeyType: 'ADMIN', ...fields } })
}
