import { join } from 'node:path'
import { build } from 'vite'
import { CHAIN_PORT, VENICE_PORT } from './ports'

export const ROOT = join(import.meta.dirname, '..', '..')

/** The build the end-to-end suite and the sandbox run: production code, local chain and stand-in. */
export const LOCAL_ENV = {
  VITE_VENICE_API_URL: `http://127.0.0.1:${VENICE_PORT}/api/v1`,
  VITE_BASE_RPC_URL: `http://127.0.0.1:${CHAIN_PORT}`,
  VITE_WALLETCONNECT_PROJECT_ID: '',
}

export async function buildApp(outDir: string, extraEnv: Record<string, string> = {}): Promise<string> {
  const env = { ...LOCAL_ENV, ...extraEnv }
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
