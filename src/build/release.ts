/**
 * `npm run release`: builds dist/ and prints what identifies it: the IPFS CID of the directory
 * (as `ipfs add -r --cid-version 1 dist` would print it) and the SHA-256 of every file. Both go
 * to release.json beside dist/, not inside it, so the record does not change the CID it records.
 * docs/releases.md says how to cut a release and how anyone can check one.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { build, loadEnv } from 'vite'
import { parseEnv } from '../config/env.ts'
import { readBuildInfo } from './buildInfo.ts'
import { directoryCid } from './unixfsCid.ts'

const root = join(import.meta.dirname, '..', '..')
const dist = join(root, 'dist')

// A production build whatever the shell says: NODE_ENV=development would give React's development build.
process.env.NODE_ENV = 'production'
await build({ root, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } })

const files: Record<string, string> = {}
const entries = await readdir(dist, { recursive: true, withFileTypes: true })
const paths = entries
  .filter((entry) => entry.isFile())
  .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'))
  .sort()
for (const path of paths)
  files[path] = createHash('sha256')
    .update(await readFile(join(dist, path)))
    .digest('hex')

const info = readBuildInfo(root)
const { veniceApiUrl, baseRpcUrl, walletConnectProjectId } = parseEnv(loadEnv('production', root, 'VITE_'))
// null rather than absent, so the record says that the build had no WalletConnect id.
const config = { veniceApiUrl, baseRpcUrl, walletConnectProjectId: walletConnectProjectId ?? null }
const release = {
  version: info.version,
  commit: info.commit,
  modified: info.modified,
  cid: (await directoryCid(dist)).toString(),
  config,
  files,
}
await writeFile(join(root, 'release.json'), `${JSON.stringify(release, null, 2)}\n`)

console.log(`Release ${release.version}, commit ${release.commit}`)
if (release.modified || release.commit === 'unknown') {
  console.log('  Not a release: the checkout has changes no commit holds, or no commit is known.')
}
console.log(`Built for ${veniceApiUrl}, ${baseRpcUrl}, WalletConnect ${walletConnectProjectId ?? 'off'}`)
console.log(`\nSHA-256 of the ${paths.length} files in dist/:`)
for (const path of paths) console.log(`${files[path]}  ${path}`)
console.log(`\nIPFS CID of dist/ (CIDv1, as \`ipfs add -r --cid-version 1 dist\` gives it):\n${release.cid}`)
console.log('\nWritten to release.json.')
