import {
  MAX_CONSUMPTION_LIMIT,
  MAX_DESCRIPTION_LENGTH,
  type KeyOptions,
  type LimitPeriod,
  type ModelPrivacy,
} from '../../venice/schemas'
import type { KeyType } from '../../venice/secret'

/** What the form holds: exactly what the user typed or picked. */
export interface KeyOptionsDraft {
  apiKeyType: KeyType
  description: string
  expiry: 'never' | 'date'
  expiryDate: string
  usdLimit: string
  diemLimit: string
  limitPeriod: LimitPeriod
  modelPrivacy: ModelPrivacy
}

type KeyOptionsField = keyof KeyOptionsDraft
export type FieldErrors = Partial<Record<KeyOptionsField, string>>

const DEFAULT_DESCRIPTION = 'Web3 API Key'

export const DEFAULT_DRAFT: KeyOptionsDraft = {
  apiKeyType: 'INFERENCE',
  description: DEFAULT_DESCRIPTION,
  expiry: 'never',
  expiryDate: '',
  usdLimit: '',
  diemLimit: '',
  limitPeriod: 'EPOCH',
  modelPrivacy: 'ALL',
}

type ValidatedKeyOptions = { ok: true; apiKeyType: KeyType; options: KeyOptions } | { ok: false; errors: FieldErrors }

const AMOUNT = /^\d+(\.\d+)?$/

/** `YYYY-MM-DD` of the UTC day `now` falls in. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10)
}

export function validateDescription(description: string): string | undefined {
  const trimmed = description.trim()
  if (trimmed === '') return 'Give the key a description.'
  if (trimmed.length > MAX_DESCRIPTION_LENGTH) {
    return `At most ${MAX_DESCRIPTION_LENGTH} characters (${trimmed.length} now).`
  }
  return undefined
}

export function validateExpiryDate(date: string, now: Date): string | undefined {
  // Round-trips, so a day that does not exist (2027-02-29, which Date rolls over to March) is refused.
  const parsed = new Date(`${date}T00:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(parsed.getTime()) || utcDay(parsed) !== date) return 'Pick a date.'
  if (date <= utcDay(now)) return 'Pick a date after today (UTC): the key expires at the start of that day.'
  return undefined
}

/** Empty = no cap. */
export function parseLimit(text: string): { ok: true; value: number | null } | { ok: false; error: string } {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: true, value: null }
  // "1,5" or "1,000": a comma could be either, so it is explained rather than guessed.
  if (trimmed.includes(',')) return { ok: false, error: 'Use a dot for decimals and no thousands separator: 1.5 or 1000.' }
  const value = Number(trimmed)
  if (!AMOUNT.test(trimmed) || !Number.isFinite(value) || value > MAX_CONSUMPTION_LIMIT) {
    return { ok: false, error: 'Enter an amount from 0 to 9,999,999,999, or leave it empty for no cap.' }
  }
  return { ok: true, value }
}

/**
 * Checks the draft and builds the request options. Only what differs from Venice's defaults is
 * included, so the body carries exactly what the user chose.
 */
export function validateKeyOptions(draft: KeyOptionsDraft, now: Date): ValidatedKeyOptions {
  const errors: FieldErrors = {}
  const options: KeyOptions = {}

  const descriptionError = validateDescription(draft.description)
  if (descriptionError) errors.description = descriptionError
  else if (draft.description.trim() !== DEFAULT_DESCRIPTION) options.description = draft.description.trim()

  if (draft.expiry === 'date') {
    const expiryError = validateExpiryDate(draft.expiryDate, now)
    if (expiryError) errors.expiryDate = expiryError
    else options.expiresAt = draft.expiryDate
  }

  const usd = parseLimit(draft.usdLimit)
  const diem = parseLimit(draft.diemLimit)
  if (!usd.ok) errors.usdLimit = usd.error
  if (!diem.ok) errors.diemLimit = diem.error
  if (usd.ok && diem.ok && (usd.value !== null || diem.value !== null)) {
    options.consumptionLimit = { usd: usd.value, diem: diem.value }
  }

  if (draft.limitPeriod !== DEFAULT_DRAFT.limitPeriod) options.limitPeriod = draft.limitPeriod
  if (draft.modelPrivacy !== DEFAULT_DRAFT.modelPrivacy) options.modelPrivacy = draft.modelPrivacy

  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, apiKeyType: draft.apiKeyType, options }
}
