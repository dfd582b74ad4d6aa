import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { draftFromKey, editDiff } from '../../src/features/admin/editDiff'
import { apiKeyResponse, type ApiKey } from '../../src/venice/schemas'
import { apiKey } from '../helpers/veniceAnswers'

const NOW = new Date('2026-04-20T12:00:00.000Z')

/** The key as the app holds it once Venice's answer went through the schema. */
const key: ApiKey = v.parse(apiKeyResponse, {
  data: apiKey({
    id: 'key-1',
    description: 'CI runner',
    expiresAt: '2026-06-01T00:00:00.000Z',
    last6Chars: 'abc123',
    consumptionLimits: { usd: 10, diem: 2.5 },
    currentPeriodUsage: { usd: 0, diem: 0 },
  }),
}).data

const edit = (change: Partial<ReturnType<typeof draftFromKey>>, from: ApiKey = key) =>
  editDiff(from, { ...draftFromKey(from), ...change }, NOW)

describe('draftFromKey', () => {
  it('fills the form from the key as loaded', () => {
    expect(draftFromKey(key)).toEqual({
      apiKeyType: 'INFERENCE',
      description: 'CI runner',
      expiry: 'date',
      expiryDate: '2026-06-01',
      usdLimit: '10',
      diemLimit: '2.5',
      limitPeriod: 'EPOCH',
      modelPrivacy: 'ALL',
    })
    expect(draftFromKey({ ...key, expiresAt: null, consumptionLimits: { usd: null, diem: null } })).toMatchObject({
      expiry: 'never',
      expiryDate: '',
      usdLimit: '',
      diemLimit: '',
    })
  })
})

describe('editDiff', () => {
  it('sends nothing when nothing changed, even for values the form cannot show exactly', () => {
    expect(edit({})).toEqual({ ok: true, body: null })
    // An expiry at a time of day, a description the validator would refuse today: untouched, unsent.
    const odd = { ...key, expiresAt: '2026-04-20T18:00:00.000Z', description: '' }
    expect(edit({}, odd)).toEqual({ ok: true, body: null })
  })

  it('sends only the changed description, trimmed', () => {
    expect(edit({ description: '  Nightly CI  ' })).toEqual({ ok: true, body: { id: 'key-1', description: 'Nightly CI' } })
    expect(edit({ description: ' CI runner ' })).toEqual({ ok: true, body: null })
  })

  it('removing one cap sends null for that currency only', () => {
    expect(edit({ usdLimit: '' })).toEqual({ ok: true, body: { id: 'key-1', consumptionLimit: { usd: null } } })
    expect(edit({ diemLimit: ' ' })).toEqual({ ok: true, body: { id: 'key-1', consumptionLimit: { diem: null } } })
    expect(edit({ usdLimit: '', diemLimit: '' })).toEqual({
      ok: true,
      body: { id: 'key-1', consumptionLimit: { usd: null, diem: null } },
    })
  })

  it('sets or changes a cap, and ignores a retyped equal amount', () => {
    expect(edit({ diemLimit: '7' })).toEqual({ ok: true, body: { id: 'key-1', consumptionLimit: { diem: 7 } } })
    expect(edit({ usdLimit: '10.00' })).toEqual({ ok: true, body: null })
    const uncapped = { ...key, consumptionLimits: { usd: null, diem: null } }
    expect(edit({ usdLimit: '0' }, uncapped)).toEqual({ ok: true, body: { id: 'key-1', consumptionLimit: { usd: 0 } } })
  })

  it('removing the expiry sends null', () => {
    expect(edit({ expiry: 'never' })).toEqual({ ok: true, body: { id: 'key-1', expiresAt: null } })
  })

  it('sets or moves the expiry as a date', () => {
    expect(edit({ expiryDate: '2026-07-01' })).toEqual({ ok: true, body: { id: 'key-1', expiresAt: '2026-07-01' } })
    const never = { ...key, expiresAt: null }
    expect(edit({ expiry: 'date', expiryDate: '2026-05-01' }, never)).toEqual({
      ok: true,
      body: { id: 'key-1', expiresAt: '2026-05-01' },
    })
    expect(edit({ expiry: 'never' }, never)).toEqual({ ok: true, body: null })
  })

  it('sends a changed limit period and model privacy, never the key type', () => {
    expect(edit({ limitPeriod: 'LIFETIME', modelPrivacy: 'PRIVATE_ONLY', apiKeyType: 'ADMIN' })).toEqual({
      ok: true,
      body: { id: 'key-1', limitPeriod: 'LIFETIME', modelPrivacy: 'PRIVATE_ONLY' },
    })
  })

  it('combines several changes into one body', () => {
    expect(edit({ description: 'New', expiry: 'never', usdLimit: '20', modelPrivacy: 'PRIVATE_TEXT' })).toEqual({
      ok: true,
      body: { id: 'key-1', description: 'New', expiresAt: null, consumptionLimit: { usd: 20 }, modelPrivacy: 'PRIVATE_TEXT' },
    })
  })

  it('validates changed fields at the field and sends nothing', () => {
    const result = edit({ description: '', expiryDate: '2026-04-20', usdLimit: '-1', diemLimit: '1e3' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.errors).sort()).toEqual(['description', 'diemLimit', 'expiryDate', 'usdLimit'])
    expect(edit({ description: 'x'.repeat(65) })).toMatchObject({
      ok: false,
      errors: { description: expect.stringContaining('64') },
    })
    expect(edit({ usdLimit: '10000000000' })).toMatchObject({ ok: false, errors: { usdLimit: expect.any(String) } })
  })
})
