/** What this build is: filled in at build time (vite.config.ts `define`) from package.json and git. */
export interface BuildInfo {
  /** package.json version */
  version: string
  /** the full commit hash the build was made from, or "unknown" outside a git checkout */
  commit: string
  /** true when the checkout had changes not in that commit: such a build is no release of it */
  modified: boolean
}

declare const __BUILD_INFO__: BuildInfo

export const buildInfo: BuildInfo = __BUILD_INFO__

export function shortCommit(commit: string): string {
  return /^[0-9a-f]{40}$/.test(commit) ? commit.slice(0, 7) : commit
}
