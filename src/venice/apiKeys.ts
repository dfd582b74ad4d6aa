import { veniceRequest, type VeniceClient } from './client'
import {
  apiKeyListResponse,
  apiKeyResponse,
  createdKeyResponse,
  deletedKeyResponse,
  rateLimitLogResponse,
  type ApiKey,
  type CreateKeyBody,
  type CreatedKey,
  type Items,
  type RateLimitBreach,
  type UpdateKeyBody,
} from './schemas'
import type { Secret } from './secret'

// Every key management route needs an ADMIN key (docs/venice-api.md).

/** The account's active keys, newest first, and how many Venice listed that could not be read. */
export async function listApiKeys(client: VeniceClient, secret: Secret, signal?: AbortSignal): Promise<Items<ApiKey>> {
  const response = await veniceRequest(client, { path: '/api_keys', secret, schema: apiKeyListResponse, signal })
  return response.data
}

/** One key as Venice stores it: the way to read back a minted key's real limits. */
export async function getApiKey(client: VeniceClient, secret: Secret, id: string, signal?: AbortSignal): Promise<ApiKey> {
  const response = await veniceRequest(client, {
    path: `/api_keys/${encodeURIComponent(id)}`,
    secret,
    schema: apiKeyResponse,
    signal,
  })
  return response.data
}

/** Never retried: a second call could create a second key. The secret is in the answer, once. */
export async function createApiKey(
  client: VeniceClient,
  secret: Secret,
  body: CreateKeyBody,
  signal?: AbortSignal,
): Promise<CreatedKey> {
  const response = await veniceRequest(client, {
    method: 'POST',
    path: '/api_keys',
    secret,
    body,
    schema: createdKeyResponse,
    signal,
  })
  return response.data
}

/** Sends only the fields in `body`; a null expiry or currency removes it. The key type cannot change. */
export async function updateApiKey(
  client: VeniceClient,
  secret: Secret,
  body: UpdateKeyBody,
  signal?: AbortSignal,
): Promise<ApiKey> {
  const response = await veniceRequest(client, {
    method: 'PATCH',
    path: '/api_keys',
    secret,
    body,
    schema: apiKeyResponse,
    signal,
  })
  return response.data
}

/** Revokes at once. */
export async function deleteApiKey(client: VeniceClient, secret: Secret, id: string, signal?: AbortSignal): Promise<void> {
  await veniceRequest(client, {
    method: 'DELETE',
    path: `/api_keys?${new URLSearchParams({ id }).toString()}`,
    secret,
    schema: deletedKeyResponse,
    signal,
  })
}

/** The account's last 50 rate-limit breaches, newest first. */
export async function getRateLimitLog(
  client: VeniceClient,
  secret: Secret,
  signal?: AbortSignal,
): Promise<Items<RateLimitBreach>> {
  const response = await veniceRequest(client, {
    path: '/api_keys/rate_limits/log',
    secret,
    schema: rateLimitLogResponse,
    signal,
  })
  return response.data
}
