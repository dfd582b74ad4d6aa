import { createKeyring } from './keyring'
import { createRememberedKeys } from './rememberedKeys'

/** This tab's keys, and their opt-in encrypted copy on this device. */
export const keyring = createKeyring()
export const rememberedKeys = createRememberedKeys(keyring, safeLocalStorage(), {
  events: window,
  locks: (navigator as Partial<Navigator>).locks,
})

function safeLocalStorage(): Storage {
  try {
    return window.localStorage
  } catch {
    // Storage can be blocked by privacy settings: then "remembered" keys last only for this tab.
    const memory = new Map<string, string>()
    return {
      get length() {
        return memory.size
      },
      clear: () => memory.clear(),
      getItem: (key) => memory.get(key) ?? null,
      key: (index) => [...memory.keys()][index] ?? null,
      removeItem: (key) => void memory.delete(key),
      setItem: (key, value) => void memory.set(key, value),
    }
  }
}
