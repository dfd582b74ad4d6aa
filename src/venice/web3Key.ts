import type { Address } from 'viem'
import { veniceRequest, type VeniceClient } from './client'
import { createdKeyResponse, web3SignInResponse, type CreatedKey, type Web3MintBody } from './schemas'
import { checkSignInAnswer, SIGN_IN_PATH, type SignIn } from './signIn'

/**
 * Step 1 of the wallet flow (no auth): a token or a challenge for `address`, checked before anyone
 * may sign it. Throws a SignInRefusal when the answer must not be signed.
 */
export async function getWeb3SignIn(
  client: VeniceClient,
  { address, now }: { address: Address; now: () => number },
  signal?: AbortSignal,
): Promise<SignIn> {
  const response = await veniceRequest(client, {
    path: `${SIGN_IN_PATH}?address=${encodeURIComponent(address)}`,
    schema: web3SignInResponse,
    signal,
  })
  const checked = checkSignInAnswer(response.data, { apiBaseUrl: client.baseUrl, address, now: now() })
  if (!checked.ok) throw checked.refusal
  return checked.signIn
}

/** Step 3: exchange the signature for a key. Never retried: a second call could mint a second key. */
export async function mintWeb3Key(client: VeniceClient, body: Web3MintBody, signal?: AbortSignal): Promise<CreatedKey> {
  const response = await veniceRequest(client, {
    method: 'POST',
    path: SIGN_IN_PATH,
    body,
    schema: createdKeyResponse,
    signal,
  })
  return response.data
}
