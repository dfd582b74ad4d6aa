import { DAY_MS, startOfUtcDay } from '../clock'
import { currentBalances } from '../diemCredit'
import { json, type ApiResponse } from '../http'
import { MODELS } from '../models'
import type { KeyContext, Route } from '../router'
import { remainingLimits, round4 } from '../usage'

export const API_TIER = { id: 'paid', isCharged: true }

export const rateLimitRoutes: Route[] = [
  { method: 'GET', path: '/api_keys/rate_limits', access: 'key', handle: rateLimits },
  {
    method: 'GET',
    path: '/api_keys/rate_limits/log',
    access: 'admin',
    handle: ({ account }) => json(200, { object: 'list', data: account.breaches }),
  },
]

/** Reports on the calling key: what it can spend now (account balances clamped to its remaining limits). */
async function rateLimits({ state, key, account, now }: KeyContext): Promise<ApiResponse> {
  const remaining = remainingLimits(state.store, key, now)
  const { usd, diem, bundledCredits, earnedCredits } = await currentBalances(state, account, now)
  const clamp = (balance: number | null, cap: number | null) =>
    balance === null ? undefined : round4(Math.max(0, cap === null ? balance : Math.min(balance, cap)))
  const balances = {
    USD: clamp(usd, remaining.usd),
    DIEM: clamp(diem, remaining.diem),
    BUNDLED_CREDITS: clamp(bundledCredits, remaining.usd),
  }
  const canSpendUsd = remaining.usd === null || remaining.usd > 0
  const canSpendDiem = remaining.diem === null || remaining.diem > 0
  const accessPermitted =
    ((diem ?? 0) > 0 && canSpendDiem) ||
    ([usd, bundledCredits, earnedCredits].some((balance) => (balance ?? 0) > 0) && canSpendUsd)
  return json(200, {
    data: {
      accessPermitted,
      apiTier: API_TIER,
      balances,
      keyExpiration: key.expiresAt === null ? null : new Date(key.expiresAt).toISOString(),
      nextEpochBegins: new Date(startOfUtcDay(now) + DAY_MS).toISOString(),
      rateLimits: MODELS.map((model) => ({ apiModelId: model.id, rateLimits: model.rateLimits })),
    },
  })
}
