/**
 * The e2e suite's ports (baked into its build). `E2E_PORT_BASE` moves them all, so two checkouts
 * can run the suite at once; the default stays clear of the sandbox's ports.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 18645)

export const E2E_PORTS = { chain: base, venice: base + 1, app: base + 2 }
export const E2E_DIST = `dist-e2e-${base}`
