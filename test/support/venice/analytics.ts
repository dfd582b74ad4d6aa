import { DAY_MS, parseUtcDate, startOfUtcDay, utcDate } from './clock'
import { apiError, type ApiResponse } from './http'
import { modelById } from './models'
import type { VeniceStore } from './store'
import { round4 } from './usage'

const LOOKBACK_DAYS: Record<string, number> = { '7d': 7, '30d': 30, '90d': 90 }
const MAX_RANGE_DAYS = 90

export interface DateRange {
  /** UTC midnight of the first day. */
  start: number
  days: number
}

/** `lookback` (7d, the default, 30d or 90d) or `startDate` and `endDate` (YYYY-MM-DD, at most 90 days). */
export function parseRange(query: URLSearchParams, now: number): DateRange | ApiResponse {
  const lookback = query.get('lookback')
  const startDate = query.get('startDate')
  const endDate = query.get('endDate')
  if (startDate === null && endDate === null) {
    const days = LOOKBACK_DAYS[lookback ?? '7d']
    if (days === undefined) return apiError(400, 'lookback must be one of 7d, 30d, 90d')
    return { start: startOfUtcDay(now) - (days - 1) * DAY_MS, days }
  }
  if (lookback !== null) return apiError(400, 'Use either lookback or startDate and endDate, not both')
  if (startDate === null || endDate === null) return apiError(400, 'startDate and endDate must be given together')
  const start = parseUtcDate(startDate)
  const end = parseUtcDate(endDate)
  if (start === undefined || end === undefined) return apiError(400, 'startDate and endDate must be dates YYYY-MM-DD')
  if (end < start) return apiError(400, 'endDate must not be before startDate')
  const days = (end - start) / DAY_MS + 1
  if (days > MAX_RANGE_DAYS) return apiError(400, `The date range must be at most ${MAX_RANGE_DAYS} days`)
  return { start, days }
}

interface Totals {
  totalUsd: number
  totalDiem: number
  totalUnits: number
}

/** Groups entries by `keyOf`, summing their spend; rows come out as `describe(first entry) + totals`. */
function group<E extends { usd: number; diem: number; units: number }, R>(
  entries: E[],
  keyOf: (entry: E) => string,
  describe: (entry: E) => R,
): (R & Totals)[] {
  const groups = new Map<string, R & Totals>()
  for (const entry of entries) {
    const key = keyOf(entry)
    const row = groups.get(key) ?? { ...describe(entry), totalUsd: 0, totalDiem: 0, totalUnits: 0 }
    row.totalUsd += entry.usd
    row.totalDiem += entry.diem
    row.totalUnits += entry.units
    groups.set(key, row)
  }
  return [...groups.values()].map((row) => ({
    ...row,
    totalUsd: round4(row.totalUsd),
    totalDiem: round4(row.totalDiem),
    totalUnits: round4(row.totalUnits),
  }))
}

export function usageAnalytics(store: VeniceStore, accountId: string, range: DateRange) {
  const end = range.start + range.days * DAY_MS
  const entries = store.usage
    .filter((entry) => entry.accountId === accountId && entry.at >= range.start && entry.at < end)
    .map((entry) => ({ ...entry, day: startOfUtcDay(entry.at) }))
  const byDate = Array.from({ length: range.days }, (_, index) => {
    const day = range.start + index * DAY_MS
    const onDay = entries.filter((entry) => entry.day === day)
    return {
      date: utcDate(day),
      USD: round4(onDay.reduce((sum, entry) => sum + entry.usd, 0)),
      DIEM: round4(onDay.reduce((sum, entry) => sum + entry.diem, 0)),
    }
  })
  const model = (entry: { model: string }) => {
    const { unitType, type } = modelById(entry.model)
    return { modelName: entry.model, unitType, modelType: type }
  }
  const key = (entry: { apiKeyId: string | null; keyDescription: string }) => ({
    apiKeyId: entry.apiKeyId,
    description: entry.keyDescription,
  })
  const byUsd = (a: Totals, b: Totals) => b.totalUsd - a.totalUsd || b.totalDiem - a.totalDiem
  const byDay = (a: { date: number }, b: { date: number }) => a.date - b.date
  return {
    startDate: utcDate(range.start),
    endDate: utcDate(end - DAY_MS),
    byDate,
    byModel: group(entries, (entry) => entry.model, model).sort(byUsd),
    byKey: group(entries, (entry) => String(entry.apiKeyId), key).sort(byUsd),
    byModelDaily: group(
      entries,
      (entry) => `${entry.day}|${entry.model}`,
      (entry) => ({ date: entry.day, modelName: entry.model }),
    ).sort(byDay),
    byKeyDaily: group(
      entries,
      (entry) => `${entry.day}|${entry.apiKeyId}`,
      (entry) => ({ date: entry.day, ...key(entry) }),
    ).sort(byDay),
  }
}
