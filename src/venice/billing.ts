import { veniceRequest, type VeniceClient } from './client'
import {
  billingBalanceResponse,
  usageAnalyticsResponse,
  type BillingBalance,
  type UsageAnalytics,
  type UsageLookback,
} from './schemas'
import type { Secret } from './secret'

// ADMIN only. `GET /billing/usage` is retired (always 410): never called.

/** The account's balances and what is spent first. Ignores per-key limits. */
export async function getBillingBalance(client: VeniceClient, secret: Secret, signal?: AbortSignal): Promise<BillingBalance> {
  return veniceRequest(client, { path: '/billing/balance', secret, schema: billingBalanceResponse, signal })
}

/** Spend per day, per model and per key over the last 7, 30 or 90 days. Venice caches it for 10 minutes. */
export async function getUsageAnalytics(
  client: VeniceClient,
  secret: Secret,
  lookback: UsageLookback,
  signal?: AbortSignal,
): Promise<UsageAnalytics> {
  return veniceRequest(client, {
    path: `/billing/usage-analytics?${new URLSearchParams({ lookback }).toString()}`,
    secret,
    schema: usageAnalyticsResponse,
    signal,
  })
}
