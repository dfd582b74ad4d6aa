/**
 * Every Venice request body and response shape this app uses (see docs/venice-api.md). Responses are
 * validated at runtime before use; unknown extra fields are tolerated and dropped.
 */
import * as v from 'valibot'
import type { Address, Hex } from 'viem'
import type { KeyType } from './secret'

export const KEY_TYPES = ['INFERENCE', 'ADMIN'] as const satisfies readonly KeyType[]
export const LIMIT_PERIODS = ['EPOCH', 'MONTH', 'LIFETIME'] as const
export const MODEL_PRIVACIES = ['ALL', 'PRIVATE_TEXT', 'PRIVATE_ONLY'] as const
export { MAX_CONSUMPTION_LIMIT, MAX_DESCRIPTION_LENGTH } from './limits'

export type LimitPeriod = (typeof LIMIT_PERIODS)[number]
export type ModelPrivacy = (typeof MODEL_PRIVACIES)[number]

// ---- request bodies ----

/** Each currency: a cap, or null for no cap. */
export interface ConsumptionLimit {
  usd: number | null
  diem: number | null
}

/** The optional settings shared by the wallet mint and `POST /api_keys`. Absent = Venice's default. */
export interface KeyOptions {
  description?: string
  /** "" = never, `YYYY-MM-DD`, or a UTC datetime */
  expiresAt?: string
  consumptionLimit?: ConsumptionLimit
  limitPeriod?: LimitPeriod
  modelPrivacy?: ModelPrivacy
}

/** The POST repeats what was signed: `token` in the token flow, `message` in the challenge flow. */
export type Web3MintBody = KeyOptions & {
  address: Address
  signature: Hex
  apiKeyType: KeyType
} & ({ token: string; message?: never } | { message: string; token?: never })

export interface CreateKeyBody extends KeyOptions {
  apiKeyType: KeyType
  description: string
}

export interface UpdateKeyBody {
  id: string
  description?: string
  /** null removes the expiry */
  expiresAt?: string | null
  /** a currency set to null removes that cap */
  consumptionLimit?: Partial<ConsumptionLimit>
  limitPeriod?: LimitPeriod
  modelPrivacy?: ModelPrivacy
}

// ---- responses ----

const keyType = v.picklist(KEY_TYPES)
const limitPeriod = v.picklist(LIMIT_PERIODS)
const modelPrivacy = v.picklist(MODEL_PRIVACIES)
const nullableNumber = v.nullish(v.number(), null)
const secretString = v.pipe(v.string(), v.regex(/^VENICE_(INFERENCE|ADMIN)_KEY_/))

/** Either version of the sign-in GET: which one, and whether it may be signed, is signIn.ts's call. */
export const web3SignInResponse = v.object({
  data: v.object({ token: v.optional(v.unknown()), message: v.optional(v.unknown()), expiresAt: v.optional(v.unknown()) }),
})

export const createdKeyResponse = v.object({
  data: v.object({
    id: v.string(),
    apiKey: secretString,
    apiKeyType: keyType,
    description: v.optional(v.string()),
    expiresAt: v.nullish(v.string()),
    // Unreliable on the wallet path (docs/venice-api.md): shown only as "requested", never as truth.
    consumptionLimit: v.nullish(v.object({ usd: nullableNumber, diem: nullableNumber })),
    limitPeriod: v.nullish(limitPeriod),
    modelPrivacy: v.nullish(modelPrivacy),
  }),
})
export type CreatedKey = v.InferOutput<typeof createdKeyResponse>['data']

const rateLimitType = v.picklist(['RPM', 'RPD', 'TPM'])
export type RateLimitType = v.InferOutput<typeof rateLimitType>

export const rateLimitsResponse = v.object({
  data: v.object({
    accessPermitted: v.boolean(),
    apiTier: v.object({ id: v.string(), isCharged: v.boolean() }),
    balances: v.object({
      USD: v.optional(v.number()),
      DIEM: v.optional(v.number()),
      BUNDLED_CREDITS: v.optional(v.number()),
    }),
    keyExpiration: v.nullish(v.string(), null),
    nextEpochBegins: v.string(),
    rateLimits: v.array(
      v.object({
        apiModelId: v.string(),
        rateLimits: v.array(v.object({ type: rateLimitType, amount: v.number() })),
      }),
    ),
  }),
})
export type RateLimits = v.InferOutput<typeof rateLimitsResponse>['data']

// ---- key management and billing (ADMIN) ----

