import { useSyncExternalStore } from 'react'

/** Hash routes, so the same files work from any sub-path (IPFS gateways) with no server rewrites. */
export type Route =
  { name: 'home' } | { name: 'mint' } | { name: 'stake' } | { name: 'about' } | { name: 'key'; id: string } | { name: 'notFound' }

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/'
  if (path === '/') return { name: 'home' }
  if (path === '/mint') return { name: 'mint' }
  if (path === '/about') return { name: 'about' }
  if (path === '/stake') return { name: 'stake' }
  const key = /^\/keys\/([\w-]+)$/.exec(path)
  if (key?.[1]) return { name: 'key', id: key[1] }
  return { name: 'notFound' }
}

export const paths = {
  home: '#/',
  mint: '#/mint',
  about: '#/about',
  stake: '#/stake',
  key: (id: string) => `#/keys/${id}`,
}

export function navigate(path: string) {
  window.location.hash = path
}

const subscribe = (listener: () => void) => {
  window.addEventListener('hashchange', listener)
  return () => window.removeEventListener('hashchange', listener)
}

export function useHashRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, () => window.location.hash))
}
