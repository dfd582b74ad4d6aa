import { useCallback, useReducer, useRef } from 'react'
import type { Address } from 'viem'
import { useSignMessage } from 'wagmi'
import { venice } from '../../venice/instance'
import { withRetry } from '../../venice/retry'
import { getWeb3Token, mintWeb3Key } from '../../venice/web3Key'
import type { KeyOptions } from '../../venice/schemas'
import { Secret, type KeyType } from '../../venice/secret'
import { keyring } from '../key/session'
import { initialMintState, mintReducer, type MintState } from './mintMachine'
import { runMint } from './runMint'

/** The mint state machine wired to the wallet, the Venice API and the keyring. */
export function useMint() {
  const [state, dispatch] = useReducer(mintReducer, initialMintState)
  const stateRef = useRef<MintState>(state)
  stateRef.current = state
  const { signMessageAsync } = useSignMessage()

  const mint = useCallback(
    (address: Address, apiKeyType: KeyType, options: KeyOptions) =>
      runMint(
        {
          fetchToken: () => withRetry(() => getWeb3Token(venice)),
          sign: (message) => signMessageAsync({ message }),
          post: (body) => mintWeb3Key(venice, body),
          keep: (created) => {
            const parsed = Secret.parse(created.apiKey)
            if (!parsed.ok) throw new Error('Venice returned a key in an unknown format.')
            return keyring.add({
              secret: parsed.secret,
              type: created.apiKeyType,
              description: created.description ?? options.description ?? 'Web3 API Key',
              origin: 'minted',
              veniceKeyId: created.id,
              unsaved: true,
            }).id
          },
          now: Date.now,
          dispatch,
        },
        { address, apiKeyType, options, cachedToken: stateRef.current.token },
      ),
    [signMessageAsync],
  )

  const reset = useCallback(() => dispatch({ type: 'reset' }), [])
  return { state, mint, reset }
}
