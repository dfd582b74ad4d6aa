import { config } from '../config'
import { createVeniceClient } from './client'

/** The client the app uses, pointed at the configured Venice API. */
export const venice = createVeniceClient(config.veniceApiUrl, (input, init) => globalThis.fetch(input, init))
