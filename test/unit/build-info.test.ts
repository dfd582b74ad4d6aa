import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readBuildInfo } from '../../src/build/buildInfo'
import { shortCommit } from '../../src/config/build'
import { ipfsAddressOf } from '../../src/features/about/ipfsAddress'

const COMMIT = '0123456789abcdef0123456789abcdef01234567'

describe('readBuildInfo', () => {
  let dir: string
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { stdio: 'ignore' })
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'build-info-'))
    await writeFile(join(dir, 'package.json'), '{"version":"1.2.3"}')
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('takes the commit from SOURCE_COMMIT for a build outside git, and checks its form', () => {
    expect(readBuildInfo(dir, { SOURCE_COMMIT: COMMIT.toUpperCase() })).toEqual({
      version: '1.2.3',
      commit: COMMIT,
      modified: false,
    })
    expect(() => readBuildInfo(dir, { SOURCE_COMMIT: 'abc1234' })).toThrow(/40-character/)
    expect(readBuildInfo(dir, {})).toEqual({ version: '1.2.3', commit: 'unknown', modified: false })
    expect(readBuildInfo(dir, { VERCEL_GIT_COMMIT_SHA: COMMIT }).commit).toBe(COMMIT)
  })

  it('reads HEAD of the checkout it builds, and says when the tree differs from it', () => {
    git('init', '-q')
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '--allow-empty', '-m', 'x')
    const head = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()
    // package.json is untracked: a change the commit does not hold.
    expect(readBuildInfo(dir, {})).toEqual({ version: '1.2.3', commit: head, modified: true })
    git('add', 'package.json')
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'y')
    expect(readBuildInfo(dir, {}).modified).toBe(false)
  })
})

describe('shortCommit', () => {
  it('shortens a commit hash to 7 characters and leaves anything else', () => {
    expect(shortCommit(COMMIT)).toBe('0123456')
    expect(shortCommit('unknown')).toBe('unknown')
  })
})

describe('ipfsAddressOf', () => {
  const cid = 'bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354'
  it.each([
    [{ hostname: `${cid}.ipfs.dweb.link`, pathname: '/' }, cid],
    [{ hostname: 'ipfs.io', pathname: `/ipfs/${cid}/` }, cid],
    [{ hostname: 'ipfs.io', pathname: `/ipfs/${cid}` }, cid],
    [
      { hostname: 'ipfs.io', pathname: '/ipfs/QmWSgS32xQEcXMeqd3YPJLrNBLSdsfYCep2U7CFkyrjXwY/' },
      'QmWSgS32xQEcXMeqd3YPJLrNBLSdsfYCep2U7CFkyrjXwY',
    ],
    [{ hostname: 'app.example', pathname: '/' }, undefined],
    [{ hostname: 'app.example', pathname: `/x/ipfs/${cid}/` }, undefined],
    [{ hostname: 'ipfs.io', pathname: '/ipns/app.eth/' }, undefined],
  ])('%j → %s', (location, expected) => {
    expect(ipfsAddressOf(location)).toBe(expected)
  })
})
