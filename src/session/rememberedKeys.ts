import { Secret } from '../venice/secret'
import type { KeyEntry, Keyring } from './keyring'
import { deriveVaultKey, isSealedVault, seal, unseal, type VaultKey } from './vault'

export const VAULT_STORAGE_KEY = 'svvv-key-minter.vault'

/** `off`: nothing stored. `locked`: a vault is stored, not opened yet. `on`: every key is kept sealed. */
type RememberStatus = 'off' | 'locked' | 'on'

interface StoredKey {
  /** The local id (absent in vaults written before it was kept). */
  id?: string
  secret: string
  description: string
  origin: KeyEntry['origin']
  veniceKeyId?: string
}

/**
 * Opt-in "remember on this device". While on, the keyring is re-sealed after every change with
 * the derived key held in memory (non-extractable); the passphrase itself is never kept.
 */
export function createRememberedKeys(keyring: Keyring, storage: Storage) {
  let vaultKey: VaultKey | undefined
  let stopSyncing: (() => void) | undefined
  let writes = Promise.resolve()
  const listeners = new Set<() => void>()
  let status: RememberStatus = storedVault() ? 'locked' : 'off'

  function storedVault() {
    try {
      const value: unknown = JSON.parse(storage.getItem(VAULT_STORAGE_KEY) ?? 'null')
      return isSealedVault(value) ? value : undefined
    } catch {
      return undefined
    }
  }

  function setStatus(next: RememberStatus) {
    status = next
    listeners.forEach((listener) => listener())
  }

  function sealKeyring(): Promise<void> {
    const key = vaultKey
    if (!key) return writes
    const stored: StoredKey[] = keyring.list().map(({ id, secret, description, origin, veniceKeyId }) => ({
      id,
      secret: secret.expose(),
      description,
      origin,
      ...(veniceKeyId ? { veniceKeyId } : {}),
    }))
    // Chained so an older, slower write never lands after a newer one.
    // A failed write (storage full) must not block the ones after it.
    writes = writes
      .catch(() => undefined)
      .then(async () => {
        if (vaultKey !== key) return
        const sealed = await seal(key, JSON.stringify(stored))
        // Checked again after encrypting: "stop" or "forget" during the seal must not be undone.
        if (vaultKey !== key) return
        storage.setItem(VAULT_STORAGE_KEY, JSON.stringify(sealed))
      })
    return writes
  }

  function startSyncing(key: VaultKey) {
    vaultKey = key
    stopSyncing?.()
    stopSyncing = keyring.subscribe(() => void sealKeyring())
    setStatus('on')
  }

  function stop() {
    stopSyncing?.()
    stopSyncing = undefined
    vaultKey = undefined
    storage.removeItem(VAULT_STORAGE_KEY)
  }

  return {
    status: () => status,
    subscribe: (listener: () => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async enable(passphrase: string) {
      startSyncing(await deriveVaultKey(passphrase))
      try {
        await sealKeyring()
      } catch (error) {
        stop()
        setStatus('off')
        throw error
      }
    },
    /** Throws WrongPassphraseError when the passphrase does not open the stored vault. */
    async unlock(passphrase: string) {
      const sealed = storedVault()
      if (!sealed) return setStatus('off')
      const { vaultKey: key, plaintext } = await unseal(sealed, passphrase)
      // Oldest first: add() puts each key in front, so the list comes back in its stored order.
      for (const stored of (JSON.parse(plaintext) as StoredKey[]).reverse()) {
        const parsed = Secret.parse(stored.secret)
        if (!parsed.ok) continue
        keyring.add({
          id: stored.id,
          secret: parsed.secret,
          description: stored.description,
          origin: stored.origin,
          veniceKeyId: stored.veniceKeyId,
          unsaved: false,
        })
      }
      startSyncing(key)
    },
    /** Keeps this session's keys in memory, removes the stored copy. */
    stopRemembering() {
      stop()
      setStatus('off')
    },
    forgetEverything() {
      stop()
      keyring.clear()
      setStatus('off')
    },
    /** Resolves once every pending write has reached storage (tests, and before a reload). */
    flush: () => writes,
  }
}
