/**
 * Every Venice request body and response shape this app uses (see venice-api.md). Responses are
 * validated at runtime before use; unknown extra fields are tolerated and dropped.
 */
import * as v from 'valibot'
import type { Address, Hex } from 'viem'
import type { KeyType } from './secret'

export const KEY_TYPES = ['INFERENCE', 'ADMIN'] as const satisfies readonly KeyType[]
export const LIMIT_PERIODS = ['EPOCH', 'MONTH', 'LIFETIME'] as const
export const MODEL_PRIVACIES = ['ALL', 'PRIVATE_TEXT', 'PRIVATE_ONLY'] as const
export const MAX_DESCRIPTION_LENGTH = 64
export const MAX_CONSUMPTION_LIMIT = 9_999_999_999

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

export interface Web3MintBody extends KeyOptions {
  address: Address
  signature: Hex
  token: string
  apiKeyType: KeyType
}

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

export const web3TokenResponse = v.object({ data: v.object({ token: v.pipe(v.string(), v.minLength(1)) }) })

export const createdKeyResponse = v.object({
  data: v.object({
    id: v.string(),
    apiKey: secretString,
    apiKeyType: keyType,
    description: v.optional(v.string()),
    expiresAt: v.nullish(v.string()),
    // Unreliable on the wallet path (venice-api.md): shown only as "requested", never as truth.
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
