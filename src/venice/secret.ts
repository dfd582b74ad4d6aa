export type KeyType = 'INFERENCE' | 'ADMIN'

const SECRET_PATTERN = /^VENICE_(INFERENCE|ADMIN)_KEY_[A-Za-z0-9_-]{8,}$/

/**
 * A Venice API key secret. The raw value leaves only through `expose()`, which the app calls
 * for the Authorization header, the reveal-once view and the vault. Everything that might log,
 * serialise or stringify it sees a redacted form.
 */
export class Secret {
  readonly #value: string
  readonly type: KeyType
  readonly last6: string

  private constructor(value: string, type: KeyType) {
    this.#value = value
    this.type = type
    this.last6 = value.slice(-6)
  }

  /** Checks the shape before anything is sent. */
  static parse(text: string): { ok: true; secret: Secret } | { ok: false; reason: string } {
    const value = text.trim()
    if (value === '') return { ok: false, reason: 'Paste a Venice API key.' }
    const match = SECRET_PATTERN.exec(value)
    if (!match) {
      return {
        ok: false,
        reason:
          'That is not a Venice API key: it should start with VENICE_INFERENCE_KEY_ or VENICE_ADMIN_KEY_ followed by letters and digits.',
      }
    }
    return { ok: true, secret: new Secret(value, match[1] as KeyType) }
  }

  expose(): string {
    return this.#value
  }

  toString(): string {
    return `VENICE_${this.type}_KEY_…${this.last6}`
  }

  toJSON(): string {
    return this.toString()
  }
}

const SECRET_ANYWHERE = /VENICE_(INFERENCE|ADMIN)_KEY_[A-Za-z0-9_-]+/g

/** Strips anything secret-shaped from text that will be shown or logged (e.g. a server message). */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_ANYWHERE, 'VENICE_$1_KEY_[redacted]')
}
