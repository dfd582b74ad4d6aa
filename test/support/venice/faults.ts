import type { ForcedFailure, StandinState } from './state'

/** Takes one use of the first forced failure registered for this method and path, if any. */
export function takeFailure(state: StandinState, method: string, path: string): ForcedFailure | undefined {
  const rule = state.failures.find((candidate) => candidate.method === method && candidate.path === path)
  if (!rule) return undefined
  rule.remaining -= 1
  if (rule.remaining <= 0) state.failures.splice(state.failures.indexOf(rule), 1)
  return rule.failure
}

/** Failures that answer without handling the request. */
type Instead = Extract<ForcedFailure, { kind: 'status' | 'malformed-json' | 'wrong-shape' }>

export const MALFORMED_JSON = '{"success":true,"data":{"token":'

export function forcedResponse(failure: Instead) {
  switch (failure.kind) {
    case 'status':
      return {
        status: failure.status,
        headers: failure.headers ?? {},
        text: JSON.stringify(failure.body ?? { error: 'Forced failure' }),
      }
    case 'malformed-json':
      return { status: failure.status ?? 200, headers: {}, text: MALFORMED_JSON }
    case 'wrong-shape':
      return {
        status: failure.status ?? 200,
        headers: {},
        text: JSON.stringify({ success: 'yes', data: 'not what you expected' }),
      }
  }
}
