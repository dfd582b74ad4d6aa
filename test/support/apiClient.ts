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
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined }
}

/** The wallet flow end to end: fetch a token, sign it (EIP-191) with the key, mint. `fields` are merged into the body. */
export async function mintWithWallet(baseUrl: string, privateKey: Hex, fields: Record<string, unknown> = {}) {
  const account = privateKeyToAccount(privateKey)
  const { body } = await callApi<{ data: { token: string } }>(baseUrl, '/api_keys/generate_web3_key')
  const token = body.data.token
  const signature = await account.signMessage({ message: token })
  return callApi(baseUrl, '/api_keys/generate_web3_key', {
    method: 'POST',
    body: { address: account.address, signature, token, apiKeyType: 'ADMIN', ...fields },
  })
}
