import { QueryClient, type Query } from '@tanstack/react-query'
import { isVeniceError } from '../venice/errors'
import { shouldRetryVeniceQuery, veniceRetryDelay } from './veniceRetry'

/** Every query that calls Venice has a key under this root, and with it Venice's retry policy. */
export const veniceQueryRoot = ['venice'] as const

/**
 * The one query cache, shared by the wallet module and the dashboards. Each lazily loaded part
 * mounts its own QueryClientProvider with it, so the first page load carries no query code.
 * Wallet reads (wagmi) keep their own retry settings; Venice queries follow its failed-request
 * budget; mutations are never retried (a repeated create could make a second key).
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000 },
    mutations: { retry: false },
  },
})

/**
 * Venice answered the last request (whose error this is) with a 4xx: asking again unprompted would only be refused
 * again and spend the key's failed-request budget. Only the user (Refresh, a new page) asks again.
 */
export function refusedLastTime(error: unknown): boolean {
  return isVeniceError(error) && error.status !== undefined && error.status >= 400 && error.status < 500
}

const unlessRefused = (query: Query) => !refusedLastTime(query.state.error)

queryClient.setQueryDefaults(veniceQueryRoot, {
  retry: shouldRetryVeniceQuery,
  retryDelay: veniceRetryDelay,
  refetchOnWindowFocus: unlessRefused,
  refetchOnReconnect: unlessRefused,
})
