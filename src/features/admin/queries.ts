import { queryOptions } from '@tanstack/react-query'
import { veniceQueryRoot } from '../../query/queryClient'
import { getApiKey, getRateLimitLog, listApiKeys } from '../../venice/apiKeys'
import { getBillingBalance, getUsageAnalytics } from '../../venice/billing'
import { venice } from '../../venice/instance'
import type { UsageLookback } from '../../venice/schemas'
import { keyring } from '../../session/store'

const MINUTE_MS = 60_000
/** Venice caches usage analytics for 10 minutes: asking sooner returns the same figures. */
const USAGE_CACHE_MS = 10 * MINUTE_MS

/**
 * Keyed by the ADMIN key's local id (never its secret), so invalidation is precise and two ADMIN
 * keys of different accounts never share data. No polling: lists refresh on demand or when stale.
 */
export const adminQueries = {
  all: [...veniceQueryRoot, 'admin'] as const,
  of: (keyId: string) => [...adminQueries.all, keyId] as const,
  keys: (keyId: string) =>
    queryOptions({
      queryKey: [...adminQueries.of(keyId), 'keys'] as const,
      queryFn: ({ signal }) => listApiKeys(venice, keyring.secretOf(keyId), signal),
      staleTime: MINUTE_MS,
    }),
  key: (keyId: string, veniceKeyId: string) =>
    queryOptions({
      queryKey: [...adminQueries.of(keyId), 'key', veniceKeyId] as const,
      queryFn: ({ signal }) => getApiKey(venice, keyring.secretOf(keyId), veniceKeyId, signal),
      staleTime: MINUTE_MS,
    }),
  rateLimitLog: (keyId: string) =>
    queryOptions({
      queryKey: [...adminQueries.of(keyId), 'rateLimitLog'] as const,
      queryFn: ({ signal }) => getRateLimitLog(venice, keyring.secretOf(keyId), signal),
      staleTime: MINUTE_MS,
    }),
  balance: (keyId: string) =>
    queryOptions({
      queryKey: [...adminQueries.of(keyId), 'balance'] as const,
      queryFn: ({ signal }) => getBillingBalance(venice, keyring.secretOf(keyId), signal),
      staleTime: MINUTE_MS,
    }),
  usage: (keyId: string, lookback: UsageLookback) =>
    queryOptions({
      queryKey: [...adminQueries.of(keyId), 'usage', lookback] as const,
      queryFn: ({ signal }) => getUsageAnalytics(venice, keyring.secretOf(keyId), lookback, signal),
      staleTime: USAGE_CACHE_MS,
    }),
}

/** Mutations carry a key under the same prefix, so a refusal on any admin call can be found. */
export const adminMutationKey = (keyId: string, action: 'create' | 'update' | 'delete') =>
  [...adminQueries.of(keyId), 'mutation', action] as const
