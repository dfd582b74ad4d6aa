import { parseUtcDate } from './clock'
import {
  LIMIT_PERIODS,
  MODEL_PRIVACIES,
  type ApiKeyType,
  type ConsumptionLimits,
  type KeySettings,
  type LimitPeriod,
  type ModelPrivacy,
} from './store'
import { enumField, fieldName, stringField, strictObject, type Issues, type JsonObject } from './validation'

/** The optional key settings shared by the wallet mint, POST /api_keys and PATCH /api_keys. */
export const KEY_FIELDS = ['description', 'expiresAt', 'consumptionLimit', 'limitPeriod', 'modelPrivacy'] as const

/** `vcu` is the deprecated alias of `diem`. Absent = not given, null = no cap. */
export type LimitInput = Partial<Record<'usd' | 'diem' | 'vcu', number | null>>

export interface KeyFieldsInput {
  description?: string
  /** null = never expires */
  expiresAt?: number | null
  consumptionLimit?: LimitInput
  limitPeriod?: LimitPeriod
  modelPrivacy?: ModelPrivacy
}

const MAX_DESCRIPTION = 64
const MAX_LIMIT = 9_999_999_999
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/

export function parseKeyFields(
  body: JsonObject,
  issues: Issues,
  now: number,
  options: { descriptionRequired: boolean; expiryMayBeNull: boolean },
): KeyFieldsInput {
  const fields: KeyFieldsInput = {}
  const description = stringField(body, 'description', issues, options.descriptionRequired)
  if (description !== undefined) {
    if (description.length > MAX_DESCRIPTION) {
      issues.push({
        code: 'too_big',
        path: ['description'],
        message: `description must be at most ${MAX_DESCRIPTION} characters`,
      })
    } else {
      fields.description = description
    }
  }
  if (body.expiresAt === null && options.expiryMayBeNull) fields.expiresAt = null
  else {
    const expiresAt = stringField(body, 'expiresAt', issues, false)
    if (expiresAt !== undefined) {
      const parsed = parseExpiry(expiresAt, issues, now)
      if (parsed !== undefined) fields.expiresAt = parsed
    }
  }
  if (body.consumptionLimit !== undefined) {
    const limit = parseLimit(body.consumptionLimit, issues)
    if (limit) fields.consumptionLimit = limit
  }
  const limitPeriod = enumField(body, 'limitPeriod', LIMIT_PERIODS, issues, false)
  if (limitPeriod) fields.limitPeriod = limitPeriod
  const modelPrivacy = enumField(body, 'modelPrivacy', MODEL_PRIVACIES, issues, false)
  if (modelPrivacy) fields.modelPrivacy = modelPrivacy
  return fields
}

function parseExpiry(text: string, issues: Issues, now: number): number | null | undefined {
  if (text === '') return null
  const ms = DATETIME.test(text) && parseUtcDate(text.slice(0, 10)) !== undefined ? Date.parse(text) : parseUtcDate(text)
  if (ms === undefined || Number.isNaN(ms)) {
    issues.push({
      code: 'invalid_string',
      path: ['expiresAt'],
      message: 'expiresAt must be "" (never), a date YYYY-MM-DD or a UTC datetime YYYY-MM-DDTHH:mm:ss[.sss]Z',
    })
    return undefined
  }
  if (ms <= now) {
    issues.push({ code: 'custom', path: ['expiresAt'], message: 'expiresAt must be in the future' })
    return undefined
  }
  return ms
}

function parseLimit(value: unknown, issues: Issues): LimitInput | undefined {
  const limit = strictObject(value, ['usd', 'diem', 'vcu'], issues, ['consumptionLimit'])
  if (!limit) return undefined
  const parsed: LimitInput = {}
  for (const currency of ['usd', 'diem', 'vcu'] as const) {
    const amount = limit[currency]
    if (amount === undefined) continue
    if (amount === null || (typeof amount === 'number' && Number.isFinite(amount) && amount >= 0 && amount <= MAX_LIMIT)) {
      parsed[currency] = amount
    } else {
      const path = ['consumptionLimit', currency]
      issues.push({
        code: typeof amount === 'number' ? 'too_big' : 'invalid_type',
        path,
        message: `${fieldName(path)} must be null or a number from 0 to ${MAX_LIMIT}`,
      })
    }
  }
  return parsed
}

/** Applies given limits over `current`: diem falls back to the legacy vcu when diem itself is absent. */
export function applyLimits(input: LimitInput | undefined, current: ConsumptionLimits): ConsumptionLimits {
  return {
    usd: input?.usd !== undefined ? input.usd : current.usd,
    diem: input?.diem !== undefined ? input.diem : input?.vcu !== undefined ? input.vcu : current.diem,
  }
}

export function newKeySettings(apiKeyType: ApiKeyType, fields: KeyFieldsInput, defaultDescription: string): KeySettings {
  return {
    apiKeyType,
    description: fields.description ?? defaultDescription,
    expiresAt: fields.expiresAt ?? null,
    consumptionLimits: applyLimits(fields.consumptionLimit, { usd: null, diem: null }),
    limitPeriod: fields.limitPeriod ?? 'EPOCH',
    modelPrivacy: fields.modelPrivacy ?? 'ALL',
  }
}
