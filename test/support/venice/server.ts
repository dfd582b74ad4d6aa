import { once } from 'node:events'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { createPublicClient, http } from 'viem'
import { localBase } from '../chain/startChain'
import { authenticate, keyFromHeader } from './auth'
import { FailureBudget } from './budget'
import { createClock } from './clock'
import { createControl, type VeniceControl } from './control'
import { apiError, json, tooManyRequests, type ApiResponse } from './http'
import { matchRoute, type Route } from './router'
import { API_TIER, rateLimitRoutes } from './routes/rateLimits'
import { billingRoutes } from './routes/billing'
import { keyRoutes } from './routes/keys'
import { web3Routes } from './routes/web3'
import type { ForcedFailure, LoggedRequest, StandinState } from './state'
import { VeniceStore } from './store'
import { TokenIssuer } from './token'

const API_PREFIX = '/api/v1'
const ROUTES: readonly Route[] = [...web3Routes, ...rateLimitRoutes, ...keyRoutes, ...billingRoutes]

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Retry-After, x-ratelimit-remaining, x-ratelimit-resets',
}
const PREFLIGHT_HEADERS = {
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
}

export interface VeniceStandin {
  /** The API base, e.g. http://127.0.0.1:18546/api/v1 */
  url: string
  control: VeniceControl
  stop(): Promise<void>
}

/** A local Venice API (see /work/shared/venice-api.md) that checks signatures and sVVV on the given chain. */
export async function startVeniceStandin({ port, rpcUrl }: { port: number; rpcUrl: string }): Promise<VeniceStandin> {
  const clock = createClock()
  const state: StandinState = {
    clock,
    store: new VeniceStore(),
    tokens: new TokenIssuer(clock),
    budget: new FailureBudget(),
    chain: createPublicClient({ chain: localBase(rpcUrl), transport: http(rpcUrl) }),
    analyticsCache: new Map(),
    log: [],
    failures: [],
    latencyMs: 0,
    cors: true,
  }
  const server = createServer((request, response) => {
    handle(state, request, response).catch((error: unknown) => {
      console.error('Venice stand-in failed on', request.method, request.url, error)
      if (!response.headersSent) write(response, 500, { 'Content-Type': 'application/json' }, '{"error":"Internal server error"}')
    })
  })
  server.listen(port, '127.0.0.1')
  await once(server, 'listening')
  const { port: actualPort } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${actualPort}${API_PREFIX}`,
    control: createControl(state),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

async function handle(state: StandinState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const now = state.clock.now()
  const method = request.method ?? 'GET'
  const url = new URL(request.url ?? '/', 'http://standin')
  const path = url.pathname.startsWith(`${API_PREFIX}/`) ? url.pathname.slice(API_PREFIX.length) : undefined
  const text = await readText(request)
  const body = parseJson(text)
  const entry: LoggedRequest = {
    method,
    path: request.url ?? '/',
    headers: { ...request.headers },
    body: body.ok ? body.value : text,
    status: 'dropped',
    time: now,
  }
  state.log.push(entry)
  if (state.latencyMs > 0) await sleep(state.latencyMs)

  const failure = path === undefined ? undefined : takeFailure(state, method, path)
  if (failure?.kind === 'drop') {
    request.socket.destroy()
    return
  }
  const cors = state.cors ? CORS_HEADERS : {}
  if (failure) {
    const forced = forcedResponse(failure)
    entry.status = forced.status
    write(response, forced.status, { ...cors, 'Content-Type': 'application/json', ...forced.headers }, forced.text)
    return
  }
  if (method === 'OPTIONS') {
    entry.status = 204
    write(response, 204, state.cors ? { ...cors, ...PREFLIGHT_HEADERS } : {}, '')
    return
  }

  const authorization = request.headers.authorization
  const key = keyFromHeader(state, authorization, now)
  // The failed-request budget is per key, or per client address when no valid key was sent.
  const subject = key ? `key:${key.id}` : `client:${request.socket.remoteAddress}`
  const lockout = state.budget.lockout(subject, now)
  let result: ApiResponse
  if (lockout > 0) {
    result = tooManyRequests(`Too many failed requests. Try again in ${Math.ceil(lockout / 1_000)} seconds.`, lockout)
  } else {
    const match = path === undefined ? undefined : matchRoute(ROUTES, method, path)
    if (!match || path === undefined) {
      result = apiError(404, 'Not found')
    } else {
      const context = { state, now, path, params: match.params, query: url.searchParams, body: body.ok ? body.value : undefined }
      const { route } = match
      if (route.access === 'public') {
        result = body.ok ? await route.handle(context) : invalidJson
      } else {
        const auth = authenticate(state, route.access, { authorization, key, resource: `http://${request.headers.host}${request.url}` })
        if ('status' in auth) result = auth
        else {
          auth.key.lastUsedAt = now
          result = body.ok ? await route.handle({ ...context, ...auth }) : invalidJson
        }
      }
    }
    const clientError = result.status >= 400 && result.status < 500 && result.status !== 429
    if (clientError && state.budget.recordFailure(subject, now) && key) {
      state.store.recordBreach(state.store.account(key.accountId), {
        apiKeyId: key.id,
        modelId: `endpoint:api/v1${path ?? url.pathname}`,
        rateLimitType: 'FAILED_REQUESTS',
        rateLimitTier: API_TIER.id,
        timestamp: new Date(now).toISOString(),
      })
    }
  }

  const headers: Record<string, string> = { ...cors, ...result.headers }
  if (key) Object.assign(headers, state.budget.headers(subject, now))
  entry.status = result.status
  if (result.body === undefined) write(response, result.status, headers, '')
  else write(response, result.status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' }, JSON.stringify(result.body))
}

const invalidJson = apiError(400, 'Request body is not valid JSON')

function takeFailure(state: StandinState, method: string, path: string): ForcedFailure | undefined {
  const rule = state.failures.find((candidate) => candidate.method === method && candidate.path === path)
  if (!rule) return undefined
  rule.remaining -= 1
  if (rule.remaining <= 0) state.failures.splice(state.failures.indexOf(rule), 1)
  return rule.failure
}

function forcedResponse(failure: Exclude<ForcedFailure, { kind: 'drop' }>) {
  switch (failure.kind) {
    case 'status':
      return {
        status: failure.status,
        headers: failure.headers ?? {},
        text: JSON.stringify(failure.body ?? { error: 'Forced failure' }),
      }
    case 'malformed-json':
      return { status: failure.status ?? 200, headers: {}, text: '{"success":true,"data":{"token":' }
    case 'wrong-shape':
      return { status: failure.status ?? 200, headers: {}, text: JSON.stringify({ success: 'yes', data: 'not what you expected' }) }
  }
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** Empty → ok with undefined (the handler reports a missing body). */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

function write(response: ServerResponse, status: number, headers: Record<string, string>, text: string): void {
  response.writeHead(status, headers)
  response.end(text)
}

export { json }
