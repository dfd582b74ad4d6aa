import { join } from 'node:path'
import { build } from 'vite'

export const ROOT = join(import.meta.dirname, '..', '..')

/** Builds the production code against a local chain and stand-in (for the e2e suite and the sandbox). */
export async function buildApp(
  outDir: string,
  { chainPort, venicePort }: { chainPort: number; venicePort: number },
  extraEnv: Record<string, string> = {},
): Promise<string> {
  const env = {
    // The production build: a test runner's NODE_ENV (vitest sets "test") would otherwise give React's
    // development build, with StrictMode's double effects and about twice the JavaScript.
    NODE_ENV: 'production',
    VITE_VENICE_API_URL: `http://127.0.0.1:${venicePort}/api/v1`,
    VITE_BASE_RPC_URL: `http://127.0.0.1:${chainPort}`,
    VITE_WALLETCONNECT_PROJECT_ID: '',
    ...extraEnv,
  }
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]))
  Object.assign(process.env, env)
  try {
    await build({ root: ROOT, logLevel: 'warn', build: { outDir: join(ROOT, outDir), emptyOutDir: true } })
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
  return join(ROOT, outDir)
}