/** `usage` amounts come as strings with 4 decimals; numbers are accepted too. */
const amount = v.pipe(v.union([v.number(), v.pipe(v.string(), v.regex(/^-?\d+(\.\d+)?$/))]), v.transform(Number), v.finite())
const spend = v.object({ usd: amount, diem: amount })

/** A key as `GET /api_keys`, `GET /api_keys/{id}` and `PATCH /api_keys` describe it. Never holds the secret. */
const apiKeySchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  apiKeyType: keyType,
  description: v.optional(v.string(), ''),
  createdAt: v.string(),
  expiresAt: v.nullish(v.string(), null),
  lastUsedAt: v.nullish(v.string(), null),
  last6Chars: v.string(),
  // `vcu` is the legacy alias of diem: dropped.
  consumptionLimits: v.optional(v.object({ usd: nullableNumber, diem: nullableNumber }), { usd: null, diem: null }),
  limitPeriod: limitPeriod,
  modelPrivacy: modelPrivacy,
  usage: v.optional(v.object({ trailingSevenDays: v.optional(spend) })),
  /** Only when the key has a limit. */
  currentPeriodUsage: v.optional(spend),
})
export type ApiKey = v.InferOutput<typeof apiKeySchema>

export const apiKeyListResponse = v.object({ data: v.array(apiKeySchema) })
export const apiKeyResponse = v.object({ data: apiKeySchema })
export const deletedKeyResponse = v.object({ success: v.literal(true) })

/** Documented breach types; others are shown as Venice names them. */
export type BreachType = 'RPM' | 'RPD' | 'TPM' | 'FAILED_REQUESTS' | 'UNSUPPORTED_FEATURE_REQUESTS'

export const rateLimitLogResponse = v.object({
  data: v.array(
    v.object({
      apiKeyId: v.nullish(v.string(), null),
      /** A model id, or `endpoint:api/v1/...`, or `model:unknown`. */
      modelId: v.nullish(v.string(), null),
      rateLimitType: v.string(),
      rateLimitTier: v.nullish(v.string(), null),
      timestamp: v.string(),
    }),
  ),
})
export type RateLimitBreach = v.InferOutput<typeof rateLimitLogResponse>['data'][number]

/** What is spent first, in this order (docs/venice-api.md). */
export const CONSUMPTION_CURRENCIES = ['DIEM', 'EARNED_CREDITS', 'BUNDLED_CREDITS', 'USD'] as const
export type ConsumptionCurrency = (typeof CONSUMPTION_CURRENCIES)[number]

export const billingBalanceResponse = v.object({
  canConsume: v.boolean(),
  consumptionCurrency: v.nullish(v.picklist(CONSUMPTION_CURRENCIES), null),
  balances: v.object({
    diem: nullableNumber,
    usd: nullableNumber,
    bundledCredits: nullableNumber,
    earnedCredits: nullableNumber,
  }),
  diemEpochAllocation: v.nullish(v.number(), null),
})
export type BillingBalance = v.InferOutput<typeof billingBalanceResponse>

export const USAGE_LOOKBACKS = ['7d', '30d', '90d'] as const
export type UsageLookback = (typeof USAGE_LOOKBACKS)[number]

const usageAnalytics = v.object({
  byDate: v.array(v.object({ date: v.pipe(v.string(), v.isoDate()), USD: amount, DIEM: amount })),
  byModel: v.optional(
    v.array(
      v.object({
        modelName: v.string(),
        unitType: v.nullish(v.string(), null),
        modelType: v.nullish(v.string(), null),
        totalUsd: amount,
        totalDiem: amount,
        totalUnits: v.nullish(amount, null),
      }),
    ),
    [],
  ),
  byKey: v.optional(
    v.array(
      v.object({
        apiKeyId: v.nullish(v.string(), null),
        description: v.nullish(v.string(), null),
        totalUsd: amount,
        totalDiem: amount,
        totalUnits: v.nullish(amount, null),
      }),
    ),
    [],
  ),
  // byModelDaily / byKeyDaily (chart rows) are not used: dropped.
})
export type UsageAnalytics = v.InferOutput<typeof usageAnalytics>

/** The contract does not say whether the aggregates are wrapped in `data`: both are accepted. */
export const usageAnalyticsResponse = v.pipe(
  v.union([v.object({ data: usageAnalytics }), usageAnalytics]),
  v.transform((response): UsageAnalytics => ('data' in response ? response.data : response)),
)
