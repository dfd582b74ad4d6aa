/** What a route handler answers; the server adds CORS, rate-limit headers and serialises the body as JSON. */
export interface ApiResponse {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export function json(status: number, body: unknown, headers?: Record<string, string>): ApiResponse {
  return headers ? { status, body, headers } : { status, body }
}

export function apiError(status: number, message: string, headers?: Record<string, string>): ApiResponse {
  return json(status, { error: message }, headers)
}

/** A 429 whose Retry-After (whole seconds, at least 1) covers `waitMs`. */
export function tooManyRequests(message: string, waitMs: number): ApiResponse {
  return apiError(429, message, { 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1_000))) })
}
