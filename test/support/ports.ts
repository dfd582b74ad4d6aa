/** Fixed ports for the end-to-end suite and the offline sandbox (the support tests pick free ports). */
const base = Number(process.env.SANDBOX_PORT_BASE ?? 18545)

/** `SANDBOX_PORT_BASE` moves all three (e.g. when 18545–18547 are taken). */
export const CHAIN_PORT = base
export const VENICE_PORT = base + 1
export const APP_PORT = base + 2
