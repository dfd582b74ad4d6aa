import { BaseError, ContractFunctionRevertedError, UserRejectedRequestError } from 'viem'

/** A failed simulation or transaction in words: a declined request is not an error. */
export function describeTxError(error: unknown): { declined: true } | { declined: false; reason: string } {
  if (!(error instanceof BaseError)) return { declined: false, reason: error instanceof Error ? error.message : String(error) }
  if (error.walk((cause) => cause instanceof UserRejectedRequestError)) return { declined: true }
  const revert = error.walk((cause) => cause instanceof ContractFunctionRevertedError)
  if (revert instanceof ContractFunctionRevertedError) {
    return { declined: false, reason: revert.reason ?? revert.data?.errorName ?? revert.shortMessage }
  }
  return { declined: false, reason: error.shortMessage }
}
