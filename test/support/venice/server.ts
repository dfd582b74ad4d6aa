import { once } from 'node:events'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { createControl, type VeniceControl } from './control'
import { createStandinState } from './createState'
import type { StakedDiemReader } from './diemCredit'
import { dispatch, type ApiRequest } from './dispatch'
import { forcedResponse, MALFORMED_JSON, takeFailure } from './faults'
import type { ForcedFailure, LoggedRequest, SignInFlow, StandinState } from './state'

const API_PREFIX = '/api/v1'
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Retry-After, x-ratelimit-remaining, x-ratelimit-resets',
}
const PREFLIGHT_HEADERS = {
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
}
const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8' }

export interface VeniceStandin {
  /** The API base, e.g. http://127.0.0.1:18546/api/v1 */
  url: string
  control: VeniceControl
  stop(): Promise<void>
}

/**
 * A local Venice API (see docs/venice-api.md; the wallet flow as docs/sign-in.md tells it) that checks signatures and sVVV on the given chain.
 * `signInFlow` (default token) picks the wallet flow's version; tests can switch it later.
 * `stakedDiem`, when given, turns DIEM staked on the chain into the account's daily credit (see diemCredit.ts).
 */
export async function startVeniceStandin({
  port,
  rpcUrl,
  signInFlow = 'token',
  stakedDiem,
}: {
  port: number
  rpcUrl: string
  signInFlow?: SignInFlow | undefined
  stakedDiem?: StakedDiemReader
}): Promise<VeniceStandin> {
  let apiBase = ''
  const state = createStandinState({ apiBase: () => apiBase, rpcUrl, signInFlow, stakedDiem })
  const server = createServer((request, response) => {
    handle(state, request, response).catch((error: unknown) => {
      console.error('Venice stand-in failed on', request.method, request.url, error)
      if (response.headersSent) response.destroy()
      else write(response, 500, { ...corsHeaders(state), ...JSON_TYPE }, '{"error":"Internal server error"}')
    })
  })
  server.listen(port, '127.0.0.1')
  await once(server, 'listening')
  const { port: actualPort } = server.address() as AddressInfo
  apiBase = `http://127.0.0.1:${actualPort}${API_PREFIX}`
  return {
    url: apiBase,
    control: createControl(state),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

/** The transport around the API: request log, latency, forced failures, CORS and preflights. */
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
  if (failure?.kind === 'hang') {
    entry.status = 'hung'
    return
  }
  if (failure && failure.kind !== 'afterProcessing' && failure.kind !== 'drift') {
    const forced = forcedResponse(failure)
    entry.status = forced.status
    write(response, forced.status, { ...corsHeaders(state), ...JSON_TYPE, ...forced.headers }, forced.text)
    return
  }
  if (method === 'OPTIONS') {
    entry.status = 204
    write(response, 204, state.cors ? { ...CORS_HEADERS, ...PREFLIGHT_HEADERS } : {}, '')
    return
  }

  const result = await dispatch(state, {
    method,
    path,
    query: url.searchParams,
    body,
    authorization: request.headers.authorization,
    clientAddress: request.socket.remoteAddress ?? 'unknown',
    resource: `http://${request.headers.host}${request.url}`,
    now,
  })
  entry.status = result.status
  const headers = { ...corsHeaders(state), ...result.headers }
  if (failure?.kind === 'afterProcessing') {
    entry.processedAs = result.status
    loseAnswer(entry, request, response, headers, failure.then)
    return
  }
  const answer =
    failure?.kind === 'drift' && result.body !== undefined ? failure.rewrite(structuredClone(result.body)) : result.body
  if (answer === undefined) write(response, result.status, headers, '')
  else write(response, result.status, { ...headers, ...JSON_TYPE }, JSON.stringify(answer))
}

/** The request was handled; what reaches the client instead of its answer. */
function loseAnswer(
  entry: LoggedRequest,
  request: IncomingMessage,
  response: ServerResponse,
  headers: Record<string, string>,
  then: Extract<ForcedFailure, { kind: 'afterProcessing' }>['then'],
): void {
  if (then === 'drop') {
    entry.status = 'dropped'
    request.socket.destroy()
  } else if (then === 'hang') {
    entry.status = 'hung'
  } else if (then === 'malformed-json') {
    write(response, entry.status as number, { ...headers, ...JSON_TYPE }, MALFORMED_JSON)
  } else {
    entry.status = then.status
    write(response, then.status, { ...headers, ...JSON_TYPE }, JSON.stringify(then.body ?? { error: 'Forced failure' }))
  }
}

function corsHeaders(state: StandinState): Record<string, string> {
  return state.cors ? CORS_HEADERS : {}
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export function parseJson(text: string): ApiRequest['body'] {
  if (text.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

function write(response: ServerResponse, status: number, headers: Record<string, string>, text: string): void {
  response.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(text)) })
  response.end(text)
}
