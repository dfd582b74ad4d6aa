import type { Abi, Hex } from 'viem'
import artifacts from './artifacts.json' with { type: 'json' }

export interface ContractArtifact {
  abi: Abi
  deployedBytecode: Hex
}

// JSON imports are typed loosely (string instead of ABI literal types); compile.ts guarantees the shape.
const contracts = artifacts.contracts as unknown as Record<'MockVVV' | 'MockStaking' | 'MockDiem', ContractArtifact>

export const mockVvv = contracts.MockVVV
export const mockStaking = contracts.MockStaking
export const mockDiem = contracts.MockDiem
