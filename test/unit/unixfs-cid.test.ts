import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BlackHoleBlockstore } from 'blockstore-core/black-hole'
import { importFile } from 'ipfs-unixfs-importer'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { directoryCid, KUBO_CID_V1 } from '../../src/build/unixfsCid'

// The expected CIDs are the ones kubo (the reference IPFS client) publishes in its own test suite:
// test/cli/add_test.go and test/sharness/t0040-add-and-cat.sh in the ipfs/kubo repository.

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'unixfs-cid-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const fileCid = async (text: string | Uint8Array, options = KUBO_CID_V1) =>
  (
    await importFile(
      { content: typeof text === 'string' ? new TextEncoder().encode(text) : text },
      new BlackHoleBlockstore(),
      options,
    )
  ).cid

describe('directoryCid, as `ipfs add -r --cid-version 1`', () => {
  it('gives the well-known CIDv1 of an empty directory', async () => {
    expect((await directoryCid(dir)).toString()).toBe('bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354')
  })

  it('gives kubo\'s CID for its "planets" directory (t0040, --cid-version=1)', async () => {
    await writeFile(join(dir, 'mars.txt'), 'Hello Mars!\n')
    await writeFile(join(dir, 'venus.txt'), 'Hello Venus!\n')
    // kubo prints it in base58btc; CID.parse reads that, toString() gives the base32 form.
    const expected = CID.parse('zdj7Wnbun6P41Z5ddTkNvZaDTmQ8ZLdiKFcJrL9sV87rPScMP')
    expect((await directoryCid(dir)).equals(expected)).toBe(true)
  })

  it('builds nested directories as kubo does (t0040 "moons", CIDv0 options)', async () => {
    await mkdir(join(dir, 'jupiter'))
    await mkdir(join(dir, 'saturn'))
    await writeFile(join(dir, 'jupiter', 'europa.txt'), 'Hello Europa!\n')
    await writeFile(join(dir, 'saturn', 'titan.txt'), 'Hello Titan!\n')
    await writeFile(join(dir, 'mercury.txt'), 'hey youre no moon!\n')
    const cid = await directoryCid(dir, { profile: 'unixfs-v0-2015' })
    expect(cid.toString()).toBe('QmVKvomp91nMih5j6hYBA8KjbiaYvEetU2Q7KvtZkLe9nQ')
  })

  it('refuses hidden files, which `ipfs add -r` would leave out', async () => {
    await mkdir(join(dir, '.well-known'))
    await writeFile(join(dir, '.well-known', 'x'), 'x')
    await expect(directoryCid(dir)).rejects.toThrow(/Hidden file/)
  })
})

describe('the file options (kubo add_test.go)', () => {
  it('gives "hello world" kubo\'s CIDv1 with raw leaves', async () => {
    expect((await fileCid('hello world')).toString()).toBe('bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e')
  })

  it('encodes a UnixFS file node as kubo does (CIDv1 without raw leaves)', async () => {
    expect((await fileCid('hello world', { ...KUBO_CID_V1, rawLeaves: false })).toString()).toBe(
      'bafybeihykld7uyxzogax6vgyvag42y7464eywpf55gxi5qpoisibh3c5wa',
    )
  })

  it('cuts files into 256 KiB chunks: one chunk is a raw block, one byte more is a dag-pb tree', async () => {
    const chunk = new Uint8Array(256 * 1024).fill(7)
    expect((await fileCid(chunk)).equals(CID.createV1(raw.code, await sha256.digest(chunk)))).toBe(true)
    const overOneChunk = new Uint8Array(256 * 1024 + 1).fill(7)
    expect((await fileCid(overOneChunk)).code).toBe(0x70) // dag-pb
  })
})
