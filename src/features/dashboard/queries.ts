import { queryOptions } from '@tanstack/react-query'
import { refusedLastTime, veniceQueryRoot } from '../../query/queryClient'
import { getRateLimits } from '../../venice/rateLimits'
import { venice } from '../../venice/instance'
import { keyring } from '../../session/store'

/** Never faster than once a minute: the dashboard polls a budgeted API. */
const REFRESH_INTERVAL_MS = 60_000

/** Keyed by the key's local id, never by its secret. */
export const keyQueries = {
  all: [...veniceQueryRoot, 'key'] as const,
  of: (keyId: string) => [...keyQueries.all, keyId] as const,
  rateLimits: (keyId: string) =>
    queryOptions({
      queryKey: [...keyQueries.of(keyId), 'rateLimits'] as const,
      queryFn: ({ signal }) => getRateLimits(venice, keyring.secretOf(keyId), signal),
      refetchInterval: (query) => (refusedLastTime(query.state.error) ? false : REFRESH_INTERVAL_MS),
      staleTime: REFRESH_INTERVAL_MS,
    }),
}
