/**
 * `npm run size`: builds the app and reports, gzipped (level 9), the JavaScript each step of a visit
 * downloads, counting only the files that earlier steps have not loaded already. Which files load
 * together comes from Vite's build manifest (a chunk and its static imports). Fails over budget,
 * or when index.html names another host. `--no-build` reports on an existing dist-size/.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chunkFiles, entryKey, readManifest } from '../support/viteManifest'

interface Step {
  name: string
  label: string
  /** Manifest keys (the source a lazy import names) of the chunks this step loads; 'entry' is the page's entry script. */
  chunks: string[]
  /** The step loaded before this one (its files, and those of its own `after`, are not counted again). */
  after?: string
  budget?: { kb: number; files?: number }
}

/** The steps of a visit. A new lazily loaded part of the app adds a line here. */
const STEPS: Step[] = [
  { name: 'first', label: 'First visit, before any click', chunks: ['entry'], budget: { kb: 80 } },
  {
    name: 'wallet',
    label: 'Wallet module, on intent to connect',
    chunks: ['src/chain/WalletModule.tsx'],
    after: 'first',
    budget: { kb: 120, files: 8 },
  },
  { name: 'mint', label: 'Mint page, after the wallet module', chunks: ['src/features/mint/index.ts'], after: 'wallet' },
  { name: 'stake', label: 'Stake page, after the wallet module', chunks: ['src/features/stake/index.ts'], after: 'wallet' },
  {
    name: 'dashboard',
    label: 'Key page and dashboard, when a key is opened',
    chunks: ['src/app/KeyPage.tsx', 'src/features/dashboard/index.ts'],
    after: 'first',
  },
  {
    name: 'admin',
    label: 'ADMIN console, for an ADMIN key',
    chunks: ['src/features/admin/index.ts'],
    after: 'dashboard',
  },
  { name: 'usage', label: 'Usage chart, when "Usage" opens', chunks: ['src/features/admin/UsageChart.tsx'], after: 'admin' },
]

const root = join(import.meta.dirname, '..', '..')
const dist = join(root, 'dist-size')

if (!process.argv.includes('--no-build')) {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, OUT_DIR: 'dist-size' },
  })
}

const manifest = readManifest(dist)
const gzipKb = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024
const stepByName = new Map(STEPS.map((step) => [step.name, step]))
const filesOf = (step: Step) =>
  chunkFiles(
    manifest,
    step.chunks.map((key) => (key === 'entry' ? entryKey(manifest) : key)),
  )

/** Everything loaded by the steps before `step`. */
function loadedBefore(step: Step): Set<string> {
  const loaded = new Set<string>()
  for (
    let previous = step.after && stepByName.get(step.after);
    previous;
    previous = previous.after && stepByName.get(previous.after)
  )
    for (const file of filesOf(previous)) loaded.add(file)
  return loaded
}

const failures: string[] = []
const missing = STEPS.flatMap((step) => step.chunks).filter((key) => key !== 'entry' && !manifest[key])
if (missing.length > 0) throw new Error(`No chunk for ${missing.join(', ')} in the build manifest: update STEPS`)
for (const step of STEPS) {
  const before = loadedBefore(step)
  const added = [...filesOf(step)].filter((file) => !before.has(file)).map((file) => ({ file, kb: gzipKb(file) }))
  const kb = added.reduce((sum, { kb }) => sum + kb, 0)
  const budget = step.budget ? ` (budget ${step.budget.kb} KB${step.budget.files ? ` in ${step.budget.files} files` : ''})` : ''
  console.log(`${step.label}: ${step.after ? '+' : ''}${kb.toFixed(1)} KB gzipped JS in ${added.length} files${budget}`)
  for (const { file, kb } of added.sort((a, b) => b.kb - a.kb)) console.log(`    ${file}  ${kb.toFixed(1)} KB`)
  if (step.budget && kb > step.budget.kb) failures.push(`${step.label}: ${kb.toFixed(1)} KB > ${step.budget.kb} KB`)
  if (step.budget?.files && added.length > step.budget.files)
    failures.push(`${step.label}: ${added.length} files > ${step.budget.files}`)
}

const html = readFileSync(join(dist, 'index.html'), 'utf8')
const hosts = [...html.matchAll(/(?:src|href)="(https?:)?\/\/([^/"]+)/g)].map(([, , host]) => host)
console.log(`Hosts other than the page's own named in index.html: ${hosts.length === 0 ? 'none' : hosts.join(', ')}`)
if (hosts.length > 0) failures.push(`index.html names other hosts: ${hosts.join(', ')}`)

if (failures.length > 0) {
  console.error(`Over budget:\n  ${failures.join('\n  ')}`)
  process.exit(1)
}
