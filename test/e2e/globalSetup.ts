import { buildApp } from '../support/buildApp'

/** Builds the production app once, pointed at the local chain and the Venice stand-in. */
export default async function setup() {
  await buildApp('dist-e2e')
}
