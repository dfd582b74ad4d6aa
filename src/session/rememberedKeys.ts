import { Secret } from '../venice/secret'
import type { KeyEntry, Keyring } from './keyring'
import { deriveVaultKey, isSealedVault, open, seal, unseal, WrongPassphraseError, type VaultKey } from './vault'

export const VAULT_STORAGE_KEY = 'svvv-key-minter.vault'

/** `off`: nothing stored. `locked`: a vault is stored, not opened yet. `on`: every key is kept sealed. */
type RememberStatus = 'off' | 'locked' | 'on'

interface StoredKey {
  /** The local id (absent in vaults written before it was kept). */
  id?: string | undefined
  secret: string
  description: string
  origin: KeyEntry['origin']
  veniceKeyId?: string | undefined
}

/** Stored keys by secret. */
type Stored = Map<string, StoredKey>

/** The other tabs: where their `storage` events arrive (the window), and the lock they share (Web Locks). */
interface OtherTabs {
  events?: Pick<Window, 'addEventListener'> | undefined
  locks?: Pick<LockManager, 'request'> | undefined
}

/**
 * Opt-in "remember on this device". While on, every change of the keyring is merged into the
 * stored vault with the derived key held in memory (non-extractable); the passphrase itself is
 * never kept. Several tabs share one vault: each write re-reads it and combines by secret, and a
 * tab follows the others' writes through the `storage` event, so a key added in any tab survives
 * and a key forgotten in one is forgotten in all.
 */
