import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useReducer, useRef } from 'react'
import type { Address } from 'viem'
import { useSignMessage } from 'wagmi'
import { veniceQueryRoot } from '../../query/queryClient'
import { keepCreatedKey } from '../../session/keepCreatedKey'
import { venice } from '../../venice/instance'
import { getWeb3SignIn, mintWeb3Key } from '../../venice/web3Key'
import type { KeyOptions } from '../../venice/schemas'
import type { KeyType } from '../../venice/secret'
import { initialMintState, mintReducer, type MintEvent } from './mintMachine'
import { prepareMint, signAndMint, type MintDeps, type MintRequest } from './runMint'

/** Said when the user stops waiting for the POST's answer: Venice may still create the key. */
export class AbandonedMint extends Error {
  override name = 'AbandonedMint'
  constructor() {
    super(
      'You stopped waiting after the signed request was sent. Venice may still create the key; this page will not see its secret.',
    )
  }
}

/**
 * The mint state machine wired to the wallet, the Venice API and the keyring. Each attempt has its
 * own AbortController: cancel() or an account switch aborts it, and its late events are dropped.
 */
export function useMint() {
  const [state, rawDispatch] = useReducer(mintReducer, initialMintState)
  const attempt = useRef<{ controller: AbortController; request: MintRequest } | undefined>(undefined)
  const { signMessageAsync } = useSignMessage()
  const queryClient = useQueryClient()

  const depsFor = useCallback(
    (controller: AbortController, options: KeyOptions): MintDeps => ({
      // A GET, so Venice's retry policy applies (the query defaults under veniceQueryRoot);
      // gcTime 0: a token or challenge is one-use, never served from the cache.
      fetchSignIn: (address, signal) => {
        const abort = () => void queryClient.cancelQueries({ queryKey: [...veniceQueryRoot, 'web3SignIn', address] })
        signal.addEventListener('abort', abort, { once: true })
        return queryClient.query({
          queryKey: [...veniceQueryRoot, 'web3SignIn', address],
          queryFn: ({ signal: querySignal }) => getWeb3SignIn(venice, { address, now: Date.now }, querySignal),
          staleTime: 0,
          gcTime: 0,
        })
      },
      sign: (message, address) => signMessageAsync({ message, account: address }),
      post: (body, signal) => mintWeb3Key(venice, body, signal),
      keep: (created) => keepCreatedKey(created, options.description ?? 'Web3 API Key'),
      now: Date.now,
      dispatch: (event: MintEvent) => {
        if (!controller.signal.aborted) rawDispatch(event)
      },
    }),
    [signMessageAsync, queryClient],
  )

  /** Fetch (or reuse) a checked token or challenge and show it for review. */
  const mint = useCallback(
    (address: Address, apiKeyType: KeyType, options: KeyOptions) => {
      attempt.current?.controller.abort()
      const controller = new AbortController()
      attempt.current = { controller, request: { address, apiKeyType, options } }
      return prepareMint(depsFor(controller, options), address, state.held, controller.signal)
    },
    [depsFor, state.held],
  )

  /** The user read the review and asks the wallet to sign. */
  const confirm = useCallback(() => {
    const { status } = state
    const current = attempt.current
    if (status.name !== 'reviewing' || !current) return
    return signAndMint(
      depsFor(current.controller, current.request.options),
      current.request,
      status.signIn,
      current.controller.signal,
    )
  }, [depsFor, state])

  const minting = state.status.name === 'minting'
  /** Before the POST: back to the form, nothing sent. After it: the outcome is unknown, and said so. */
  const cancel = useCallback(() => {
    attempt.current?.controller.abort()
    attempt.current = undefined
    if (minting) rawDispatch({ type: 'failed', error: new AbandonedMint(), keyMayExist: true })
    else rawDispatch({ type: 'cancelled' })
  }, [minting])

  /** The wallet's account changed under a sign-in bound to the old one. */
  const accountChanged = useCallback(() => {
    attempt.current?.controller.abort()
    attempt.current = undefined
    rawDispatch({ type: 'accountChanged' })
  }, [])

  const reset = useCallback(() => rawDispatch({ type: 'reset' }), [])
  return { state, mint, confirm, cancel, accountChanged, reset }
}
