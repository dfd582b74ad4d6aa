import { ContractFunctionRevertedError } from 'viem'

interface ErrorChain {
  name?: string
  code?: number
  shortMessage?: string
  message?: string
  cause?: unknown
}

/** The error and its causes (viem's and wagmi's errors both chain through `cause`). */
function* chain(error: unknown): Generator<ErrorChain> {
  let current = error
  for (let depth = 0; depth < 10 && typeof current === 'object' && current !== null; depth++) {
    yield current
    current = (current as ErrorChain).cause
  }
}

/** A failed simulation or transaction in words: a declined request is not an error. */
export function describeTxError(error: unknown): { declined: true } | { declined: false; reason: string } {
  const causes = [...chain(error)]
  if (causes.some((cause) => cause.name === 'UserRejectedRequestError' || cause.code === 4001)) return { declined: true }
  const revert = causes.find(
    (cause) => cause instanceof ContractFunctionRevertedError || cause.name === 'ContractFunctionRevertedError',
  )
  if (revert) {
    const { reason, data } = revert as Partial<ContractFunctionRevertedError>
    return { declined: false, reason: reason ?? data?.errorName ?? revert.shortMessage ?? 'the contract reverted' }
  }
  if (causes.some((cause) => cause.name === 'InsufficientFundsError')) {
    return { declined: false, reason: 'This wallet has too little ETH on Base to pay the network fee.' }
  }
  const first = causes[0]
  return { declined: false, reason: first?.shortMessage ?? first?.message ?? String(error) }
}
