import type { ApiResponse } from './http'
import type { StandinState } from './state'
import type { Account, ApiKey } from './store'

export interface RequestContext {
  state: StandinState
  /** Server clock at arrival. */
  now: number
  /** Relative to /api/v1, without the query. */
  path: string
  params: Record<string, string>
  query: URLSearchParams
  body: unknown
}

export interface KeyContext extends RequestContext {
  key: ApiKey
  account: Account
}

type Handler<C> = (context: C) => ApiResponse | Promise<ApiResponse>

/** `access`: public needs no key, `key` takes any key, `admin` an ADMIN key. */
export type Route =
  | { method: string; path: string; access: 'public'; handle: Handler<RequestContext> }
  | { method: string; path: string; access: 'key' | 'admin'; handle: Handler<KeyContext> }

/** Matches in order, so static paths must come before `:param` paths that would also match them. */
export function matchRoute(routes: readonly Route[], method: string, path: string) {
  const segments = path.split('/')
  for (const route of routes) {
    if (route.method !== method) continue
    const pattern = route.path.split('/')
    if (pattern.length !== segments.length) continue
    const params: Record<string, string> = {}
    const matches = pattern.every((part, index) => {
      const segment = segments[index] ?? ''
      if (!part.startsWith(':')) return part === segment
      params[part.slice(1)] = safeDecode(segment)
      return segment !== ''
    })
    if (matches) return { route, params }
  }
  return undefined
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
