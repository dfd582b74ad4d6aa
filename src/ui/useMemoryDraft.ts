import { useCallback, useState } from 'react'

const drafts = new Map<string, unknown>()

/**
 * useState that survives its component being unmounted and mounted again in this tab (e.g. when
 * the wallet providers load around the page), so nothing the user typed is lost. Memory only.
 */
export function useMemoryDraft<T>(name: string, initial: T): [T, (next: T) => void, () => void] {
  const [value, setValue] = useState<T>(() => (drafts.has(name) ? (drafts.get(name) as T) : initial))
  const set = useCallback(
    (next: T) => {
      drafts.set(name, next)
      setValue(next)
    },
    [name],
  )
  const reset = useCallback(() => {
    drafts.delete(name)
    setValue(initial)
  }, [name, initial])
  return [value, set, reset]
}
