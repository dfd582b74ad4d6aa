import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { CHAIN_ID } from './addresses'

const ANVIL_BIN = join(import.meta.dirname, '../../../node_modules/.bin/anvil')
const READY_TIMEOUT_MS = 10_000
const STOP_TIMEOUT_MS = 3_000

export interface AnvilProcess {
  rpcUrl: string
  stop(): Promise<void>
}

/** Starts the anvil binary directly (its PID is the node's) and resolves once the RPC answers. */
export async function startAnvil(port: number): Promise<AnvilProcess> {
  // Checked first: with a leftover node on the port, the new one would exit but the old one would answer.
  const chosenPort = await reservePort(port)
  const child = spawn(
    ANVIL_BIN,
    [
      ...['--chain-id', String(CHAIN_ID), '--hardfork', 'prague', '--number', '10000'],
      ...['--host', '127.0.0.1', '--port', String(chosenPort), '--silent'],
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let stderr = ''
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4_000)
  })
  // Last resort against orphans when the test process exits without calling stop().
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)

  const stop = async () => {
    process.off('exit', killOnExit)
    await terminate(child)
  }

  const rpcUrl = `http://127.0.0.1:${chosenPort}`
  try {
    await waitForRpc(rpcUrl, child, () => stderr)
  } catch (error) {
    await stop()
    throw error
  }
  return { rpcUrl, stop }
}

async function waitForRpc(rpcUrl: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`anvil exited (${child.exitCode ?? child.signalCode}) before its RPC answered: ${stderr()}`)
    }
    try {
      const response = await fetch(rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      })
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`anvil's RPC at ${rpcUrl} did not answer within ${READY_TIMEOUT_MS} ms: ${stderr()}`)
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
  await exited
  clearTimeout(timer)
}

/** Binds and releases `port` (0 = any free port) to check it is free; resolves to the port. */
function reservePort(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} is in use (a leftover anvil?)`) : error),
    )
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo
      server.close(() => resolve(bound))
    })
  })
}
