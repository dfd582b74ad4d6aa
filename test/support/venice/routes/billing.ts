import { usageAnalytics, parseRange } from '../analytics'
import { MINUTE_MS } from '../clock'
import { currentBalances } from '../diemCredit'
import { apiError, json, type ApiResponse } from '../http'
import type { KeyContext, Route } from '../router'
import type { AccountBalances } from '../store'

const ANALYTICS_CACHE_MS = 10 * MINUTE_MS

export const billingRoutes: Route[] = [
  { method: 'GET', path: '/billing/balance', access: 'admin', handle: balance },
  { method: 'GET', path: '/billing/usage-analytics', access: 'admin', handle: analytics },
  {
    method: 'GET',
    path: '/billing/usage',
    access: 'public',
    handle: () => apiError(410, 'This endpoint has been retired. Use /billing/usage-analytics instead.'),
  },
]

/** Spending order is DIEM, earned credits, bundled credits, USD; per-key limits are ignored here. */
function consumptionCurrency(balances: AccountBalances) {
  const order = [
    ['DIEM', balances.diem],
    ['EARNED_CREDITS', balances.earnedCredits],
    ['BUNDLED_CREDITS', balances.bundledCredits],
    ['USD', balances.usd],
  ] as const
  return order.find(([, amount]) => (amount ?? 0) > 0)?.[0] ?? null
}

async function balance({ state, account, now }: KeyContext): Promise<ApiResponse> {
  const balances = await currentBalances(state, account, now)
  const { diem, usd, bundledCredits, earnedCredits, diemEpochAllocation } = balances
  const currency = consumptionCurrency(balances)
  return json(200, {
    canConsume: currency !== null,
    consumptionCurrency: currency,
    balances: { diem, usd, bundledCredits, earnedCredits },
    diemEpochAllocation,
  })
}

function analytics({ state, account, query, now }: KeyContext): ApiResponse {
  const range = parseRange(query, now)
  if ('status' in range) return range
  const cacheKey = `${account.id}|${range.start}|${range.days}`
  const cached = state.analyticsCache.get(cacheKey)
  if (cached && cached.expiresAt > now) return cached.response
  const response = json(200, usageAnalytics(state.store, account.id, range))
  state.analyticsCache.set(cacheKey, { expiresAt: now + ANALYTICS_CACHE_MS, response })
  return response
}
