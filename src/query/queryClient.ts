import { QueryClient } from '@tanstack/react-query'
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
queryClient.setQueryDefaults(veniceQueryRoot, { retry: shouldRetryVeniceQuery, retryDelay: veniceRetryDelay })
