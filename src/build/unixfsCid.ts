/**
 * The IPFS address (CID) of a directory, computed offline the way `ipfs add -r --cid-version 1`
 * (kubo) computes it, so a release's CID can be printed before it is pinned anywhere and
 * recomputed by anyone from a rebuild.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { BlackHoleBlockstore } from 'blockstore-core/black-hole'
import { importer, type ImportCandidate, type ImporterOptions } from 'ipfs-unixfs-importer'
import type { CID } from 'multiformats/cid'

/**
 * kubo's defaults for `ipfs add --cid-version 1`: UnixFS, 256 KiB fixed-size chunks, balanced
 * layout with at most 174 links a node, raw leaves, dag-pb directories, and HAMT sharding only
 * for a directory whose links exceed 256 KiB (the "unixfs-v0-2015" profile with CIDv1 on top).
 */
export const KUBO_CID_V1: ImporterOptions = {
  profile: 'unixfs-v0-2015',
  cidVersion: 1,
  rawLeaves: true,
  wrapWithDirectory: true,
}

/** Every file and directory below `dir`, as `ipfs add -r` sees them, in a fixed order. */
async function candidates(dir: string): Promise<ImportCandidate[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const found: ImportCandidate[] = []
  for (const entry of entries) {
    const absolute = join(entry.parentPath, entry.name)
    const path = relative(dir, absolute).split(sep).join('/')
    // `ipfs add -r` leaves hidden files out unless asked; refusing them keeps the two CIDs equal.
    if (path.split('/').some((part) => part.startsWith('.'))) throw new Error(`Hidden file in ${dir}: ${path}`)
    if (entry.isDirectory()) found.push({ path })
    else if (entry.isFile()) found.push({ path, content: await readFile(absolute) })
    else throw new Error(`Neither a file nor a directory: ${path}`)
  }
  return found.sort((a, b) => (a.path! < b.path! ? -1 : a.path! > b.path! ? 1 : 0))
}

/** The CID of the directory itself (what `ipfs add -r <dir>` prints last). */
export async function directoryCid(dir: string, options: ImporterOptions = KUBO_CID_V1): Promise<CID> {
  let root: CID | undefined
  // The last entry the importer yields is the wrapping directory, i.e. `dir` itself.
  for await (const entry of importer(await candidates(dir), new BlackHoleBlockstore(), { ...options, wrapWithDirectory: true })) {
    root = entry.cid
  }
  if (!root) throw new Error(`Nothing imported from ${dir}`)
  return root
}
