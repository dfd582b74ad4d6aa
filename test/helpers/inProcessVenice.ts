import { createPublicClient, http } from 'viem'
import { localBase } from '../support/chain/startChain'
import { FailureBudget } from '../support/venice/budget'
import { ChallengeIssuer } from '../support/venice/challenge'
import { createClock } from '../support/venice/clock'
import { createControl } from '../support/venice/control'
import { dispatch } from '../support/venice/dispatch'
import { forcedResponse, takeFailure } from '../support/venice/faults'
import type { LoggedRequest, StandinState } from '../support/venice/state'
import { parseJson } from '../support/venice/server'
import { VeniceStore } from '../support/venice/store'
import { TokenIssuer } from '../support/venice/token'
import { urlOf } from './venice'

/**
 * The Venice stand-in (test/support/venice) answering a `fetch` in this process, without a socket:
 * component tests get its real key, billing and rate-limit routes instead of a hand-written
 * imitation. The wallet routes need a chain, which is not here. Forced failures that answer instead
 * of the request (`status`, `malformed-json`, `wrong-shape`) apply as over HTTP.
 */
export function inProcessVenice(apiBase: string) {
  const clock = createClock()
  const state: StandinState = {
    clock,
    store: new VeniceStore(),
    tokens: new TokenIssuer(clock),
    challenges: new ChallengeIssuer(clock, () => apiBase),
    signInFlow: 'token',
    hostileSignIns: [],
    signatureOutages: 0,
    budget: new FailureBudget(),
    chain: createPublicClient({ chain: localBase(NO_CHAIN), transport: http(NO_CHAIN) }),
    analyticsCache: new Map(),
    log: [],
    failures: [],
    latencyMs: 0,
    cors: true,
  }

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
