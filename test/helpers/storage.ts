/** A Storage that lives in a Map: for the vault and wallet-loader tests. */
export function memoryStorage(initial: Record<string, string> = {}): Storage & { dump: () => string } {
  const items = new Map(Object.entries(initial))
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
    /** Everything stored, as one string: to search for text that must never be there. */
    dump: () => JSON.stringify([...items]),
  }
}
