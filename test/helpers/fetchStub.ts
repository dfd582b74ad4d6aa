import { afterEach, beforeEach, vi, type Mock } from 'vitest'
import { keyring } from '../../src/session/store'
import { queryClient } from '../../src/query/queryClient'

/**
 * For component tests that render real Venice calls: the app's client reads `globalThis.fetch`
 * per request, so a stub installed per test answers them. Also resets the shared cache and keyring.
 */
export function stubVeniceFetch(): Mock<typeof fetch> {
  const fetchMock: Mock<typeof fetch> = vi.fn()
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => {
    fetchMock.mockReset()
    queryClient.clear()
    keyring.clear()
    vi.unstubAllGlobals()
  })
  return fetchMock
}
