import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Hex } from 'viem'

/**
 * Multicall3's runtime bytecode. viem ships only its deployment code (and does not export it), so read it
 * from viem's package; the runtime is what follows the 32-byte constructor prefix.
 */
export function multicall3RuntimeBytecode(): Hex {
  const viemRoot = dirname(createRequire(import.meta.url).resolve('viem/package.json'))
  const source = readFileSync(join(viemRoot, '_esm/constants/contracts.js'), 'utf8')
  const deployment = /multicall3Bytecode = '0x([0-9a-f]+)'/.exec(source)?.[1]
  if (!deployment) throw new Error("multicall3Bytecode not found in viem's package")
  // The prefix ends with PUSH2 <runtime length> DUP1 PUSH2 0x0020 PUSH1 0 CODECOPY PUSH1 0 RETURN INVALID.
  const runtimeLength = /61([0-9a-f]{4})806100206000396000f3fe$/.exec(deployment.slice(0, 64))?.[1]
  const runtime = deployment.slice(64)
  if (!runtimeLength || runtime.length !== parseInt(runtimeLength, 16) * 2) {
    throw new Error("Unexpected Multicall3 deployment code in viem's package")
  }
  return `0x${runtime}`
}
