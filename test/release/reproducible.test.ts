/**
 * Two builds of the same source, in two different directories, with different time zones and
 * locales, must give the same bytes, so the same IPFS CID: that is what lets anyone check a
 * release by rebuilding it. Each build is the real `npm run release` (less the type check),
 * in a copy of the checkout's files with node_modules hard-linked in.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative, sep } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..')
const git = (...args: string[]) => execFileSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' })
const COMMIT = git('rev-parse', 'HEAD').trim()

interface Release {
  commit: string
  modified: boolean
  cid: string
  files: Record<string, string>
}

/** The checkout's files (tracked, and new ones not ignored), copied to `dir`, with node_modules hard-linked. */
async function copyCheckout(dir: string) {
  const paths = git('ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter(Boolean)
  for (const path of paths) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    // A tracked file deleted in the working tree is not part of what is being built.
    await copyFile(join(ROOT, path), join(dir, path)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error
    })
  }
  execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(dir, 'node_modules')])
}

/** A place for the two copies: the system's temp folder, or the checkout (ignored as dist-*) when hard links cannot cross to it. */
async function workArea(): Promise<string> {
  const probe = await mkdtemp(join(tmpdir(), 'release-repro-'))
  try {
    execFileSync('ln', [join(ROOT, 'package.json'), join(probe, 'probe')])
    return probe
  } catch {
    await rm(probe, { recursive: true, force: true })
    return mkdtemp(join(ROOT, 'dist-release-repro-'))
  }
}

function releaseIn(dir: string, locale: { TZ: string; LANG: string }): Release {
  execFileSync(process.execPath, [join(dir, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join('src', 'build', 'release.ts')], {
    cwd: dir,
    // Only what a build may depend on: no VITE_* from this shell, a fixed commit (there is no .git in the copy).
    env: { PATH: process.env.PATH, HOME: process.env.HOME, SOURCE_COMMIT: COMMIT, ...locale, LC_ALL: locale.LANG },
    // Vite's warnings stay out of the test output; a failing build's are in the thrown error.
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  return JSON.parse(execFileSync('cat', [join(dir, 'release.json')], { encoding: 'utf8' })) as Release
}

async function hashes(dist: string): Promise<Record<string, string>> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true })
  const found: Record<string, string> = {}
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name)
    found[relative(dist, path).split(sep).join('/')] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex')
  }
  return found
}

describe('a release build', () => {
  let area: string
  let first: { dir: string; release: Release }
  let second: { dir: string; release: Release }

  beforeAll(async () => {
    area = await workArea()
    const dirs = [join(area, 'a'), join(area, 'second', 'checkout', 'at-another-depth')]
    for (const dir of dirs) await copyCheckout(dir)
    first = { dir: dirs[0]!, release: releaseIn(dirs[0]!, { TZ: 'UTC', LANG: 'C.UTF-8' }) }
    second = { dir: dirs[1]!, release: releaseIn(dirs[1]!, { TZ: 'Pacific/Chatham', LANG: 'de_DE.UTF-8' }) }
  }, 600_000)

  afterAll(async () => {
    if (area) await rm(area, { recursive: true, force: true })
  }, 120_000)

  it('gives byte-identical files in two directories, so the same CID', async () => {
    const [a, b] = await Promise.all([hashes(join(first.dir, 'dist')), hashes(join(second.dir, 'dist'))])
    expect(Object.keys(a).length).toBeGreaterThan(10)
    expect(a).toHaveProperty('index.html')
    expect(b).toEqual(a)
    expect(first.release.cid).toMatch(/^bafybei[a-z2-7]{52}$/)
    expect(second.release.cid).toBe(first.release.cid)
  })

  it('records in release.json, beside dist/, the commit and the SHA-256 of every file', async () => {
    expect(first.release.files).toEqual(await hashes(join(first.dir, 'dist')))
    expect(first.release).toMatchObject({ commit: COMMIT, modified: false })
    expect(await readdir(join(first.dir, 'dist'))).not.toContain('release.json')
  })

  it('carries no trace of the directory it was built in', async () => {
    const dist = join(second.dir, 'dist')
    for (const path of Object.keys(second.release.files)) {
      const text = await readFile(join(dist, path), 'latin1')
      expect(text, path).not.toContain(second.dir)
      expect(text, path).not.toContain(area)
    }
  })

  it('gives every script, module preload and style sheet in index.html the SRI hash of its file', async () => {
    const dist = join(first.dir, 'dist')
    const html = await readFile(join(dist, 'index.html'), 'utf8')
    const tags = [
      ...html.matchAll(/<script\b[^>]*\bsrc="[^"]*"[^>]*>|<link\b[^>]*\brel="(?:modulepreload|stylesheet)"[^>]*>/g),
    ].map(([tag]) => tag)
    expect(tags.length).toBeGreaterThanOrEqual(3)
    for (const tag of tags) {
      const url = /\s(?:src|href)="\.\/([^"]+)"/.exec(tag)?.[1]
      const integrity = /\sintegrity="sha384-([^"]+)"/.exec(tag)?.[1]
      expect(url, tag).toBeDefined()
      expect(integrity, tag).toBe(
        createHash('sha384')
          .update(await readFile(join(dist, url!)))
          .digest('base64'),
      )
    }
  })
})
