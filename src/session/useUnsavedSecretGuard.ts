import { useEffect } from 'react'
import { useKeys, useRememberStatus } from './useKeyring'

/** Asks before the tab closes or reloads while a new secret exists nowhere but in this page. */
export function useUnsavedSecretGuard() {
  const keys = useKeys()
  const remembered = useRememberStatus() === 'on'
  const atRisk = !remembered && keys.some((entry) => entry.unsaved)
  useEffect(() => {
    if (!atRisk) return
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [atRisk])
}
