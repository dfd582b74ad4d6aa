import { enumWords } from '../../ui/enumWords'
import type { ApiKey, BreachType, ConsumptionCurrency, LimitPeriod } from '../../venice/schemas'
import { formatAmount, formatUsd } from '../../ui/format'
import { clip } from '../../ui/clip'

const PERIOD_WORDS: Record<LimitPeriod, string> = { EPOCH: 'per day', MONTH: 'per month', LIFETIME: 'lifetime' }

export const CURRENCY_WORDS: Record<ConsumptionCurrency, string> = {
  DIEM: 'DIEM',
  EARNED_CREDITS: 'Earned credits',
  BUNDLED_CREDITS: 'Bundled credits',
  USD: 'USD',
}

const BREACH_WORDS: Record<BreachType, string> = {
  RPM: 'Too many requests in a minute (requests per minute for this model and tier)',
  RPD: 'Too many requests in a day (requests per day for this model and tier)',
  TPM: 'Too many tokens in a minute (tokens per minute for this model and tier)',
  FAILED_REQUESTS:
    'Too many failing requests: more than 50 client errors (4xx other than 429) in 30 seconds, so the key was locked out for 30 seconds',
  UNSUPPORTED_FEATURE_REQUESTS: 'Repeated requests for a feature the model or endpoint does not support',
}

export function breachWords(type: string): string {
  return (BREACH_WORDS as Record<string, string | undefined>)[type] ?? `A limit Venice calls ${type}`
}

/** `endpoint:api/v1/...`, `model:unknown` or a model id, in words. */
export function modelWords(modelId: string | null): string {
  if (modelId === null || modelId === '' || modelId === 'model:unknown') return 'Unknown model'
  if (modelId.startsWith('endpoint:')) return `Endpoint /${modelId.slice('endpoint:'.length).replace(/^\/+/, '')}`
  if (modelId.startsWith('model:')) return modelId.slice('model:'.length)
  return modelId
}

export function limitWords(key: Pick<ApiKey, 'consumptionLimits' | 'limitPeriod'>): string {
  const { usd, diem } = key.consumptionLimits
  const caps = [usd === null ? undefined : formatUsd(usd), diem === null ? undefined : `${formatAmount(diem)} DIEM`].filter(
    Boolean,
  )
  return caps.length === 0 ? 'No cap' : `${caps.join(' and ')} ${enumWords(PERIOD_WORDS, key.limitPeriod)}`
}

/** Venice caps descriptions at 64 characters today; a longer one is cut where it is shown. */
export const DESCRIPTION_LIMIT = 80

/** How a key is named to people: its description and the last characters of its secret. */
export function keyName(key: Pick<ApiKey, 'description' | 'last6Chars'>): string {
  return `${key.description ? clip(key.description, DESCRIPTION_LIMIT) : 'Untitled key'} (…${key.last6Chars})`
}

export const RESET_WORDS: Record<LimitPeriod, string> = {
  EPOCH: 'Every day, 00:00 UTC',
  MONTH: 'Monthly, on the 1st',
  LIFETIME: 'Never (a lifetime total)',
}
