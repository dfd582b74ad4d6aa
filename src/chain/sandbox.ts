import type { CreateConnectorFn } from 'wagmi'

/** The labelled sandbox wallet exists only in a `VITE_SANDBOX=true` build; production drops this branch. */
export async function sandboxConnectors(): Promise<CreateConnectorFn[]> {
  if (import.meta.env.VITE_SANDBOX !== 'true') return []
  const { sandboxConnector } = await import('../sandbox/sandboxConnector')
  return [sandboxConnector()]
}
