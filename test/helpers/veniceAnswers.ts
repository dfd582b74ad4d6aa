/**
 * Builders for what Venice answers, as it sends them (before the app's schemas read them): each
 * gives a typical value, and takes the fields a test cares about as overrides.
 */
import type * as v from 'valibot'
import type {
  apiKeyResponse,
  billingBalanceResponse,
  RateLimitBreach,
  rateLimitsResponse,
  usageAnalyticsResponse,
} from '../../src/venice/schemas'

/** A key as `GET /api_keys` lists it; Venice also sends the legacy `vcu` amounts the app drops. */
export type ListedKey = v.InferInput<typeof apiKeyResponse>['data'] & {
  consumptionLimits?: { vcu?: number | null }
  usage?: { trailingSevenDays?: { vcu?: string } }
}

export function apiKey(change: Partial<ListedKey> = {}): ListedKey {
  return {
    id: '8d0b8c3e-4a3b-4c43-9d0e-1d5c2f1a7b10',
    apiKeyType: 'INFERENCE',
    description: 'My agent',
    createdAt: '2026-04-01T10:00:00.000Z',
    expiresAt: null,
    lastUsedAt: null,
    last6Chars: 'b7C1xz',
    consumptionLimits: { usd: null, diem: null, vcu: null },
    limitPeriod: 'EPOCH',
    modelPrivacy: 'ALL',
    usage: { trailingSevenDays: { usd: '0.0000', vcu: '0.0000', diem: '0.0000' } },
    ...change,
  }
}

/** One item of `GET /api_keys/rate_limits/log`. */
export function breach(change: Partial<RateLimitBreach> = {}): RateLimitBreach {
  return {
    apiKeyId: '8d0b8c3e-4a3b-4c43-9d0e-1d5c2f1a7b10',
    modelId: 'zai-org-glm-5-1',
    rateLimitType: 'RPM',
    rateLimitTier: 'paid',
    timestamp: '2026-04-20T10:00:00.000Z',
    ...change,
  }
}

export type BillingBalanceAnswer = v.InferInput<typeof billingBalanceResponse>

/** `GET /billing/balance`. */
export function billingBalance(change: Partial<BillingBalanceAnswer> = {}): BillingBalanceAnswer {
  return {
    canConsume: true,
    consumptionCurrency: 'DIEM',
    balances: { diem: 80.5, usd: 12, bundledCredits: null, earnedCredits: 0 },
    diemEpochAllocation: 100,
    ...change,
  }
}

/** `GET /billing/usage-analytics`, unwrapped (Venice may also wrap it in `data`). */
export type UsageAnswer = Exclude<v.InferInput<typeof usageAnalyticsResponse>, { data: unknown }>

export function usageAnalytics(change: Partial<UsageAnswer> = {}): UsageAnswer {
  return {
    byDate: [
      { date: '2026-04-19', USD: 1.5, DIEM: 0 },
      { date: '2026-04-20', USD: 0, DIEM: 3.25 },
    ],
    byModel: [
      { modelName: 'zai-org-glm-5-1', unitType: 'TOKENS', modelType: 'text', totalUsd: 1.5, totalDiem: 3.25, totalUnits: 120000 },
    ],
    byKey: [{ apiKeyId: null, description: 'Web app', totalUsd: 1.5, totalDiem: 0, totalUnits: 100 }],
    ...change,
  }
}

export type RateLimitsData = v.InferInput<typeof rateLimitsResponse>['data']

/** `GET /api_keys/rate_limits`: a paid key with three balances and one model. */
export function rateLimitsAnswer(change: Partial<RateLimitsData> = {}): { data: RateLimitsData } {
  return {
    data: {
      accessPermitted: true,
      apiTier: { id: 'paid', isCharged: true },
      balances: { USD: 50.23, DIEM: 100.023, BUNDLED_CREDITS: 25 },
      keyExpiration: null,
      nextEpochBegins: '2026-04-21T00:00:00.000Z',
      rateLimits: [
        {
          apiModelId: 'zai-org-glm-5-1',
          rateLimits: [
            { type: 'RPM', amount: 100 },
            { type: 'TPM', amount: 2000000 },
          ],
        },
      ],
      ...change,
    },
  }
}
