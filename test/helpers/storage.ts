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

type StorageListener = (event: Pick<StorageEvent, 'key'>) => void

/**
 * One device's storage seen from several tabs: a write in one tab fires a `storage` event, a
 * moment later, in every other tab (as browsers do), never in the tab that wrote.
 */
export function sharedStorage() {
  const shared = memoryStorage()
  const tabs: { listeners: StorageListener[] }[] = []
  // Storage events queued but not yet delivered, and who waits for none to be left.
  let undelivered = 0
  const waitingForDelivery: (() => void)[] = []
  // Web Locks of one origin: a task waits until the one before it, from any tab, has finished.
  let queue: Promise<unknown> = Promise.resolve()
  const locks = {
    request: (_name: string, task: () => Promise<unknown>) => {
      const run = queue.then(task)
      queue = run.catch(() => undefined)
      return run
    },
  } as unknown as Pick<LockManager, 'request'>
  return {
    shared,
    /** Resolves once every storage event written so far has reached the other tabs. */
    delivered: () => (undelivered === 0 ? Promise.resolve() : new Promise<void>((resolve) => waitingForDelivery.push(resolve))),
    tab() {
      const self = { listeners: [] as StorageListener[] }
      tabs.push(self)
      const notify = (key: string) => {
        undelivered += 1
        setTimeout(() => {
          tabs.filter((t) => t !== self).forEach((t) => t.listeners.forEach((listener) => listener({ key })))
          undelivered -= 1
          if (undelivered === 0) waitingForDelivery.splice(0).forEach((resolve) => resolve())
        })
      }
      const storage: Storage = {
        get length() {
          return shared.length
        },
        clear: () => shared.clear(),
        getItem: (key) => shared.getItem(key),
        key: (index) => shared.key(index),
        removeItem: (key) => {
          shared.removeItem(key)
          notify(key)
        },
        setItem: (key, value) => {
          shared.setItem(key, value)
          notify(key)
        },
      }
      const events = {
        addEventListener: (type: string, listener: StorageListener) => {
          if (type === 'storage') self.listeners.push(listener)
        },
      } as unknown as Pick<Window, 'addEventListener'>
      return { storage, events, locks }
    },
  }
}
