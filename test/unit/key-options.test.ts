import { describe, expect, it } from 'vitest'
import { DEFAULT_DRAFT, parseLimit, validateKeyOptions, type KeyOptionsDraft } from '../../src/features/key-options/keyOptions'

const NOW = new Date('2026-04-20T15:30:00Z')
const validate = (change: Partial<KeyOptionsDraft>) => validateKeyOptions({ ...DEFAULT_DRAFT, ...change }, NOW)

function optionsOf(change: Partial<KeyOptionsDraft>) {
  const result = validate(change)
  if (!result.ok) throw new Error(`expected valid options, got ${JSON.stringify(result.errors)}`)
  return result.options
}

function errorsOf(change: Partial<KeyOptionsDraft>) {
  const result = validate(change)
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.options)}`)
  return result.errors
}

describe('validateKeyOptions', () => {
  it('turns the defaults into an empty options object', () => {
    expect(validate({})).toEqual({ ok: true, apiKeyType: 'INFERENCE', options: {} })
  })

  it('carries the key type outside the options', () => {
    expect(validate({ apiKeyType: 'ADMIN' })).toEqual({ ok: true, apiKeyType: 'ADMIN', options: {} })
  })

  it('includes only the fields that were changed', () => {
    expect(optionsOf({ description: 'Agent key' })).toEqual({ description: 'Agent key' })
    expect(optionsOf({ limitPeriod: 'LIFETIME' })).toEqual({ limitPeriod: 'LIFETIME' })
    expect(optionsOf({ modelPrivacy: 'PRIVATE_ONLY' })).toEqual({ modelPrivacy: 'PRIVATE_ONLY' })
    expect(optionsOf({ expiry: 'date', expiryDate: '2026-05-01' })).toEqual({ expiresAt: '2026-05-01' })
  })

  it('treats the default description, even padded, as unchanged and trims others', () => {
    expect(optionsOf({ description: '  Web3 API Key ' })).toEqual({})
    expect(optionsOf({ description: '  My agent  ' })).toEqual({ description: 'My agent' })
  })

  it('ignores a leftover date when the key never expires', () => {
    expect(optionsOf({ expiry: 'never', expiryDate: '2020-01-01' })).toEqual({})
  })

  describe('description', () => {
    it('accepts 64 characters and rejects 65', () => {
      expect(optionsOf({ description: 'x'.repeat(64) })).toEqual({ description: 'x'.repeat(64) })
      expect(errorsOf({ description: 'x'.repeat(65) }).description).toBe('At most 64 characters (65 now).')
    })

    it('rejects an empty or blank description', () => {
      expect(errorsOf({ description: '' }).description).toBe('Give the key a description.')
      expect(errorsOf({ description: '   ' }).description).toBe('Give the key a description.')
    })
  })

  describe('expiry date (UTC)', () => {
    it('accepts tomorrow', () => {
      expect(optionsOf({ expiry: 'date', expiryDate: '2026-04-21' })).toEqual({ expiresAt: '2026-04-21' })
    })

    it('rejects today and the past', () => {
      expect(errorsOf({ expiry: 'date', expiryDate: '2026-04-20' }).expiryDate).toMatch(/after today/)
      expect(errorsOf({ expiry: 'date', expiryDate: '2025-12-31' }).expiryDate).toMatch(/after today/)
    })

    it('uses the UTC day, not the local one', () => {
      const lateUtc = new Date('2026-04-20T23:59:59Z')
      expect(validateKeyOptions({ ...DEFAULT_DRAFT, expiry: 'date', expiryDate: '2026-04-21' }, lateUtc).ok).toBe(true)
      const nextUtcDay = new Date('2026-04-21T00:00:00Z')
      expect(validateKeyOptions({ ...DEFAULT_DRAFT, expiry: 'date', expiryDate: '2026-04-21' }, nextUtcDay).ok).toBe(false)
    })

    it.each(['', 'tomorrow', '21/04/2026', '2026-4-21', '2026-13-01', '2026-04-31', '2027-02-30', '2027-02-29'])(
      'rejects %j',
      (expiryDate) => {
        expect(errorsOf({ expiry: 'date', expiryDate }).expiryDate).toBe('Pick a date.')
      },
    )

    it('accepts a leap day', () => {
      expect(optionsOf({ expiry: 'date', expiryDate: '2028-02-29' })).toEqual({ expiresAt: '2028-02-29' })
    })
  })

  describe('consumption limits', () => {
    it('sends no consumptionLimit when both are empty (no cap)', () => {
      expect(optionsOf({ usdLimit: '  ', diemLimit: '' })).toEqual({})
    })

    it('sends both currencies, null for the one left empty', () => {
      expect(optionsOf({ usdLimit: '12.5' })).toEqual({ consumptionLimit: { usd: 12.5, diem: null } })
      expect(optionsOf({ diemLimit: '3' })).toEqual({ consumptionLimit: { usd: null, diem: 3 } })
      expect(optionsOf({ usdLimit: '1', diemLimit: '2' })).toEqual({ consumptionLimit: { usd: 1, diem: 2 } })
    })

    it('accepts 0 and the maximum 9999999999', () => {
      expect(optionsOf({ usdLimit: '0' })).toEqual({ consumptionLimit: { usd: 0, diem: null } })
      expect(optionsOf({ diemLimit: '9999999999' })).toEqual({ consumptionLimit: { usd: null, diem: 9_999_999_999 } })
    })

    it.each(['10000000000', '-1', '1e5', 'abc', '0x10', '.5', '5.', 'Infinity', '$5'])('rejects %j', (text) => {
      const errors = errorsOf({ usdLimit: text, diemLimit: text })
      expect(errors.usdLimit).toMatch(/from 0 to 9,999,999,999/)
      expect(errors.diemLimit).toMatch(/from 0 to 9,999,999,999/)
    })

    it('reports every bad field at once', () => {
      expect(Object.keys(errorsOf({ description: '', usdLimit: '-1', expiry: 'date', expiryDate: '' })).sort()).toEqual([
        'description',
        'expiryDate',
        'usdLimit',
      ])
    })
  })
})

describe('parseLimit', () => {
  it('reads empty as no cap and trims', () => {
    expect(parseLimit('')).toEqual({ ok: true, value: null })
    expect(parseLimit(' 42 ')).toEqual({ ok: true, value: 42 })
  })

  it('explains a comma instead of guessing whether it is a decimal or a thousands separator', () => {
    for (const text of ['1,5', '1,000']) {
      expect(parseLimit(text)).toEqual({ ok: false, error: 'Use a dot for decimals and no thousands separator: 1.5 or 1000.' })
    }
  })
})
