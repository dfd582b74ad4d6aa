import { createPublicClient, http } from 'viem'
import { localBase } from '../chain/startChain'
import { FailureBudget } from './budget'
import { ChallengeIssuer } from './challenge'
import { createClock } from './clock'
import type { StakedDiemReader } from './diemCredit'
import type { SignInFlow, StandinState } from './state'
import { VeniceStore } from './store'
import { TokenIssuer } from './token'

/** A fresh stand-in: empty store, its own clock, no failures queued. `apiBase` is read when a challenge names it. */
export function createStandinState({
  apiBase,
  rpcUrl,
  signInFlow = 'token',
  stakedDiem,
}: {
  apiBase: () => string
  rpcUrl: string
  signInFlow?: SignInFlow | undefined
  stakedDiem?: StakedDiemReader | undefined
}): StandinState {
  const clock = createClock()
  return {
    clock,
    store: new VeniceStore(),
    tokens: new TokenIssuer(clock),
    challenges: new ChallengeIssuer(clock, apiBase),
    signInFlow,
    hostileSignIns: [],
    signatureOutages: 0,
    budget: new FailureBudget(),
    chain: createPublicClient({ chain: localBase(rpcUrl), transport: http(rpcUrl) }),
    stakedDiem,
    analyticsCache: new Map(),
    log: [],
    failures: [],
    latencyMs: 0,
    cors: true,
  }
}
