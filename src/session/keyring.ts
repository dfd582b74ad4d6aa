import type { Secret } from '../venice/secret'

/**
 * A key the user holds in this session. `id` is local and random: safe for URLs and query keys.
 * Its type is the secret's (`secret.type`), read from the prefix.
 */
export interface KeyEntry {
  id: string
  secret: Secret
  description: string
  origin: 'minted' | 'pasted'
  /** Venice's id of the key, when known (mint/create responses). */
  veniceKeyId?: string | undefined
  /** A freshly minted secret the user has not yet copied, downloaded or confirmed saving. */
  unsaved: boolean
  /**
   * Its reveal-once panel is open: from creation until Done, or until the panel leaves the screen
   * once the key is saved. Kept here, not in a view, so no remount or tab switch shows it again.
   */
  revealing?: boolean
  /** Venice answered 401 to it last time it was asked (invalid, expired or revoked). */
  rejected?: boolean
}

type Listener = () => void

/** The session's keys, in memory. Persisting them is opt-in (see rememberedKeys.ts). */
export function createKeyring() {
  let entries: readonly KeyEntry[] = []
  const listeners = new Set<Listener>()
  const emit = () => listeners.forEach((listener) => listener())

  return {
    list: () => entries,
    get: (id: string) => entries.find((entry) => entry.id === id),
    /** The secret of a key, looked up at request time so it never sits in a query key. */
    secretOf(id: string): Secret {
      const entry = entries.find((e) => e.id === id)
      if (!entry) throw new Error('This key is no longer in this session.')
      return entry.secret
    },
    subscribe: (listener: Listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    /**
     * Adds a key, or returns the entry that already holds the same secret. `id` keeps a remembered
     * key's local id across reloads (so its address still works), unless another key has it.
     */
    add({ id, ...entry }: Omit<KeyEntry, 'id'> & { id?: string | undefined }): KeyEntry {
      const existing = entries.find((e) => e.secret.expose() === entry.secret.expose())
      if (existing) return existing
      const free = id !== undefined && /^[\w-]+$/.test(id) && !entries.some((e) => e.id === id)
      const added = { ...entry, id: free ? id : crypto.randomUUID() }
      entries = [added, ...entries]
      emit()
      return added
    },
    update(id: string, change: Partial<Omit<KeyEntry, 'id' | 'secret'>>) {
      entries = entries.map((entry) => (entry.id === id ? { ...entry, ...change } : entry))
      emit()
    },
    remove(id: string) {
      entries = entries.filter((entry) => entry.id !== id)
      emit()
    },
    clear() {
      entries = []
      emit()
    },
  }
}

export type Keyring = ReturnType<typeof createKeyring>
