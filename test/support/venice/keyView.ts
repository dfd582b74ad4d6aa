import { currentPeriodSpend, trailingSevenDaysSpend } from './usage'
import type { ApiKey, VeniceStore } from './store'

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())
const amount = (value: number) => value.toFixed(4)

/** A key as GET /api_keys, GET /api_keys/{id} and PATCH /api_keys return it. */
export function keyObject(store: VeniceStore, key: ApiKey, now: number) {
  const week = trailingSevenDaysSpend(store, key, now)
  const { usd, diem } = key.consumptionLimits
  const hasLimit = usd !== null || diem !== null
  const period = hasLimit ? currentPeriodSpend(store, key, now) : undefined
  return {
    id: key.id,
    apiKeyType: key.apiKeyType,
    description: key.description,
    createdAt: iso(key.createdAt),
    expiresAt: iso(key.expiresAt),
    lastUsedAt: iso(key.lastUsedAt),
    last6Chars: key.secret.slice(-6),
    consumptionLimits: { usd, diem, vcu: diem },
    limitPeriod: key.limitPeriod,
    modelPrivacy: key.modelPrivacy,
    usage: { trailingSevenDays: { usd: amount(week.usd), vcu: amount(week.diem), diem: amount(week.diem) } },
    ...(period && { currentPeriodUsage: { usd: amount(period.usd), diem: amount(period.diem) } }),
  }
}

/** The create/mint response's data: the only time the secret is shown. */
export function createdKey(key: ApiKey, consumptionLimit: { usd: number | null; diem: number | null }) {
  return {
    id: key.id,
    apiKey: key.secret,
    apiKeyType: key.apiKeyType,
    description: key.description,
    expiresAt: iso(key.expiresAt),
    consumptionLimit,
    limitPeriod: key.limitPeriod,
    modelPrivacy: key.modelPrivacy,
  }
}
