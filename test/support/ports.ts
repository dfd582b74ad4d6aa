/**
 * The offline sandbox's ports (baked into its build). `SANDBOX_PORT_BASE` moves them all (chain,
 * stand-in, app), so a sandbox and the screenshot tour can run beside another checkout's.
 */
const base = Number(process.env.SANDBOX_PORT_BASE ?? 18545)

export const CHAIN_PORT = base
export const VENICE_PORT = base + 1
export const APP_PORT = base + 2
