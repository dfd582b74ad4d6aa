import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useReducer } from 'react'
import type { Address } from 'viem'
import { useSignMessage } from 'wagmi'
import { veniceQueryRoot } from '../../query/queryClient'
import { keepCreatedKey } from '../../session/keepCreatedKey'
import { venice } from '../../venice/instance'
import type { KeyOptions } from '../../venice/schemas'
import type { KeyType } from '../../venice/secret'
import { getWeb3Token, mintWeb3Key } from '../../venice/web3Key'
import { initialMintState, mintReducer } from './mintMachine'
import { runMint } from './runMint'

/** The mint state machine wired to the wallet, the Venice API and the keyring. */
export function useMint() {
  const [state, dispatch] = useReducer(mintReducer, initialMintState)
  const { signMessageAsync } = useSignMessage()
  const queryClient = useQueryClient()
  const cachedToken = state.token

  const mint = useCallback(
    (address: Address, apiKeyType: KeyType, options: KeyOptions) =>
      runMint(
        {
          // A GET, so Venice's retry policy applies (the query defaults under veniceQueryRoot);
          // gcTime 0: a token is one-use, never served from the cache.
          fetchToken: () =>
            queryClient.query({
              queryKey: [...veniceQueryRoot, 'web3Token'],
              queryFn: ({ signal }) => getWeb3Token(venice, signal),
              staleTime: 0,
              gcTime: 0,
            }),
          sign: (message) => signMessageAsync({ message }),
          post: (body) => mintWeb3Key(venice, body),
          keep: (created) => keepCreatedKey(created, options.description ?? 'Web3 API Key'),
          now: Date.now,
          dispatch,
        },
        { address, apiKeyType, options, cachedToken },
      ),
    [signMessageAsync, queryClient, cachedToken],
  )

  const reset = useCallback(() => dispatch({ type: 'reset' }), [])
  return { state, mint, reset }
}
