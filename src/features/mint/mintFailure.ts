import { hasReason } from '../../venice/errors'

/**
 * What to do next after a failed mint, from the words of Venice's documented refusals (its messages
 * are matched on the words they contain, never on their exact text).
 */
const NEXT_STEPS: [RegExp, string][] = [
  [
    /has expired/i,
    'The one-time sign-in expired before Venice received it, so nothing was created. Try again: this page fetches a fresh one and asks for a new signature, with your settings kept.',
  ],
  [
    /already been used/i,
    'Venice had already received this signature, most likely from an earlier copy of this same request whose answer was lost. The key may exist: an ADMIN key of this account lists every key (and can revoke one you do not want). Minting again creates another key.',
  ],
  [
    /different wallet address/i,
    'Your wallet switched accounts between the challenge and the signature. Start again: this page fetches a challenge for the account your wallet is on now.',
  ],
  [
    /could not verify wallet signature/i,
    'Venice could not check the signature just now (a temporary failure on its side). Nothing was created: try again in a moment.',
  ],
  [
    /signature does not match/i,
    'The signature is not from the wallet named in the request. Check that your wallet signs with the connected account, then try again.',
  ],
  [/no staked VVV/i, 'Venice sees no staked VVV for this wallet on Base. Stake VVV (any amount), then mint again.'],
  [/invalid wallet address/i, 'Venice did not accept the wallet address. Reconnect your wallet and try again.'],
  [
    /JWT (signature is invalid|claims are invalid|is malformed)/i,
    'Venice did not accept the token it is given back: it was changed on the way, or it was not Venice’s. Try again; if it repeats, something between this page and Venice is altering its answers.',
  ],
  [
    /not a valid Venice API key authorization challenge|statement was modified|challenge domain must be/i,
    'Venice did not recognise the challenge as one it issued for this. Try again with a fresh one; if it repeats, something between this page and Venice is altering its answers.',
  ],
]

export function nextStepAfter(error: unknown): string | undefined {
  if (!hasReason(error, 'refused', 'tokenAlreadyUsed')) return undefined
  return NEXT_STEPS.find(([words]) => words.test(error.message))?.[1]
}
