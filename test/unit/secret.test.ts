import { describe, expect, it } from 'vitest'
import { Secret, redactSecrets } from '../../src/venice/secret'
import { ADMIN_SECRET_TEXT, INFERENCE_SECRET_TEXT, secretOf } from '../helpers/venice'

describe('Secret.parse', () => {
  it('accepts an INFERENCE key and an ADMIN key, with their type and last six characters', () => {
    const inference = secretOf(INFERENCE_SECRET_TEXT)
    expect(inference.type).toBe('INFERENCE')
    expect(inference.last6).toBe(INFERENCE_SECRET_TEXT.slice(-6))
    expect(inference.expose()).toBe(INFERENCE_SECRET_TEXT)

    const admin = secretOf(ADMIN_SECRET_TEXT)
    expect(admin.type).toBe('ADMIN')
    expect(admin.expose()).toBe(ADMIN_SECRET_TEXT)
  })

  it('trims surrounding whitespace and newlines', () => {
    expect(secretOf(`  \n${INFERENCE_SECRET_TEXT}\t \n`).expose()).toBe(INFERENCE_SECRET_TEXT)
  })

  it('accepts dashes and underscores in the secret part', () => {
    expect(Secret.parse('VENICE_INFERENCE_KEY_ab-cd_ef-gh').ok).toBe(true)
  })

  it('asks for a key when the text is empty', () => {
    const result = Secret.parse('   ')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toBe('Paste a Venice API key.')
  })

  it.each([
    ['an unknown prefix', 'VENICE_OWNER_KEY_abcdefghijkl'],
    ['a lowercase prefix', 'venice_inference_key_abcdefghijkl'],
    ['a key from another provider', 'sk-proj-abcdefghijklmnop'],
    ['a bare prefix', 'VENICE_INFERENCE_KEY_'],
    ['a too-short secret', 'VENICE_INFERENCE_KEY_abc1234'],
    ['inner whitespace', 'VENICE_INFERENCE_KEY_abcd efgh ijkl'],
    ['a quoted key', `"${INFERENCE_SECRET_TEXT}"`],
    ['an env line', `VENICE_API_KEY=${INFERENCE_SECRET_TEXT}`],
    ['a Bearer header', `Bearer ${INFERENCE_SECRET_TEXT}`],
  ])('rejects %s with a reason', (_, text) => {
    const result = Secret.parse(text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toMatch(/VENICE_INFERENCE_KEY_ or VENICE_ADMIN_KEY_/)
  })
})

describe('a Secret never shows its value', () => {
  const secret = secretOf(INFERENCE_SECRET_TEXT)
  const redacted = `VENICE_INFERENCE_KEY_…${INFERENCE_SECRET_TEXT.slice(-6)}`

  it('through toString, String() and a template literal', () => {
    expect(secret.toString()).toBe(redacted)
    expect(String(secret)).toBe(redacted)
    // The point here is what a template literal makes of a Secret.
    // eslint-disable-next-line @typescript-eslint/restrict-template-expressions
    expect(`${secret}`).toBe(redacted)
    // eslint-disable-next-line @typescript-eslint/restrict-template-expressions
    expect(`${secret}`).not.toContain(INFERENCE_SECRET_TEXT)
  })

  it('through toJSON and JSON.stringify, also when nested', () => {
    expect(secret.toJSON()).toBe(redacted)
    expect(JSON.stringify(secret)).toBe(JSON.stringify(redacted))
    const nested = JSON.stringify({ entry: { secret, list: [secret] } })
    expect(nested).not.toContain(INFERENCE_SECRET_TEXT)
    expect(nested).toContain(redacted)
  })

  it('through its enumerable properties', () => {
    expect(Object.values(secret)).not.toContain(INFERENCE_SECRET_TEXT)
    expect(JSON.stringify(Object.entries(secret))).not.toContain(INFERENCE_SECRET_TEXT)
  })
})

describe('redactSecrets', () => {
  it('replaces every secret-shaped run, keeping the key type', () => {
    const text = `bad key ${INFERENCE_SECRET_TEXT}, also "${ADMIN_SECRET_TEXT}".`
    expect(redactSecrets(text)).toBe('bad key VENICE_INFERENCE_KEY_[redacted], also "VENICE_ADMIN_KEY_[redacted]".')
  })

  it('leaves text with no secret alone', () => {
    expect(redactSecrets('Authentication failed')).toBe('Authentication failed')
  })
})
