import { useCallback, useState } from 'react'
import {
  encodeFunctionData,
  type Abi,
  type Address,
  type ContractFunctionName,
  type ContractFunctionParameters,
  type Hash,
} from 'viem'
import { simulateCalls } from 'viem/actions'
import { useAccount, useConfig } from 'wagmi'
import {
  getPublicClient,
  sendCalls,
  simulateContract,
  waitForCallsStatus,
  waitForTransactionReceipt,
  writeContract,
} from 'wagmi/actions'
import { base } from 'wagmi/chains'
import { describeTxError } from './describeTxError'

/** One contract write, typed against its ABI by `call()`. */
export type Call = ContractFunctionParameters<Abi, 'nonpayable'> & { address: Address }

export function call<const abi extends Abi, name extends ContractFunctionName<abi, 'nonpayable'>>(
  parameters: ContractFunctionParameters<abi, 'nonpayable', name> & { address: Address },
): Call {
  return parameters as unknown as Call
}

export interface Step {
  /** What the user approves, in words: "Approve exactly 10 VVV for staking". */
  label: string
  call: Call
}

export type TxState =
  | { phase: 'idle' }
  | { phase: 'checking'; label: string }
  /** The simulation reverted: nothing was sent. */
  | { phase: 'refused'; label: string; reason: string }
  | { phase: 'wallet'; label: string }
  | { phase: 'submitted'; label: string; hash?: Hash | undefined }
  | { phase: 'confirmed'; label: string; hash?: Hash | undefined }
  | { phase: 'failed'; label: string; reason: string; hash?: Hash | undefined }
  | { phase: 'declined'; label: string }

const encoded = ({ call }: Step) => ({ to: call.address, data: encodeFunctionData(call) })

const BUSY = new Set<TxState['phase']>(['checking', 'wallet', 'submitted'])
export const isBusy = (state: TxState) => BUSY.has(state.phase)

/**
 * Runs writes one after the other: each is simulated against the chain first (a revert stops
 * there, nothing sent), then sent through the wallet and followed until mined. `onMined` runs
 * after every mined step (to read the position again).
 */
export function useTransaction(onMined: () => unknown) {
  const config = useConfig()
  const { address } = useAccount()
  const [state, setState] = useState<TxState>({ phase: 'idle' })

  const fail = useCallback((label: string, error: unknown, hash?: Hash) => {
    const words = describeTxError(error)
    setState(words.declined ? { phase: 'declined', label } : { phase: 'failed', label, reason: words.reason, hash })
  }, [])

  /** The check before the wallet failed: nothing was sent. */
  const refuse = useCallback((label: string, error: unknown) => {
    const words = describeTxError(error)
    setState(words.declined ? { phase: 'declined', label } : { phase: 'refused', label, reason: words.reason })
  }, [])

  const run = useCallback(
    async (steps: Step[]) => {
      if (!address) return false
      for (const { label, call } of steps) {
        setState({ phase: 'checking', label })
        let request
        try {
          ;({ request } = await simulateContract(config, { ...call, account: address, chainId: base.id }))
        } catch (error) {
          refuse(label, error)
          return false
        }
        setState({ phase: 'wallet', label })
        let hash: Hash
        try {
          hash = await writeContract(config, request)
        } catch (error) {
          fail(label, error)
          return false
        }
        setState({ phase: 'submitted', label, hash })
        try {
          const receipt = await waitForTransactionReceipt(config, { hash, chainId: base.id })
          void onMined()
          if (receipt.status !== 'success') {
            setState({ phase: 'failed', label, hash, reason: 'The transaction was mined but reverted.' })
            return false
          }
        } catch (error) {
          fail(label, error, hash)
          return false
        }
        setState({ phase: 'confirmed', label, hash })
      }
      return true
    },
    [address, config, fail, refuse, onMined],
  )

  /** EIP-5792: all steps in one confirmation. Simulated together first (eth_simulateV1). */
  const runBatch = useCallback(
    async (label: string, steps: Step[]) => {
      if (!address) return false
      setState({ phase: 'checking', label })
      try {
        const client = getPublicClient(config, { chainId: base.id })
        const { results } = await simulateCalls(client, { account: address, calls: steps.map(encoded) })
        const refusal = results.find((result) => result.status === 'failure')
        if (refusal?.status === 'failure') {
          refuse(label, refusal.error)
          return false
        }
      } catch (error) {
        refuse(label, error)
        return false
      }
      setState({ phase: 'wallet', label })
      let id: string
      try {
        ;({ id } = await sendCalls(config, { account: address, chainId: base.id, calls: steps.map(encoded) }))
      } catch (error) {
        fail(label, error)
        return false
      }
      setState({ phase: 'submitted', label })
      try {
        const status = await waitForCallsStatus(config, { id })
        void onMined()
        const hash = status.receipts?.at(-1)?.transactionHash
        if (status.status !== 'success') {
          setState({ phase: 'failed', label, hash, reason: 'The wallet reports that the batch did not go through.' })
          return false
        }
        setState({ phase: 'confirmed', label, hash })
        return true
      } catch (error) {
        fail(label, error)
        return false
      }
    },
    [address, config, fail, refuse, onMined],
  )

  const reset = useCallback(() => setState({ phase: 'idle' }), [])
  return { state, run, runBatch, reset }
}
