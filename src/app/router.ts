import { useSyncExternalStore } from 'react'

/** The parts of a key's page, each at its own address. */
export const KEY_SECTIONS = ['overview', 'limits', 'console'] as const
export type KeySection = (typeof KEY_SECTIONS)[number]

/** Hash routes, so the same files work from any sub-path (IPFS gateways) with no server rewrites. */
export type Route =
  | { name: 'home' }
  | { name: 'mint' }
  | { name: 'keys' }
  | { name: 'stake' }
  | { name: 'about' }
  | { name: 'key'; id: string; section: KeySection; tab?: string }
  | { name: 'notFound' }

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/'
  if (path === '/') return { name: 'home' }
  if (path === '/mint') return { name: 'mint' }
  if (path === '/about') return { name: 'about' }
  if (path === '/stake') return { name: 'stake' }
  if (path === '/keys') return { name: 'keys' }
  const key = /^\/keys\/([\w-]+)(?:\/(limits|console)(?:\/([a-z]+))?)?$/.exec(path)
  if (!key?.[1]) return { name: 'notFound' }
  const section = (key[2] ?? 'overview') as KeySection
  if (key[3] && section !== 'console') return { name: 'notFound' }
  return key[3] ? { name: 'key', id: key[1], section, tab: key[3] } : { name: 'key', id: key[1], section }
}

export const paths = {
  home: '#/',
  mint: '#/mint',
  about: '#/about',
  keys: '#/keys',
  stake: '#/stake',
  key: (id: string, section: KeySection = 'overview', tab?: string) =>
    `#/keys/${id}${section === 'overview' ? '' : `/${section}`}${tab ? `/${tab}` : ''}`,
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
