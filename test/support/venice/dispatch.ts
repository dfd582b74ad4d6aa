import { authenticate, keyFromHeader } from './auth'
import { apiError, tooManyRequests, type ApiResponse } from './http'
import { matchRoute, type Route } from './router'
import { billingRoutes } from './routes/billing'
import { keyRoutes } from './routes/keys'
import { API_TIER, rateLimitRoutes } from './routes/rateLimits'
import { web3Routes } from './routes/web3'
import type { StandinState } from './state'
import type { ApiKey } from './store'

const ROUTES: readonly Route[] = [...web3Routes, ...rateLimitRoutes, ...keyRoutes, ...billingRoutes]

export interface ApiRequest {
  method: string
  /** Relative to /api/v1, without the query; undefined outside /api/v1. */
  path: string | undefined
  query: URLSearchParams
  /** Parsed JSON (undefined when empty); ok false when the body is not JSON. */
  body: { ok: true; value: unknown } | { ok: false }
  authorization: string | undefined
  clientAddress: string
  /** The full URL, for the 402 discovery body. */
  resource: string
  now: number
}

/** Answers an API request: the failed-request budget, routing, authentication, then the route's handler. */
export async function dispatch(state: StandinState, request: ApiRequest): Promise<ApiResponse> {
  const { now } = request
  const key = keyFromHeader(state, request.authorization, now)
  // The budget is per key, or per client address when no valid key was sent.
  const subject = key ? `key:${key.id}` : `client:${request.clientAddress}`
  const lockout = state.budget.lockout(subject, now)
  let response: ApiResponse
  if (lockout > 0) {
    response = tooManyRequests(`Too many failed requests. Try again in ${Math.ceil(lockout / 1_000)} seconds.`, lockout)
  } else {
    response = await route(state, request, key)
    const clientError = response.status >= 400 && response.status < 500 && response.status !== 429
    if (clientError && state.budget.recordFailure(subject, now) && key) {
      state.store.recordBreach(state.store.account(key.accountId), {
        apiKeyId: key.id,
        modelId: `endpoint:api/v1${request.path ?? ''}`,
        rateLimitType: 'FAILED_REQUESTS',
        rateLimitTier: API_TIER.id,
        timestamp: new Date(now).toISOString(),
      })
    }
  }
  return key ? { ...response, headers: { ...response.headers, ...state.budget.headers(subject, now) } } : response
}

async function route(state: StandinState, request: ApiRequest, key: ApiKey | undefined): Promise<ApiResponse> {
  const { method, path, body, now } = request
  const match = path === undefined ? undefined : matchRoute(ROUTES, method, path)
  if (!match || path === undefined) return apiError(404, 'Not found')
  const context = { state, now, path, params: match.params, query: request.query, body: body.ok ? body.value : undefined }
  if (match.route.access === 'public') return body.ok ? match.route.handle(context) : invalidJson
  const auth = authenticate(state, match.route.access, { authorization: request.authorization, key, resource: request.resource })
  if ('status' in auth) return auth
  auth.key.lastUsedAt = now
  return body.ok ? match.route.handle({ ...context, ...auth }) : invalidJson
}

const invalidJson = apiError(400, 'Request body is not valid JSON')
