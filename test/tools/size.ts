/**
 * `npm run size`: builds the app and reports, gzipped, the JavaScript a first visit downloads
 * before any click (the entry, its modulepreloads and their static imports), plus the lazy
 * chunks behind the wallet, the dashboard and the admin console. Fails over the budget.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'

const BUDGET_KB = 80
const root = join(dirname(new URL(import.meta.url).pathname), '..', '..')
const dist = join(root, 'dist-size')

if (!process.argv.includes('--no-build')) {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, OUT_DIR: 'dist-size' },
  })
}

const gzipKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024
const STATIC_IMPORT = /(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["'](\.\/[^"']+\.js)["']/g
const DYNAMIC_IMPORT = /import\(\s*["'](\.\/[^"']+\.js)["']\s*\)/g

/** A chunk and everything it imports statically, transitively. */
function closure(entries: string[]): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) visit(join(dirname(file), spec!))
  }
  entries.forEach(visit)
  return seen
}

const html = readFileSync(join(dist, 'index.html'), 'utf8')
const firstLoad = closure(
  [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\.\/([^"]+\.js)"/g)].map(([, path]) =>
    join(dist, path!),
  ),
)
const firstLoadKb = [...firstLoad].reduce((sum, file) => sum + gzipKb(file), 0)
const hosts = [...html.matchAll(/(?:src|href)="(https?:)?\/\/([^/"]+)/g)].map(([, , host]) => host)

function lazyGroup(chunkPrefix: string) {
  const assets = readdirSync(join(dist, 'assets')).filter((name) => name.startsWith(chunkPrefix) && name.endsWith('.js'))
  if (assets.length === 0) return undefined
  const files = closure(assets.map((name) => join(dist, 'assets', name)))
  const extra = [...files].filter((file) => !firstLoad.has(file))
  return { kb: extra.reduce((sum, file) => sum + gzipKb(file), 0), files: extra.length }
}

const dynamicTargets = new Set<string>()
for (const file of firstLoad)
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(DYNAMIC_IMPORT)) dynamicTargets.add(spec!)

console.log(
  `First visit, before any click: ${firstLoadKb.toFixed(1)} KB gzipped JS in ${firstLoad.size} files (budget ${BUDGET_KB} KB)`,
)
for (const file of firstLoad) console.log(`  ${relative(dist, file)}  ${gzipKb(file).toFixed(1)} KB`)
console.log(`Hosts other than the page's own named in index.html: ${hosts.length === 0 ? 'none' : hosts.join(', ')}`)
for (const [label, prefix] of [
  ['Wallet module (on intent to connect)', 'WalletModule-'],
  ['Mint page (after the wallet module)', 'MintPage-'],
  ['Dashboard (a key is opened)', 'DashboardPage-'],
  ['ADMIN console (an ADMIN key is opened)', 'AdminConsole-'],
] as const) {
  const group = lazyGroup(prefix)
  if (group) console.log(`${label}: +${group.kb.toFixed(1)} KB gzipped in ${group.files} files`)
}

if (firstLoadKb > BUDGET_KB || hosts.length > 0) {
  console.error('Over budget.')
  process.exit(1)
}
