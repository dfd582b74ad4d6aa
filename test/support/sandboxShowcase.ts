import type { Address } from 'viem'
import type { TestWorld } from './world'

const DAY_MS = 86_400_000

/**
 * Gives the holder's Venice account something to show on every screen of the ADMIN console: keys
 * of both types with and without limits and expiry, a month of usage, and breaches of each kind.
 * Returns the secrets of two of its keys, for pasting.
 */
export function seedShowcase(world: TestWorld, wallet: Address): { admin: string; inference: string } {
  const control = world.venice.control
  const now = control.clock.now()
  const ago = (days: number) => new Date(now - days * DAY_MS)
  const admin = control.seedKey(wallet, { description: 'Ops console', createdAt: ago(60) })
  const bot = control.seedKey(wallet, {
    apiKeyType: 'INFERENCE',
    description: 'Support chatbot (production)',
    createdAt: ago(45),
    consumptionLimits: { usd: 50 },
    limitPeriod: 'MONTH',
    modelPrivacy: 'PRIVATE_TEXT',
  })
  const batch = control.seedKey(wallet, {
    apiKeyType: 'INFERENCE',
    description: 'Nightly batch',
    createdAt: ago(40),
    consumptionLimits: { usd: 5, diem: 2 },
  })
  control.seedKey(wallet, {
    apiKeyType: 'INFERENCE',
    description: 'Hackathon demo',
    createdAt: ago(20),
    expiresAt: new Date(Math.ceil((now + 10 * DAY_MS) / DAY_MS) * DAY_MS),
    modelPrivacy: 'PRIVATE_ONLY',
  })
  control.simulateUsage(wallet, { days: 30 })
  const breaches = [
    { apiKeyId: bot.id, modelId: 'zai-org-glm-5-1', rateLimitType: 'TPM', hoursAgo: 30 },
    { apiKeyId: batch.id, modelId: 'qwen3-235b', rateLimitType: 'RPD', hoursAgo: 20 },
    { apiKeyId: bot.id, modelId: 'venice-uncensored', rateLimitType: 'RPM', hoursAgo: 6 },
    { apiKeyId: batch.id, modelId: 'endpoint:api/v1/chat/completions', rateLimitType: 'FAILED_REQUESTS', hoursAgo: 2 },
  ] as const
  for (const { hoursAgo, ...breach } of breaches)
    control.recordBreach(wallet, { ...breach, at: new Date(now - hoursAgo * 3_600_000) })
  return { admin: admin.apiKey, inference: bot.apiKey }
}
