import type { IncomingHttpHeaders } from 'node:http'
import type { Chain, HttpTransport, PublicClient } from 'viem'
import type { FailureBudget } from './budget'
import type { Clock } from './clock'
import type { StakedDiemReader } from './diemCredit'
import type { ApiResponse } from './http'
import type { VeniceStore } from './store'
import type { ChallengeIssuer } from './challenge'
import type { HostileSignIn } from './hostile'
import type { TokenIssuer } from './token'

/** A way for the stand-in to answer the next matching requests instead of handling them. */
export type ForcedFailure =
  /** Any status with any JSON body (default `{"error":"Forced failure"}`). */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** A body that is not valid JSON, with a JSON content type (default status 200). */
  | { kind: 'malformed-json'; status?: number }
  /** Valid JSON of the wrong shape (default status 200). */
  | { kind: 'wrong-shape'; status?: number }
  /** The socket is destroyed without any response, before the request is handled. */
  | { kind: 'drop' }
  /** Never answered: the connection stays open until the client gives up (or the stand-in stops). */
  | { kind: 'hang' }
  /**
   * The request is handled for real (a key is created, changed, revoked), then its answer is lost:
   * the connection dropped, left hanging, or replaced by a status or a body that is not JSON.
   */
  | { kind: 'afterProcessing'; then: 'drop' | 'hang' | 'malformed-json' | { status: number; body?: unknown } }
  /** Handled for real, then the JSON answer is rewritten (a renamed enum, a number sent as a string…). */
  | { kind: 'drift'; rewrite: (body: unknown) => unknown }

export interface FailureRule {
  method: string
  /** Relative to /api/v1, without the query, e.g. "/api_keys/generate_web3_key". */
  path: string
  failure: ForcedFailure
  remaining: number
}

export interface LoggedRequest {
  method: string
  /** As requested, including /api/v1 and the query. */
  path: string
  headers: IncomingHttpHeaders
  /** Parsed JSON, the raw text when it is not JSON, or undefined when empty. */
  body: unknown
  /** What the client received: a status, nothing (`dropped`), or no answer until it gave up (`hung`). */
  status: number | 'dropped' | 'hung'
  /** The status the request was handled with when its answer was then lost or replaced (afterProcessing). */
  processedAs?: number
  /** Server clock, ms since the epoch. */
  time: number
}

/** `token`: Venice's production contract today; `challenge`: its published EIP-4361 fix. */
export type SignInFlow = 'token' | 'challenge'

export interface StandinState {
  clock: Clock
  store: VeniceStore
  tokens: TokenIssuer
  challenges: ChallengeIssuer
  /** Which version of the wallet flow the sign-in GET answers with. */
  signInFlow: SignInFlow
  /** Answers for the next sign-in GETs, in order, instead of an honest token or challenge. */
  hostileSignIns: HostileSignIn[]
  /** How many coming signature checks fail as an RPC outage would. */
  signatureOutages: number
  budget: FailureBudget
  chain: PublicClient<HttpTransport, Chain>
  /** Where staked DIEM is read for the daily credit; without it, balances are only what tests set. */
  stakedDiem: StakedDiemReader | undefined
  /** usage-analytics responses, cached 10 minutes per account and range like the real API. */
  analyticsCache: Map<string, { expiresAt: number; response: ApiResponse }>
  log: LoggedRequest[]
  failures: FailureRule[]
  latencyMs: number
  cors: boolean
}
