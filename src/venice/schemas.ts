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

/**
 * A value of an enum Venice may extend (a new limit period, rate-limit type, currency…): the
 * known values are typed, any other string is kept as it came, so code must handle it (isKnown).
 */
export type Open<T extends string> = T | (string & { readonly unknownEnumValue?: never })

function openEnum<T extends string>() {
  return v.pipe(
    v.string(),
    v.transform((value) => value as Open<T>),
  )
}

export function isKnown<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value)
}

/** A list whose items are read one by one: an item that does not parse is counted, never fails the others. */
export interface Items<T> {
  items: T[]
  unreadable: number
}

function eachItem<TItem extends v.GenericSchema>(item: TItem) {
  return v.pipe(
    v.array(v.unknown()),
    v.transform((raw): Items<v.InferOutput<TItem>> => {
      const items: v.InferOutput<TItem>[] = []
      for (const candidate of raw) {
        const parsed = v.safeParse(item, candidate)
        if (parsed.success) items.push(parsed.output)
      }
      return { items, unreadable: raw.length - items.length }
    }),
  )
}

const listedKeyType = openEnum<KeyType>()
const limitPeriod = openEnum<LimitPeriod>()
const modelPrivacy = openEnum<ModelPrivacy>()
const nullableNumber = v.nullish(v.number(), null)
const secretString = v.pipe(v.string(), v.regex(/^VENICE_(INFERENCE|ADMIN)_KEY_/))

/** Either version of the sign-in GET: which one, and whether it may be signed, is signIn.ts's call. */
export const web3SignInResponse = v.object({
  data: v.object({ token: v.optional(v.unknown()), message: v.optional(v.unknown()), expiresAt: v.optional(v.unknown()) }),
})

/**
 * A created key's answer (wallet mint, ADMIN create) is read in two steps, so that its secret is
 * never lost to an odd field: first what must be kept (`id`, `apiKey`), strictly; then the rest,
 * leniently. Only the description is used (the limits Venice echoes are unreliable on the wallet
 * path, docs/venice-api.md): a description that is not text is left out, never a failure.
 */
export const createdKeyResponse = v.object({
  data: v.pipe(
    v.looseObject({ id: v.pipe(v.string(), v.minLength(1)), apiKey: secretString }),
    v.transform(({ id, apiKey, description }) => ({
      id,
      apiKey,
      description: typeof description === 'string' ? description : undefined,
    })),
  ),
})
export type CreatedKey = v.InferOutput<typeof createdKeyResponse>['data']

export const RATE_LIMIT_TYPES = ['RPM', 'RPD', 'TPM'] as const
export type RateLimitType = Open<(typeof RATE_LIMIT_TYPES)[number]>

/** Numbers Venice sends as JSON numbers; a numeric string is read too (amounts in `usage` come so). */
const amount = v.pipe(v.union([v.number(), v.pipe(v.string(), v.regex(/^-?\d+(\.\d+)?$/))]), v.transform(Number), v.finite())

export const rateLimitsResponse = v.object({
  data: v.object({
    accessPermitted: v.boolean(),
    apiTier: v.object({ id: v.string(), isCharged: v.boolean() }),
    balances: v.object({
      USD: v.optional(amount),
      DIEM: v.optional(amount),
      BUNDLED_CREDITS: v.optional(amount),
    }),
    keyExpiration: v.nullish(v.string(), null),
    nextEpochBegins: v.string(),
    rateLimits: eachItem(
      v.object({
        apiModelId: v.string(),
        rateLimits: v.array(v.object({ type: openEnum<(typeof RATE_LIMIT_TYPES)[number]>(), amount })),
      }),
    ),
  }),
})
export type RateLimits = v.InferOutput<typeof rateLimitsResponse>['data']

// ---- key management and billing (ADMIN) ----

const spend = v.object({ usd: amount, diem: amount })

/** A key as `GET /api_keys`, `GET /api_keys/{id}` and `PATCH /api_keys` describe it. Never holds the secret. */
const apiKeySchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  apiKeyType: listedKeyType,
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

export const apiKeyListResponse = v.object({ data: eachItem(apiKeySchema) })
export const apiKeyResponse = v.object({ data: apiKeySchema })
export const deletedKeyResponse = v.object({ success: v.literal(true) })

/** Documented breach types; others are shown as Venice names them. */
export type BreachType = 'RPM' | 'RPD' | 'TPM' | 'FAILED_REQUESTS' | 'UNSUPPORTED_FEATURE_REQUESTS'

export const rateLimitLogResponse = v.object({
  data: eachItem(
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
export type RateLimitBreach = v.InferOutput<typeof rateLimitLogResponse>['data']['items'][number]

/** What is spent first, in this order (docs/venice-api.md). */
export const CONSUMPTION_CURRENCIES = ['DIEM', 'EARNED_CREDITS', 'BUNDLED_CREDITS', 'USD'] as const
export type ConsumptionCurrency = (typeof CONSUMPTION_CURRENCIES)[number]

export const billingBalanceResponse = v.object({
  canConsume: v.boolean(),
  consumptionCurrency: v.nullish(openEnum<ConsumptionCurrency>(), null),
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
