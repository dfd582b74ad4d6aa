/**
 * Build-time replacements that keep code this app never runs out of the wallet module. Each
 * replacement's file says why it is faithful for what the app uses; `npm run size` reports the
 * module they shrink and the e2e connect, sign and mint tests run through all of them.
 *
 * - wagmi's `getPublicClient` extends its client with ./wallet-diet/slimPublicActions.ts
 *   instead of viem's whole `publicActions` (~40 KB gz);
 * - `@adraffy/ens-normalize` becomes ./wallet-diet/ensNormalize.ts: only mainnet has ENS, and no
 *   mainnet is configured (~25 KB gz);
 * - `ua-parser-js` becomes ./wallet-diet/uaParser.ts: RainbowKit reads only the OS name (~12 KB gz);
 * - viem's `getEnsName` and `getEnsAvatar` become ./wallet-diet/noEnsLookups.ts: RainbowKit runs
 *   them only with mainnet configured (~3 KB gz);
 * - without a WalletConnect id, `cuer` (the QR code) becomes ./wallet-diet/noQrCode.ts (~9 KB gz).
 *   The relay wallets themselves drop out without a plugin: src/chain/wagmiConfig.ts reads the id
 *   from `import.meta.env`, so a build without one has that branch dead.
 */
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

const here = (file: string) => fileURLToPath(new URL(`./wallet-diet/${file}`, import.meta.url))

const WAGMI_GET_PUBLIC_CLIENT = /[\\/]@wagmi[\\/]core[\\/]dist[\\/]esm[\\/]actions[\\/]getPublicClient\.js$/
const VIEM_ENS_LOOKUP = /[\\/]viem[\\/]_esm[\\/]actions[\\/]ens[\\/](getEnsName|getEnsAvatar)\.js$/

export function walletDiet({ relayWallets }: { relayWallets: boolean }): Plugin {
  const replacedPackages: Record<string, string> = {
    '@adraffy/ens-normalize': here('ensNormalize.ts'),
    'ua-parser-js': here('uaParser.ts'),
    ...(relayWallets ? {} : { cuer: here('noQrCode.ts') }),
  }
  return {
    name: 'wallet-diet',
    enforce: 'pre',
    resolveId(source) {
      return replacedPackages[source] ?? null
    },
    load(id) {
      const ensLookup = VIEM_ENS_LOOKUP.exec(id)?.[1]
      if (ensLookup) return `export { ${ensLookup} } from ${JSON.stringify(here('noEnsLookups.ts'))}`
      if (!WAGMI_GET_PUBLIC_CLIENT.test(id)) return null
      return [
        `import { getClient } from './getClient.js'`,
        `import { slimPublicActions } from ${JSON.stringify(here('slimPublicActions.ts'))}`,
        `export function getPublicClient(config, parameters = {}) {`,
        `  return getClient(config, parameters)?.extend(slimPublicActions)`,
        `}`,
      ].join('\n')
    },
  }
}
