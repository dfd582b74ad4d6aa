import { useSyncExternalStore } from 'react'
import type { KeyEntry } from './keyring'
import { keyring, rememberedKeys } from './store'

export function useKeys(): readonly KeyEntry[] {
  return useSyncExternalStore(keyring.subscribe, keyring.list)
}

export function useKey(id: string): KeyEntry | undefined {
  return useKeys().find((entry) => entry.id === id)
}

export function useRememberStatus() {
  return useSyncExternalStore(rememberedKeys.subscribe, rememberedKeys.status)
}
