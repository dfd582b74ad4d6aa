import * as v from 'valibot'
import { VeniceError, reasonOfStatus } from './errors'
import type { Secret } from './secret'

export interface VeniceClient {
  baseUrl: string
  fetch: typeof fetch
  /** How long one request (answer and body) may take before it is given up. */
  timeoutMs: number
}

/** Long enough for a slow mobile network, short enough that nobody waits on a dead connection. */
export const REQUEST_TIMEOUT_MS = 20_000

export function createVeniceClient(
  baseUrl: string,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
  timeoutMs = REQUEST_TIMEOUT_MS,
): VeniceClient {
  return { baseUrl: baseUrl.replace(/\/+$/, ''), fetch: fetchImpl, timeoutMs }
}

interface VeniceRequest<TSchema extends v.GenericSchema> {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** Path under the API base, starting with `/`, query included. Never put a secret here. */
  path: string
  secret?: Secret | undefined
  body?: unknown
  schema: TSchema
  signal?: AbortSignal | undefined
}

/**
 * One request, no retries: the error's `reason` tells the caller what happened. Never waits longer
 * than the client's timeout, combined with the caller's `signal` (whose abort is passed on as is).
 */
export async function veniceRequest<TSchema extends v.GenericSchema>(
  client: VeniceClient,
  { method = 'GET', path, secret, body, schema, signal }: VeniceRequest<TSchema>,
): Promise<v.InferOutput<TSchema>> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (secret) headers.Authorization = `Bearer ${secret.expose()}`
  // A timer rather than AbortSignal.timeout: it runs on the page's clock, which tests can move.
  const deadline = new AbortController()
  const timer = setTimeout(() => deadline.abort(), client.timeoutMs)
  try {
    return await send()
  } finally {
    clearTimeout(timer)
  }

  async function send(): Promise<v.InferOutput<TSchema>> {
    const host = new URL(client.baseUrl).host
    const timedOut = () =>
      new VeniceError(
        'timeout',
        `${host} did not answer within ${Math.round(client.timeoutMs / 1000)} seconds: the network or Venice is slow or stuck.`,
      )

    let response: Response
    try {
      response = await client.fetch(`${client.baseUrl}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      })
    } catch (error) {
      if (signal?.aborted) throw error
      if (deadline.signal.aborted) throw timedOut()
      throw new VeniceError('unreachable', `No answer from ${host}.`)
    }

    const payload = await readJson(response)
    if (signal?.aborted) throw signal.reason
    if (deadline.signal.aborted && payload === NOT_JSON) throw timedOut()
    if (!response.ok) throw httpError(response, payload)
    if (payload === NOT_JSON) {
      throw new VeniceError('malformed', `Venice answered HTTP ${response.status} with something that is not JSON.`, {
        status: response.status,
      })
    }
    const parsed = v.safeParse(schema, payload)
    if (!parsed.success) {
      const where = v.getDotPath(parsed.issues[0]) ?? 'response'
      throw new VeniceError('malformed', `Venice's response was not in the expected shape (at "${where}").`, {
        status: response.status,
      })
    }
    return parsed.output
  }
}

const NOT_JSON = Symbol('not json')

async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text())
  } catch {
    return NOT_JSON
  }
}

function httpError(response: Response, payload: unknown): VeniceError {
  const status = response.status
  const message = errorMessage(payload) ?? `Venice answered HTTP ${status} ${response.statusText}`.trim()
  return new VeniceError(reasonOfStatus(status, message), message, {
    status,
    retryAfterMs: status === 429 ? parseRetryAfter(response.headers.get('Retry-After')) : undefined,
  })
}

/** `{"error": "..."}` is usual; `details`/`issues` shapes vary, so only a plain string is trusted. */
function errorMessage(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined
  const { error, details } = payload as { error?: unknown; details?: unknown }
  const message = typeof error === 'string' && error.trim() !== '' ? error.trim() : undefined
  if (message && typeof details === 'string' && details.trim() !== '' && details.trim() !== message) {
    return `${message}: ${details.trim()}`
  }
  return message
}

/** `Retry-After` is seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
