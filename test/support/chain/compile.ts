/**
 * Compiles the mock contracts with solc-js and writes artifacts.json (abi + deployedBytecode),
 * which is committed so tests never need solc. Run after editing a .sol file:
 *   npx tsx test/support/chain/compile.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import solc from 'solc'

const CONTRACTS = ['MockVVV', 'MockStaking', 'MockDiem'] as const
const here = import.meta.dirname
const sourceDir = join(here, 'contracts')

const sources = Object.fromEntries(
  readdirSync(sourceDir)
    .filter((file) => file.endsWith('.sol'))
    .map((file) => [file, { content: readFileSync(join(sourceDir, file), 'utf8') }]),
)

const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion: 'prague',
    optimizer: { enabled: true, runs: 200 },
    metadata: { bytecodeHash: 'none' },
    outputSelection: { '*': { '*': ['abi', 'evm.deployedBytecode.object'] } },
  },
}

interface SolcOutput {
  errors?: { severity: 'error' | 'warning' | 'info'; formattedMessage: string }[]
  contracts: Record<string, Record<string, { abi: unknown[]; evm: { deployedBytecode: { object: string } } }>>
}

const output = JSON.parse(solc.compile(JSON.stringify(input))) as SolcOutput
for (const problem of output.errors ?? []) console.error(problem.formattedMessage)
if (output.errors?.some((problem) => problem.severity === 'error')) process.exit(1)

const contracts = Object.fromEntries(
  CONTRACTS.map((name) => {
    const compiled = output.contracts[`${name}.sol`]?.[name]
    if (!compiled) throw new Error(`solc produced no output for ${name}`)
    return [name, { abi: compiled.abi, deployedBytecode: `0x${compiled.evm.deployedBytecode.object}` }]
  }),
)

const artifactPath = join(here, 'artifacts.json')
writeFileSync(artifactPath, `${JSON.stringify({ compiler: solc.version(), contracts }, null, 2)}\n`)
console.log(`wrote ${artifactPath}`)
