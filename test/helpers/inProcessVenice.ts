import { createControl } from '../support/venice/control'
import { dispatch } from '../support/venice/dispatch'
import { forcedResponse, takeFailure } from '../support/venice/faults'
import { createStandinState } from '../support/venice/createState'
import type { LoggedRequest } from '../support/venice/state'
import { parseJson } from '../support/venice/server'
import { urlOf } from './venice'

/**
 * The Venice stand-in (test/support/venice) answering a `fetch` in this process, without a socket:
 * component tests get its real key, billing and rate-limit routes instead of a hand-written
 * imitation. The wallet routes need a chain, which is not here. Forced failures that answer instead
 * of the request (`status`, `malformed-json`, `wrong-shape`) apply as over HTTP.
 */
export function inProcessVenice(apiBase: string) {
  const state = createStandinState({ apiBase: () => apiBase, rpcUrl: NO_CHAIN })
  const { clock } = state

  const fetch: typeof globalThis.fetch = async (input, init = {}) => {
    const url = new URL(urlOf(input))
    const method = init.method ?? 'GET'
    const path = url.href.startsWith(`${apiBase}/`) ? url.pathname.slice(new URL(apiBase).pathname.length) : undefined
    const text = typeof init.body === 'string' ? init.body : ''
    const body = parseJson(text)
    const headers = new Headers(init.headers)
    const now = clock.now()
    const entry: LoggedRequest = {
      method,
      path: url.pathname + url.search,
      headers: lowerCaseNames(headers),
      body: body.ok ? body.value : text,
      status: 'dropped',
      time: now,
    }
    state.log.push(entry)

    const failure = path === undefined ? undefined : takeFailure(state, method, path)
    if (failure) {
      if (failure.kind !== 'status' && failure.kind !== 'malformed-json' && failure.kind !== 'wrong-shape') {
        throw new Error(`A forced '${failure.kind}' needs the stand-in over HTTP`)
      }
      const forced = forcedResponse(failure)
      entry.status = forced.status
      return new Response(forced.text, { status: forced.status, headers: { ...JSON_TYPE, ...forced.headers } })
    }
    const result = await dispatch(state, {
      method,
      path,
      query: url.searchParams,
      body,
      authorization: headers.get('Authorization') ?? undefined,
      clientAddress: '127.0.0.1',
      resource: url.href,
      now,
    })
    entry.status = result.status
    const answer = result.body === undefined ? null : JSON.stringify(result.body)
    return new Response(answer, { status: result.status, headers: { ...result.headers, ...(answer === null ? {} : JSON_TYPE) } })
  }

  return { control: createControl(state), fetch }
}

const NO_CHAIN = 'http://no-chain-in-process.invalid'
const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8' }

/** As Node's http module gives them (happy-dom's Headers keeps the names as written). */
function lowerCaseNames(headers: Headers): Record<string, string> {
  const named: Record<string, string> = {}
  headers.forEach((value, name) => (named[name.toLowerCase()] = value))
  return named
}
