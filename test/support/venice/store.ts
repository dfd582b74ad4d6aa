import { randomInt, randomUUID } from 'node:crypto'
import { getAddress, type Address } from 'viem'

export const API_KEY_TYPES = ['INFERENCE', 'ADMIN'] as const
export const LIMIT_PERIODS = ['EPOCH', 'MONTH', 'LIFETIME'] as const
export const MODEL_PRIVACIES = ['ALL', 'PRIVATE_TEXT', 'PRIVATE_ONLY'] as const

export type ApiKeyType = (typeof API_KEY_TYPES)[number]
export type LimitPeriod = (typeof LIMIT_PERIODS)[number]
export type ModelPrivacy = (typeof MODEL_PRIVACIES)[number]

/** null = no cap for that currency. */
export interface ConsumptionLimits {
  usd: number | null
  diem: number | null
}

/** null = unknown (omitted from rate_limits, null in billing/balance). USD-denominated except diem. */
export interface AccountBalances {
  usd: number | null
  diem: number | null
  bundledCredits: number | null
  earnedCredits: number | null
  diemEpochAllocation: number
}

export interface RateLimitBreach {
  apiKeyId: string | null
  modelId: string
  rateLimitType: 'RPM' | 'TPM' | 'RPD' | 'FAILED_REQUESTS' | 'UNSUPPORTED_FEATURE_REQUESTS'
  rateLimitTier: string
  timestamp: string
}

export interface Account {
  id: string
  wallet: Address
  balances: AccountBalances
  /** Newest first, at most BREACH_LOG_SIZE. */
  breaches: RateLimitBreach[]
  /** Times of recent POST /api_keys requests, for the per-minute creation cap. */
  creationRequests: number[]
}

export interface KeySettings {
  apiKeyType: ApiKeyType
  description: string
  expiresAt: number | null
  consumptionLimits: ConsumptionLimits
  limitPeriod: LimitPeriod
  modelPrivacy: ModelPrivacy
}

export interface ApiKey extends KeySettings {
  id: string
  accountId: string
  secret: string
  createdAt: number
  lastUsedAt: number | null
}

export interface UsageEntry {
  at: number
  accountId: string
  apiKeyId: string | null
  /** The key's description when the usage happened (the key may be gone since). */
  keyDescription: string
  model: string
  usd: number
  diem: number
  units: number
}

export const MAX_ACTIVE_KEYS = 500
const BREACH_LOG_SIZE = 50
const SECRET_LENGTH = 43
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

const ZERO_BALANCES: AccountBalances = {
  usd: 0,
  diem: 0,
  bundledCredits: 0,
  earnedCredits: 0,
  diemEpochAllocation: 0,
}

function isActive(key: ApiKey, now: number): boolean {
  return key.expiresAt === null || key.expiresAt > now
}

/** Accounts (one per linked wallet), their keys and their usage ledger. */
export class VeniceStore {
  private readonly accounts = new Map<string, Account>()
  private readonly accountsByWallet = new Map<string, Account>()
  private readonly keys = new Map<string, ApiKey>()
  private readonly keysBySecret = new Map<string, ApiKey>()
  readonly usage: UsageEntry[] = []

  findAccount(wallet: Address): Account | undefined {
    return this.accountsByWallet.get(wallet.toLowerCase())
  }

  /** The wallet's account, created and linked on first use. */
  accountFor(wallet: Address): Account {
    const existing = this.findAccount(wallet)
    if (existing) return existing
    const account: Account = {
      id: randomUUID(),
      wallet: getAddress(wallet.toLowerCase()),
      balances: { ...ZERO_BALANCES },
      breaches: [],
      creationRequests: [],
    }
    this.accounts.set(account.id, account)
    this.accountsByWallet.set(wallet.toLowerCase(), account)
    return account
  }

  account(id: string): Account {
    const account = this.accounts.get(id)
    if (!account) throw new Error(`No account ${id}`)
    return account
  }

  createKey(account: Account, settings: KeySettings, now: number): ApiKey {
    const key: ApiKey = {
      ...settings,
      id: randomUUID(),
      accountId: account.id,
      secret: `VENICE_${settings.apiKeyType}_KEY_${randomSecret()}`,
      createdAt: now,
      lastUsedAt: null,
    }
    this.keys.set(key.id, key)
    this.keysBySecret.set(key.secret, key)
    return key
  }

  deleteKey(key: ApiKey): void {
    this.keys.delete(key.id)
    this.keysBySecret.delete(key.secret)
  }

  /** The key behind a secret, unless revoked or expired. */
  keyForSecret(secret: string, now: number): ApiKey | undefined {
    const key = this.keysBySecret.get(secret)
    return key && isActive(key, now) ? key : undefined
  }

  /** An account's key by id, unless revoked or expired. */
  activeKey(accountId: string, id: string, now: number): ApiKey | undefined {
    const key = this.keys.get(id)
    return key && key.accountId === accountId && isActive(key, now) ? key : undefined
  }

  /** Newest first. */
  activeKeys(accountId: string, now: number): ApiKey[] {
    return [...this.keys.values()]
      .filter((key) => key.accountId === accountId && isActive(key, now))
      .sort((a, b) => b.createdAt - a.createdAt)
  }

  recordBreach(account: Account, breach: RateLimitBreach): void {
    account.breaches.unshift(breach)
    account.breaches.length = Math.min(account.breaches.length, BREACH_LOG_SIZE)
  }
}

function randomSecret(): string {
  return Array.from({ length: SECRET_LENGTH }, () => BASE62[randomInt(BASE62.length)]).join('')
}
