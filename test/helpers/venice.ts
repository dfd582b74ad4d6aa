import { expect, vi } from 'vitest'
import { createVeniceClient } from '../../src/venice/client'
import { VeniceError } from '../../src/venice/errors'
import { Secret } from '../../src/venice/secret'

export const INFERENCE_SECRET_TEXT = 'VENICE_INFERENCE_KEY_Qx7vR2mN9pL4kT8sW3yZ6bC1'
export const ADMIN_SECRET_TEXT = 'VENICE_ADMIN_KEY_Hd5jF0gK2lP7aS4dQ9wE3rT6yU8'

export function secretOf(text: string): Secret {
  const parsed = Secret.parse(text)
  if (!parsed.ok) throw new Error(`test secret does not parse: ${parsed.reason}`)
  return parsed.secret
}

export function jsonResponse(
  status: number,
  body: unknown,
  init: { headers?: Record<string, string>; statusText?: string } = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    ...(init.statusText === undefined ? {} : { statusText: init.statusText }),
    headers: { 'Content-Type': 'application/json', ...init.headers },
  })
}

export function textResponse(status: number, text: string, statusText?: string): Response {
  return new Response(text, {
    status,
    ...(statusText === undefined ? {} : { statusText }),
    headers: { 'Content-Type': 'text/html' },
  })
}

/** The URL a fetch was called with (the app passes strings; Request and URL are read too). */
export function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input
  return input instanceof URL ? input.href : input.url
}

/** A fetch that answers from `respond`, and remembers every call. */
export function fakeFetch(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  return vi.fn<typeof fetch>(async (input, init = {}) => respond(urlOf(input), init))
}

/** The URL and init of the `index`th call of a fake fetch. */
export function callOf(fetchMock: ReturnType<typeof fakeFetch>, index = 0): { url: string; init: RequestInit; headers: Headers } {
  const call = fetchMock.mock.calls[index]
  if (!call) throw new Error(`fetch was not called ${index + 1} time(s)`)
  const init = call[1] ?? {}
  return { url: urlOf(call[0]), init, headers: new Headers(init.headers) }
}

export const TEST_API_BASE = 'https://api.venice.test/api/v1'

/** A client whose every request is answered by `respond`. */
export function clientAnswering(respond: Parameters<typeof fakeFetch>[0]) {
  const fetchMock = fakeFetch(respond)
  return { client: createVeniceClient(TEST_API_BASE, fetchMock), fetchMock }
}

/** The VeniceError a call rejects with; its message never carries a test secret. */
export async function failure(promise: Promise<unknown>): Promise<VeniceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(VeniceError)
  for (const secret of [INFERENCE_SECRET_TEXT, ADMIN_SECRET_TEXT]) expect((error as Error).message).not.toContain(secret)
  return error as VeniceError
}
