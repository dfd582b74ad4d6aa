/**
 * `npm run sandbox`: the whole flow offline. Starts the local chain (chain id 8453) and the Venice
 * stand-in, seeds a funded sVVV holder (with keys, usage and breaches on its account) and a
 * non-holder, builds the app against them with the labelled sandbox wallets, serves it, and stops
 * everything on Ctrl-C. `SANDBOX_PORT_BASE` moves its three ports.
 * `npm run sandbox -- --flow=challenge` makes the stand-in answer with Venice's EIP-4361 challenge
 * instead of its opaque token (the app picks the flow from the answer, so the same build serves both).
 */
import { parseArgs } from 'node:util'
import { buildApp } from '../support/buildApp'
import { APP_PORT, CHAIN_PORT, VENICE_PORT } from '../support/ports'
import { SANDBOX_HOLDER as holder, SANDBOX_NON_HOLDER as nonHolder, seedSandbox } from '../support/sandboxSeed'
import { startStaticServer } from '../support/staticServer'
import { startTestWorld } from '../support/world'

const { values } = parseArgs({ options: { flow: { type: 'string', default: 'token' } } })
if (values.flow !== 'token' && values.flow !== 'challenge') {
  console.error(`--flow must be "token" or "challenge", not "${values.flow}"`)
  process.exit(1)
}
const signInFlow = values.flow

const world = await startTestWorld({ chainPort: CHAIN_PORT, venicePort: VENICE_PORT, signInFlow })
const seeded = await seedSandbox(world)

console.log('Building the sandbox app…')
const dist = await buildApp('dist-sandbox', { chainPort: CHAIN_PORT, venicePort: VENICE_PORT }, { VITE_SANDBOX: 'true' })
const app = await startStaticServer(dist, APP_PORT)

console.log(`
Sandbox ready: ${app.url}
  also from an IPFS-like sub-path: ${app.subPathUrl}
  chain (id 8453):        http://127.0.0.1:${CHAIN_PORT}
  Venice stand-in:        ${world.venice.url}
  sign-in flow:           ${signInFlow === 'token' ? 'token (opaque JWT); --flow=challenge for the EIP-4361 challenge' : 'challenge (EIP-4361); --flow=token for the opaque JWT'}
  "Sandbox wallet: sVVV holder"  ${holder.address}  (250 sVVV, 1,000 VVV)
  "Sandbox wallet: no sVVV"      ${nonHolder.address}  (0 sVVV, 500 VVV)
  keys of the holder's account, to paste on the home page:
    ADMIN      ${seeded.admin}
    INFERENCE  ${seeded.inference}
  ports: ${CHAIN_PORT}-${APP_PORT} (set SANDBOX_PORT_BASE to move them)
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
