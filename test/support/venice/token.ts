import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import type { Clock } from './clock'

const TOKEN_TTL_SECONDS = 15 * 60

export type TokenCheck = { ok: true; jti: string } | { ok: false; error: string }

/** Issues the wallet flow's JWT-style tokens (HS256 with a per-server secret); each may be redeemed once. */
export class TokenIssuer {
  private readonly secret = randomBytes(32)
  private readonly redeemed = new Set<string>()

  constructor(private readonly clock: Clock) {}

  /** `claims` replace the honest ones: an expired token for hostile answers, odd claims for tests. */
  issue(claims: Record<string, unknown> = {}): string {
    const iat = Math.floor(this.clock.now() / 1_000)
    const header = encode({ alg: 'HS256', typ: 'JWT' })
    const payload = encode({ iat, exp: iat + TOKEN_TTL_SECONDS, jti: randomUUID(), ...claims })
    return `${header}.${payload}.${this.sign(`${header}.${payload}`)}`
  }

  /** Checks the token is ours, unmodified, unexpired and unused, without redeeming it. Errors in Venice's words. */
  check(token: string): TokenCheck {
    const [header, payload, signature, ...rest] = token.split('.')
    if (header === undefined || payload === undefined || signature === undefined || rest.length) return fail('JWT is malformed')
    const claims = decode(payload)
    if (!claims || !decode(header)) return fail('JWT is malformed')
    const expected = Buffer.from(this.sign(`${header}.${payload}`))
    const given = Buffer.from(signature)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return fail('JWT signature is invalid')
    if (typeof claims.exp !== 'number' || typeof claims.jti !== 'string') return fail('JWT claims are invalid')
    if (this.clock.now() >= claims.exp * 1_000) return fail('JWT has expired')
    if (this.redeemed.has(claims.jti)) return fail(USED)
    return { ok: true, jti: claims.jti }
  }

  /** Marks the token used; false when it already was (two concurrent mints with one token). */
  redeem(jti: string): boolean {
    if (this.redeemed.has(jti)) return false
    this.redeemed.add(jti)
    return true
  }

  private sign(input: string): string {
    return createHmac('sha256', this.secret).update(input).digest('base64url')
  }
}

/** Venice documents no words for a reused token; these match its challenge flow's. */
export const USED = 'This token has already been used'
const fail = (error: string): TokenCheck => ({ ok: false, error })

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

function decode(part: string): { exp?: unknown; jti?: unknown } | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
    return typeof value === 'object' && value !== null ? value : undefined
  } catch {
    return undefined
  }
}
