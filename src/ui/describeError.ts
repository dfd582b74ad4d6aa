import { isVeniceError } from '../venice/errors'
import { formatDuration } from './format'

interface ErrorWords {
  title: string
  detail: string
  /** The browser could not reach Venice at all: what the user can do, and (folded) the proxy recipe for hosts. */
  unreachable?: boolean
}

/** Any failure, in words a user can act on. Never includes a secret (VeniceError redacts). */
export function describeError(error: unknown): ErrorWords {
  if (!isVeniceError(error)) {
    const message = error instanceof Error ? error.message : String(error)
    return { title: 'Something went wrong', detail: message }
  }
  const status = error.status ?? 0
  switch (error.reason) {
    case 'unreachable':
      return { title: "Couldn't reach Venice", detail: error.message, unreachable: true }
    case 'timeout':
      return { title: 'Venice did not answer in time', detail: error.message }
    case 'malformed':
      return { title: 'Venice sent an answer this app does not understand', detail: error.message }
    case 'adminKeyRequired':
    case 'authenticationFailed':
      return { title: 'Venice refused the key (401)', detail: error.message }
    case 'rateLimited': {
      const wait =
        error.retryAfterMs !== undefined
          ? ` Wait ${formatDuration(error.retryAfterMs)} before trying again.`
          : ' Wait a moment before trying again.'
      return { title: 'Too many requests (429)', detail: `${error.message}.${wait}`.replace('..', '.') }
    }
    case 'serverError':
      return { title: `Venice had a problem (${status})`, detail: `${error.message}. Try again in a moment.`.replace('..', '.') }
    case 'activeKeyLimit':
    case 'tokenAlreadyUsed':
    case 'refused':
      if (status === 402) return { title: 'Venice asked for a key (402)', detail: error.message }
      return { title: `Venice refused the request (${status})`, detail: error.message }
  }
}
