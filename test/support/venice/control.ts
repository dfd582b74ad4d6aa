import type { Address } from 'viem'
import type { Clock } from './clock'
import { applyLimits } from './keyFields'
import { modelById } from './models'
import type { HostileSignIn } from './hostile'
import { API_TIER } from './routes/rateLimits'
import type { FailureRule, ForcedFailure, LoggedRequest, SignInFlow, StandinState } from './state'
import type { AccountBalances, ApiKeyType, ConsumptionLimits, LimitPeriod, ModelPrivacy, RateLimitBreach } from './store'
import { syntheticUsage } from './syntheticUsage'

export interface SeedKeyOptions {
  /** Default ADMIN. */
  apiKeyType?: ApiKeyType
  description?: string
  expiresAt?: Date | null
  consumptionLimits?: Partial<ConsumptionLimits>
  limitPeriod?: LimitPeriod
  modelPrivacy?: ModelPrivacy
  /** Backdates the key (e.g. to give it usage history); default now. */
  createdAt?: Date
}

export interface UsageInput {
  /** One of the wallet account's keys, or null for usage outside API keys. */
  apiKeyId: string | null
  model: string
  usd?: number
  diem?: number
  units?: number
  /** Default now. */
  at?: Date
}

/** In-process controls for tests and the sandbox. Wallets are matched case-insensitively. */
export interface VeniceControl {
  /** The server clock (token expiry, epochs, rate-limit windows, usage periods); tests move it with advance(ms). */
  clock: Clock
  requests(): LoggedRequest[]
  clearRequests(): void
  /**
   * Creates the wallet's account (linked as on first mint) if needed. null = unknown (omitted from rate_limits).
   * With a chain (startTestWorld), the daily credit of the DIEM the wallet stakes is added to `diem` and
   * `diemEpochAllocation` when Venice answers; a `diem` of null stays unknown.
   */
  setBalances(wallet: Address, balances: Partial<AccountBalances>): void
  /** What tests set, without the staked DIEM's credit. */
  balances(wallet: Address): AccountBalances | undefined
  /** Creates a key directly for the wallet's account (creating the account if needed) and returns its secret. */
  seedKey(wallet: Address, options?: SeedKeyOptions): { id: string; apiKey: string }
  recordUsage(wallet: Address, usage: UsageInput): void
  /** Logs a rate-limit breach on the wallet's account, as if one of its keys had hit that limit. */
  recordBreach(wallet: Address, breach: Omit<RateLimitBreach, 'rateLimitTier' | 'timestamp'> & { at?: Date }): void
  /** Adds deterministic made-up usage for the account's active keys over the last `days` days (default 30). */
  simulateUsage(wallet: Address, options?: { days?: number }): void
  /** Delay before every response, in real milliseconds. */
  setLatency(ms: number): void
  /** The next `times` (default 1) requests with this method and path (relative to /api/v1, no query) fail so. */
  failNext(match: { method: string; path: string }, failure: ForcedFailure, times?: number): void
  /** Off: no CORS headers at all, so a browser blocks every response. */
  setCors(enabled: boolean): void
  /** Which version of the wallet flow the sign-in GET answers with (and the POST expects) from now on. */
  setSignInFlow(flow: SignInFlow): void
  signInFlow(): SignInFlow
  /** The next sign-in GET answers (200) with this payload instead of an honest token or challenge. */
  answerNextSignInWith(kind: HostileSignIn): void
  /** The next `times` (default 1) signature checks fail as Venice's RPC does ("Could not verify wallet signature"). */
  failNextSignatureChecks(times?: number): void
}

export function createControl(state: StandinState): VeniceControl {
  const { store, clock } = state
  const accountOf = (wallet: Address) => {
    const account = store.findAccount(wallet)
    if (!account) throw new Error(`No Venice account is linked to ${wallet}`)
    return account
  }
  return {
    clock,
    requests: () => [...state.log],
    clearRequests() {
      state.log.length = 0
    },
    setBalances(wallet, balances) {
      const account = store.accountFor(wallet)
      account.balances = { ...account.balances, ...balances }
    },
    balances: (wallet) => {
      const account = store.findAccount(wallet)
      return account && { ...account.balances }
    },
    seedKey(wallet, options = {}) {
      const now = clock.now()
      const key = store.createKey(
        store.accountFor(wallet),
        {
          apiKeyType: options.apiKeyType ?? 'ADMIN',
          description: options.description ?? 'Seeded test key',
          expiresAt: options.expiresAt ? options.expiresAt.getTime() : null,
          consumptionLimits: applyLimits(options.consumptionLimits, { usd: null, diem: null }),
          limitPeriod: options.limitPeriod ?? 'EPOCH',
          modelPrivacy: options.modelPrivacy ?? 'ALL',
        },
        options.createdAt ? Math.min(options.createdAt.getTime(), now) : now,
      )
      return { id: key.id, apiKey: key.secret }
    },
    recordUsage(wallet, usage) {
      const account = accountOf(wallet)
      const at = usage.at ? usage.at.getTime() : clock.now()
      const model = modelById(usage.model)
      const key = usage.apiKeyId === null ? undefined : store.activeKey(account.id, usage.apiKeyId, at)
      if (usage.apiKeyId !== null && !key) throw new Error(`Key ${usage.apiKeyId} is not an active key of ${wallet}`)
      if (key) key.lastUsedAt = Math.max(key.lastUsedAt ?? at, at)
      store.usage.push({
        at,
        accountId: account.id,
        apiKeyId: usage.apiKeyId,
        keyDescription: key?.description ?? 'Web usage',
        model: model.id,
        usd: usage.usd ?? 0,
        diem: usage.diem ?? 0,
        units: usage.units ?? 0,
      })
    },
    recordBreach(wallet, { at, ...breach }) {
      const timestamp = new Date(at ? at.getTime() : clock.now()).toISOString()
      store.recordBreach(accountOf(wallet), { ...breach, rateLimitTier: API_TIER.id, timestamp })
    },
    simulateUsage(wallet, { days = 30 } = {}) {
      store.usage.push(...syntheticUsage(store, accountOf(wallet), clock.now(), days))
    },
    setLatency(ms) {
      state.latencyMs = ms
    },
    failNext({ method, path }, failure, times = 1) {
      const rule: FailureRule = { method: method.toUpperCase(), path, failure, remaining: times }
      state.failures.push(rule)
    },
    setCors(enabled) {
      state.cors = enabled
    },
    setSignInFlow(flow) {
      state.signInFlow = flow
    },
    signInFlow: () => state.signInFlow,
    answerNextSignInWith(kind) {
      state.hostileSignIns.push(kind)
    },
    failNextSignatureChecks(times = 1) {
      state.signatureOutages += times
    },
  }
}
