import { execFileSync } from 'node:child_process'
import { readFileSync, realpathSync } from 'node:fs'
import { join } from 'node:path'
import type { BuildInfo } from '../config/build.ts'

const git = (root: string, ...args: string[]) =>
  execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()

/**
 * The version and commit a build of `root` carries. Only inputs that the commit itself fixes go
 * in, so two builds of one commit stay byte-identical. `SOURCE_COMMIT` names the commit for a
 * build outside git (an unpacked source archive), and Vercel's `VERCEL_GIT_COMMIT_SHA` for its
 * builds (they run without .git); otherwise git is asked, and only about `root` itself, not about
 * some repository that happens to enclose it.
 */
export function readBuildInfo(root: string, env: NodeJS.ProcessEnv = process.env): BuildInfo {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
  const fromEnv = (env.SOURCE_COMMIT || env.VERCEL_GIT_COMMIT_SHA)?.trim().toLowerCase()
  if (fromEnv) {
    if (!/^[0-9a-f]{40}$/.test(fromEnv))
      throw new Error(`SOURCE_COMMIT must be a full 40-character commit hash, got "${fromEnv}"`)
    return { version, commit: fromEnv, modified: false }
  }
  try {
    if (realpathSync(git(root, 'rev-parse', '--show-toplevel')) !== realpathSync(root)) throw new Error('not the top level')
    return { version, commit: git(root, 'rev-parse', 'HEAD'), modified: git(root, 'status', '--porcelain') !== '' }
  } catch {
    return { version, commit: 'unknown', modified: false }
  }
}