export function createRememberedKeys(keyring: Keyring, storage: Storage, { events, locks }: OtherTabs = {}) {
  let vaultKey: VaultKey | undefined
  let stopSyncing: (() => void) | undefined
  /** The vault as this tab last read or wrote it: what a missing key is compared with. */
  let known: Stored = new Map()
  let writes = Promise.resolve()
  const listeners = new Set<() => void>()
  let status: RememberStatus = storedVault() ? 'locked' : 'off'

  events?.addEventListener('storage', (event) => {
    if (event.key === VAULT_STORAGE_KEY || event.key === null) followOtherTab()
  })

  function storedVault() {
    try {
      const value: unknown = JSON.parse(storage.getItem(VAULT_STORAGE_KEY) ?? 'null')
      return isSealedVault(value) ? value : undefined
    } catch {
      return undefined
    }
  }

  function setStatus(next: RememberStatus) {
    if (status === next) return
    status = next
    listeners.forEach((listener) => listener())
  }

  /** The stored keys, opened with `key`; undefined when no vault is stored. Throws WrongPassphraseError for another passphrase's vault. */
  async function readStored(key: VaultKey): Promise<Stored | undefined> {
    const sealed = storedVault()
    if (!sealed) return undefined
    return bySecret(JSON.parse(await open(key, sealed)) as StoredKey[])
  }

  /** Another tab removed the vault, or sealed it with another passphrase: stop writing, keep the keys in memory. */
  function detach(next: RememberStatus) {
    stopSyncing?.()
    stopSyncing = undefined
    vaultKey = undefined
    known = new Map()
    setStatus(next)
  }

  /**
   * Brings the keyring and `stored` together: keys another tab added come in, keys another tab
   * forgot (known before, gone now) go, a description another tab changed is taken unless this
   * tab changed it too. Returns what the vault should hold: `stored` plus this tab's keys, less
   * the keys this tab forgot.
   */
  function merge(stored: Stored): Stored {
    const local = bySecret(keyring.list().map(toStored))
    const entryOf = (secret: string) => keyring.list().find((e) => e.secret.expose() === secret)
    const forgottenHere = [...known.keys()].filter((secret) => !local.has(secret))
    const forgottenThere = [...known.keys()].filter((secret) => !stored.has(secret))
    for (const secret of forgottenThere) {
      const entry = entryOf(secret)
      if (entry) keyring.remove(entry.id)
      local.delete(secret)
    }
    const merged: Stored = new Map()
    for (const [secret, key] of stored) if (!forgottenHere.includes(secret) && !local.has(secret)) merged.set(secret, key)
    addToKeyring([...merged.values()])
    for (const [secret, mine] of local) {
      const theirs = stored.get(secret)
      const changedThereOnly = theirs && !sameKey(theirs, mine) && sameKey(known.get(secret), mine)
      if (theirs && changedThereOnly) {
        const entry = entryOf(secret)
        if (entry) keyring.update(entry.id, { description: theirs.description, veniceKeyId: theirs.veniceKeyId })
      }
      merged.set(secret, changedThereOnly ? { ...theirs, id: mine.id } : mine)
    }
    return merged
  }

  function addToKeyring(keys: StoredKey[]) {
    // Oldest first: add() puts each key in front, so the list keeps its stored order.
    for (const stored of [...keys].reverse()) {
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
  }

  /** Re-reads, merges, writes: one tab at a time. */
  function sealKeyring(): Promise<void> {
    const key = vaultKey
    if (!key) return writes
    // Chained so an older, slower write never lands after a newer one.
    // A failed write (storage full) must not block the ones after it.
    writes = writes
      .catch(() => undefined)
      .then(() =>
        exclusively(locks, async () => {
          if (vaultKey !== key) return
          let stored: Stored | undefined
          try {
            stored = await readStored(key)
          } catch (error) {
            if (!(error instanceof WrongPassphraseError)) throw error
            return detach('locked')
          }
          if (vaultKey !== key) return
          if (!stored && known.size > 0) return detach('off')
          const merged = merge(stored ?? new Map<string, StoredKey>())
          if (stored && sameKeys(stored, merged)) {
            known = merged
            return
          }
          const sealed = await seal(key, JSON.stringify([...merged.values()]))
          // Checked again after encrypting: "stop" or "forget" during the seal must not be undone.
          if (vaultKey !== key) return
          storage.setItem(VAULT_STORAGE_KEY, JSON.stringify(sealed))
          known = merged
        }),
      )
    return writes
  }

  /** Another tab wrote or removed the vault. */
  function followOtherTab() {
    if (!storedVault()) {
      if (status !== 'off') detach('off')
      return
    }
    if (status === 'off') return setStatus('locked')
    if (status === 'on') void sealKeyring()
  }

  function startSyncing(key: VaultKey) {
    vaultKey = key
    stopSyncing?.()
    stopSyncing = keyring.subscribe(() => void sealKeyring())
  }

  function stop() {
    stopSyncing?.()
    stopSyncing = undefined
    vaultKey = undefined
    known = new Map()
    storage.removeItem(VAULT_STORAGE_KEY)
  }

  return {
    status: () => status,
    subscribe: (listener: () => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    /** Says "on" only once the vault is in storage: a reload right after finds the keys. */
    async enable(passphrase: string) {
      startSyncing(await deriveVaultKey(passphrase))
      try {
        await sealKeyring()
      } catch (error) {
        stop()
        setStatus('off')
        throw error
      }
      if (vaultKey) setStatus('on')
    },
    /** Throws WrongPassphraseError when the passphrase does not open the stored vault. */
    async unlock(passphrase: string) {
      const sealed = storedVault()
      if (!sealed) return setStatus('off')
      const { vaultKey: key, plaintext } = await unseal(sealed, passphrase)
      const stored = bySecret(JSON.parse(plaintext) as StoredKey[])
      addToKeyring([...stored.values()])
      known = stored
      startSyncing(key)
      setStatus('on')
      // Keys this tab held before unlocking join the vault too.
      await sealKeyring()
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

function toStored({ id, secret, description, origin, veniceKeyId }: KeyEntry): StoredKey {
  return { id, secret: secret.expose(), description, origin, ...(veniceKeyId ? { veniceKeyId } : {}) }
}

function bySecret(keys: StoredKey[]): Stored {
  return new Map(keys.map((key) => [key.secret, key]))
}

/** The same key with the same details; local ids may differ between tabs. */
function sameKey(a: StoredKey | undefined, b: StoredKey | undefined): boolean {
  const details = (key: StoredKey | undefined) => key && [key.secret, key.description, key.origin, key.veniceKeyId ?? '']
  return JSON.stringify(details(a)) === JSON.stringify(details(b))
}

function sameKeys(a: Stored, b: Stored): boolean {
  return a.size === b.size && [...a].every(([secret, key]) => sameKey(b.get(secret), key))
}

/**
 * Runs `task` while no other tab runs one. Without Web Locks (older browsers) it runs at once,
 * and two tabs writing in the same instant can still lose one of the two changes.
 */
function exclusively(locks: OtherTabs['locks'], task: () => Promise<void>): Promise<void> {
  return locks ? locks.request(VAULT_STORAGE_KEY, task).then(() => undefined) : task()
}
