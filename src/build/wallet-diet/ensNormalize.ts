/**
 * Replaces `@adraffy/ens-normalize` (~25 KB gz of Unicode tables) in the bundle (see ../walletDiet.ts).
 *
 * ENS names live on Ethereum mainnet, which this app never configures (Base only), so RainbowKit's
 * ENS name and avatar queries stay disabled and no name ever needs normalising. Should a call
 * arrive anyway, it fails loudly (RainbowKit's `safeNormalize` catches it and shows no avatar)
 * rather than hashing an unnormalised name.
 */
export function ens_normalize(name: string): string {
  throw new Error(`ENS normalisation is not part of this build (no mainnet configured); got "${name}"`)
}

export const ens_beautify = ens_normalize
