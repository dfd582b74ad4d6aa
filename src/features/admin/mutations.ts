import { useMutation, useQueryClient } from '@tanstack/react-query'
import { createApiKey, deleteApiKey, updateApiKey } from '../../venice/apiKeys'
import { writeMayHaveHappened } from '../../venice/errors'
import { venice } from '../../venice/instance'
import { keepCreatedKey } from '../../session/keepCreatedKey'
import { keyring } from '../../session/store'
import type { CreateKeyBody, UpdateKeyBody } from '../../venice/schemas'
import { adminMutationKey, adminQueries } from './queries'

// Never retried (the shared client sets `retry: false` for mutations): a repeated create could
// make a second key, and a repeated 4xx spends Venice's failed-request budget. A write whose
// outcome is unknown (writeMayHaveHappened) refreshes what it may have changed, as a success does.

/**
 * Create → the key list is stale. The new secret goes into the keyring inside the mutation, so it
 * is kept (and flagged unsaved) even if the view is gone by the time Venice answers.
 * Resolves to the keyring id of the new key.
 */
export function useCreateKey(keyId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationKey: adminMutationKey(keyId, 'create'),
    mutationFn: async (body: CreateKeyBody): Promise<string> =>
      keepCreatedKey(await createApiKey(venice, keyring.secretOf(keyId), body), body.description),
    onSettled: (_id, error) => {
      if (!error || writeMayHaveHappened(error)) void client.invalidateQueries({ queryKey: adminQueries.keys(keyId).queryKey })
    },
  })
}

/** Update → the key list and that key's detail are stale. */
export function useUpdateKey(keyId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationKey: adminMutationKey(keyId, 'update'),
    mutationFn: (body: UpdateKeyBody) => updateApiKey(venice, keyring.secretOf(keyId), body),
    onSettled: (_updated, error, body) => {
      if (error && !writeMayHaveHappened(error)) return
      void client.invalidateQueries({ queryKey: adminQueries.keys(keyId).queryKey })
      void client.invalidateQueries({ queryKey: adminQueries.key(keyId, body.id).queryKey })
    },
  })
}

/**
 * Delete → the key list is stale and that key's detail is gone. Revoking the key this page uses
 * also drops every admin query of it (nothing may ask again with a dead key), takes it out of the
 * keyring and leaves its page: done here, not in the view, because the view unmounts meanwhile.
 */
export function useRevokeKey(keyId: string, onRevokedSelf: () => void) {
  const client = useQueryClient()
  return useMutation({
    mutationKey: adminMutationKey(keyId, 'delete'),
    mutationFn: ({ veniceKeyId }: { veniceKeyId: string; inUse: boolean }) =>
      deleteApiKey(venice, keyring.secretOf(keyId), veniceKeyId),
    onSuccess: (_nothing, { veniceKeyId, inUse }) => {
      if (inUse) {
        client.removeQueries({ queryKey: adminQueries.of(keyId) })
        keyring.remove(keyId)
        onRevokedSelf()
        return
      }
      client.removeQueries({ queryKey: adminQueries.key(keyId, veniceKeyId).queryKey })
      // Another key of this session that was just revoked is of no use any more.
      for (const other of keyring.list()) if (other.veniceKeyId === veniceKeyId) keyring.remove(other.id)
      void client.invalidateQueries({ queryKey: adminQueries.keys(keyId).queryKey })
    },
    onError: (error) => {
      if (writeMayHaveHappened(error)) void client.invalidateQueries({ queryKey: adminQueries.keys(keyId).queryKey })
    },
  })
}
