const MAX_FAILURES = 50
const WINDOW_MS = 30_000
const LOCKOUT_MS = 30_000

interface Window {
  start: number
  failures: number
  lockedUntil: number
}

/**
 * The failed-request budget: more than 50 client errors (4xx other than 429) within 30 s lock the
 * subject (a key, or a client address when no valid key was sent) out for 30 s.
 */
export class FailureBudget {
  private readonly windows = new Map<string, Window>()

  /** Milliseconds left of the subject's lockout; 0 when it is not locked out. */
  lockout(subject: string, now: number): number {
    return Math.max(0, this.window(subject, now).lockedUntil - now)
  }

  /** Counts a failure; true when it is the one that locks the subject out. */
  recordFailure(subject: string, now: number): boolean {
    const window = this.window(subject, now)
    window.failures += 1
    if (window.failures <= MAX_FAILURES) return false
    window.lockedUntil = now + LOCKOUT_MS
    return true
  }

  headers(subject: string, now: number): Record<string, string> {
    const window = this.window(subject, now)
    const locked = window.lockedUntil > now
    return {
      'x-ratelimit-remaining': String(locked ? 0 : Math.max(0, MAX_FAILURES - window.failures)),
      'x-ratelimit-resets': String(locked ? window.lockedUntil : window.start + WINDOW_MS),
    }
  }

  private window(subject: string, now: number): Window {
    const current = this.windows.get(subject)
    if (current && (current.lockedUntil > now || now < current.start + WINDOW_MS)) return current
    const fresh = { start: now, failures: 0, lockedUntil: 0 }
    this.windows.set(subject, fresh)
    return fresh
  }
}
