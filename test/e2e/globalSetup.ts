import { buildApp } from '../support/buildApp'
import { E2E_DIST, E2E_PORTS } from './ports'

/** Builds the production app once, pointed at the local chain and the Venice stand-in. */
export default async function setup() {
  await buildApp(E2E_DIST, { chainPort: E2E_PORTS.chain, venicePort: E2E_PORTS.venice })
}
