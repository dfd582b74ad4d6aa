import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** One chunk of Vite's build manifest (`build-manifest.json` in the output, see vite.config.ts). */
export interface ManifestChunk {
  file: string
  src?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  /** Keys of the chunks it imports statically (they load with it). */
  imports?: string[]
  /** Keys of the chunks it may import later. */
  dynamicImports?: string[]
  css?: string[]
}

export type ViteManifest = Record<string, ManifestChunk>

export function readManifest(dist: string): ViteManifest {
  return JSON.parse(readFileSync(join(dist, 'build-manifest.json'), 'utf8')) as ViteManifest
}

/** The manifest key of the page's entry script (src/main.tsx). */
export function entryKey(manifest: ViteManifest): string {
  const [key] = Object.entries(manifest).find(([, chunk]) => chunk.isEntry) ?? []
  if (!key) throw new Error('The build manifest names no entry chunk')
  return key
}

/**
 * The JS files (relative to the output folder, e.g. 'assets/WalletModule-abc.js') that load with
 * these chunks: their own files and their static imports, transitively. `dynamic` also follows
 * dynamic imports (everything they may ever load); `stopAt` names chunks not to enter.
 */
export function chunkFiles(
  manifest: ViteManifest,
  keys: readonly string[],
  { dynamic = false, stopAt = [] }: { dynamic?: boolean; stopAt?: readonly string[] } = {},
): Set<string> {
  const files = new Set<string>()
  const seen = new Set<string>(stopAt)
  const visit = (key: string) => {
    if (seen.has(key)) return
    const chunk = manifest[key]
    if (!chunk) throw new Error(`The build manifest has no chunk "${key}"`)
    seen.add(key)
    files.add(chunk.file)
    chunk.imports?.forEach(visit)
    if (dynamic) chunk.dynamicImports?.forEach(visit)
  }
  keys.forEach(visit)
  return files
}
