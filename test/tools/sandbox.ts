/**
 * `npm run sandbox`: the whole flow offline. Starts the local chain (chain id 8453) and the Venice
 * stand-in, seeds a funded sVVV holder (with keys, usage and breaches on its account) and a
 * non-holder, builds the app against them with the labelled sandbox wallets, serves it, and stops
 * everything on Ctrl-C. `SANDBOX_PORT_BASE` moves its three ports.
 * Typing `1d`, `7d` or `3h` (and Enter) moves the chain's clock forward, to finish staking cooldowns.
 * `npm run sandbox -- --flow=challenge` makes the stand-in answer with Venice's EIP-4361 challenge
 * instead of its opaque token (the app picks the flow from the answer, so the same build serves both).
 */
import { createInterface } from 'node:readline'
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
  "Sandbox wallet: sVVV holder"  ${holder.address}  (250 sVVV, 1,000 VVV, 2 DIEM)
  "Sandbox wallet: no sVVV"      ${nonHolder.address}  (0 sVVV, 500 VVV, 0.5 DIEM)
  keys of the holder's account, to paste on the home page:
    ADMIN      ${seeded.admin}
    INFERENCE  ${seeded.inference}
  ports: ${CHAIN_PORT}-${APP_PORT} (set SANDBOX_PORT_BASE to move them)
Move the chain's clock forward (unstake cooldowns: 7 days for sVVV, 1 day for DIEM):
  type 1d, 7d or 3h and press Enter.
Press Ctrl-C to stop.`)

const UNIT_SECONDS = { h: 3_600, d: 86_400 } as const
createInterface({ input: process.stdin }).on('line', (line) => {
  const match = /^\s*(\d+)\s*([hd])\s*$/.exec(line)
  if (!match) return console.log('Type a duration such as 1d, 7d or 3h.')
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2] as 'h' | 'd']
  world.chain.increaseTime(seconds).then(
    async () => console.log(`The chain's clock is now ${new Date((await world.chain.now()) * 1000).toISOString()}.`),
    (error: unknown) => console.error('Could not move the clock:', error),
  )
})

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
