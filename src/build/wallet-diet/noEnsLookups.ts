/**
 * Replaces viem's `getEnsName` and `getEnsAvatar` in the bundle (see ../walletDiet.ts), with the
 * universal-resolver, avatar-record and CCIP gateway code they pull in (~3 KB gz).
 *
 * RainbowKit asks for a mainnet ENS name and avatar only when mainnet is configured; this app
 * configures Base alone, so its queries stay disabled. Should a call arrive anyway, it fails loudly
 * (the query shows no name) rather than pretending there is none.
 */
const absent = (what: string) => Promise.reject(new Error(`${what} is not part of this build (no mainnet configured)`))

export const getEnsName = () => absent('ENS reverse lookup')

export const getEnsAvatar = () => absent('ENS avatar lookup')
