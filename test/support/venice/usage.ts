import { DAY_MS, startOfUtcDay, startOfUtcMonth } from './clock'
import type { ApiKey, LimitPeriod, VeniceStore } from './store'

export interface Spend {
  usd: number
  diem: number
}

export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000
}

/** What a key spent in [from, to). */
function keySpend(store: VeniceStore, keyId: string, from: number, to: number): Spend {
  const spend = { usd: 0, diem: 0 }
  for (const entry of store.usage) {
    if (entry.apiKeyId === keyId && entry.at >= from && entry.at < to) {
      spend.usd += entry.usd
      spend.diem += entry.diem
    }
  }
  return spend
}

/** When the key's current limit period began: EPOCH at UTC midnight, MONTH on the 1st, LIFETIME never resets. */
function periodStart(period: LimitPeriod, now: number): number {
  if (period === 'EPOCH') return startOfUtcDay(now)
  if (period === 'MONTH') return startOfUtcMonth(now)
  return Number.NEGATIVE_INFINITY
}

/** The DIEM the whole account (every key, and usage outside keys) spent in [from, to). */
export function accountDiemSpend(store: VeniceStore, accountId: string, from: number, to: number): number {
  return store.usage
    .filter((entry) => entry.accountId === accountId && entry.at >= from && entry.at < to)
    .reduce((sum, entry) => sum + entry.diem, 0)
}

export function currentPeriodSpend(store: VeniceStore, key: ApiKey, now: number): Spend {
  return keySpend(store, key.id, periodStart(key.limitPeriod, now), now + 1)
}

export function trailingSevenDaysSpend(store: VeniceStore, key: ApiKey, now: number): Spend {
  return keySpend(store, key.id, now - 7 * DAY_MS, now + 1)
}

/** What the key may still spend this period per currency; null where it has no cap. */
export function remainingLimits(store: VeniceStore, key: ApiKey, now: number): { usd: number | null; diem: number | null } {
  const spent = currentPeriodSpend(store, key, now)
  const { usd, diem } = key.consumptionLimits
  return {
    usd: usd === null ? null : Math.max(0, usd - spent.usd),
    diem: diem === null ? null : Math.max(0, diem - spent.diem),
  }
}
