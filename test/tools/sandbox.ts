/**
 * `npm run sandbox`: the whole flow offline. Starts the local chain (chain id 8453) and the Venice
 * stand-in, seeds a funded sVVV holder and a non-holder, builds the app against them with the
 * labelled sandbox wallets, serves it, and stops everything on Ctrl-C.
 */
import { buildApp } from '../support/buildApp'
import { APP_PORT, CHAIN_PORT, VENICE_PORT } from '../support/ports'
import { SANDBOX_HOLDER as holder, SANDBOX_NON_HOLDER as nonHolder, seedSandbox } from '../support/sandboxSeed'
import { startStaticServer } from '../support/staticServer'
import { startTestWorld } from '../support/world'

const world = await startTestWorld({ chainPort: CHAIN_PORT, venicePort: VENICE_PORT })
await seedSandbox(world)

console.log('Building the sandbox app…')
const dist = await buildApp('dist-sandbox', { chainPort: CHAIN_PORT, venicePort: VENICE_PORT }, { VITE_SANDBOX: 'true' })
const app = await startStaticServer(dist, APP_PORT)

console.log(`
Sandbox ready: ${app.url}
  also from an IPFS-like sub-path: ${app.subPathUrl}
  chain (id 8453):        http://127.0.0.1:${CHAIN_PORT}
  Venice stand-in:        ${world.venice.url}
  "Sandbox wallet: sVVV holder"  ${holder.address}  (250 sVVV, 1,000 VVV)
  "Sandbox wallet: no sVVV"      ${nonHolder.address}  (0 sVVV, 500 VVV)
Press Ctrl-C to stop.`)

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  console.log('\nStopping…')
  await app.stop()
  await world.stop()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
