import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useSyncExternalStore } from 'react'
import { hasReason, type VeniceError } from '../../venice/errors'
import { adminQueries } from './queries'

export type AdminRefusal = { reason: 'notAdmin' | 'invalidKey'; error: VeniceError }

/**
 * A 401 on any admin query or mutation of this key: "Admin API key required" (the prefix said
 * ADMIN, Venice says otherwise) or "Authentication failed" (invalid, expired or revoked).
 * The console hides itself on either, which also stops its queries from asking again.
 */
export function useAdminRefusal(keyId: string): { refusal: AdminRefusal | undefined; checkAgain: () => void } {
  const client = useQueryClient()

  const subscribe = useCallback(
    (listener: () => void) => {
      // The caches also report while a child renders (a query being added): tell React afterwards.
      let subscribed = true
      const notify = () => queueMicrotask(() => subscribed && listener())
      const stopQueries = client.getQueryCache().subscribe(notify)
      const stopMutations = client.getMutationCache().subscribe(notify)
      return () => {
        subscribed = false
        stopQueries()
        stopMutations()
      }
    },
    [client],
  )

  const snapshot = useCallback((): VeniceError | undefined => {
    const prefix = adminQueries.of(keyId)
    const errors: unknown[] = [
      ...client
        .getQueryCache()
        .findAll({ queryKey: prefix })
        .map((query) => query.state.error),
      ...client
        .getMutationCache()
        .findAll({ mutationKey: prefix })
        .map((mutation) => mutation.state.error),
    ]
    return errors.find((error) => hasReason(error, 'adminKeyRequired', 'authenticationFailed'))
  }, [client, keyId])

  const error = useSyncExternalStore(subscribe, snapshot, snapshot)

  const checkAgain = useCallback(() => {
    const prefix = adminQueries.of(keyId)
    const mutations = client.getMutationCache()
    mutations.findAll({ mutationKey: prefix }).forEach((mutation) => mutations.remove(mutation))
    void client.resetQueries({ queryKey: prefix })
  }, [client, keyId])

  const refusal = error
    ? { reason: error.reason === 'adminKeyRequired' ? ('notAdmin' as const) : ('invalidKey' as const), error }
    : undefined
  return { refusal, checkAgain }
}
