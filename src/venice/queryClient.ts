import { QueryClient } from '@tanstack/react-query'
import { queryRetryDelay, shouldRetryQuery } from './retry'

/**
 * The one query cache, shared by the wallet module and the dashboards. Each lazily loaded part
 * mounts its own QueryClientProvider with it, so the first page load carries no query code.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    // Venice's failed-request budget: retry only 429/5xx, a few times (retry.ts).
    queries: { retry: shouldRetryQuery, retryDelay: queryRetryDelay, staleTime: 30_000 },
    mutations: { retry: false },
  },
})
