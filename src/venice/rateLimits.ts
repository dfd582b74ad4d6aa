import { veniceRequest, type VeniceClient } from './client'
import { rateLimitsResponse, type RateLimits } from './schemas'
import type { Secret } from './secret'

/** What the calling key can do now: admission, balances, per-model limits. Any key type. */
export async function getRateLimits(client: VeniceClient, secret: Secret, signal?: AbortSignal): Promise<RateLimits> {
  const response = await veniceRequest(client, { path: '/api_keys/rate_limits', secret, schema: rateLimitsResponse, signal })
  return response.data
}
