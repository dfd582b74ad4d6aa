/**
 * Replaces `cuer` (RainbowKit's QR code renderer and its `qr` encoder, ~9 KB gz) in builds with no
 * WalletConnect id (see ../walletDiet.ts). RainbowKit draws a QR code only for a wallet that
 * connects through a relay (`qrCode`) or offers a phone app to download (`downloadUrls.qrCode`);
 * both come from RainbowKit's wallet list, which such a build leaves out (src/chain/wagmiConfig.ts).
 * Browser wallets found through EIP-6963 have neither, so these parts are never drawn.
 */
const nothing = () => null

export const Cuer = Object.assign(nothing, { Root: nothing, Cells: nothing, Finder: nothing, Arena: nothing })
