import { veniceRequest, type VeniceClient } from './client'
import { createdKeyResponse, web3TokenResponse, type CreatedKey, type Web3MintBody } from './schemas'

/** Step 1 of the wallet flow: a token to sign, valid for 15 minutes. No auth. */
export async function getWeb3Token(client: VeniceClient, signal?: AbortSignal): Promise<string> {
  const response = await veniceRequest(client, { path: '/api_keys/generate_web3_key', schema: web3TokenResponse, signal })
  return response.data.token
}

/** Step 3: exchange the signed token for a key. Never retried: a second call could mint a second key. */
export async function mintWeb3Key(client: VeniceClient, body: Web3MintBody, signal?: AbortSignal): Promise<CreatedKey> {
  const response = await veniceRequest(client, {
    method: 'POST',
    path: '/api_keys/generate_web3_key',
    body,
    schema: createdKeyResponse,
    signal,
  })
  return response.data
}
