/**
 * The end-to-end tests drive Debian's Chromium. Installs it when missing and we are root;
 * otherwise says how, and fails.
 */
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

if (!existsSync(CHROMIUM_PATH)) {
  if (process.getuid?.() === 0) {
    console.log('Chromium is missing: installing Debian’s chromium (apt-get)…')
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-color-emoji > /dev/null',
      {
        stdio: 'inherit',
        shell: '/bin/bash',
      },
    )
  } else {
    console.error(
      `The end-to-end tests need Chromium at ${CHROMIUM_PATH}. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`,
    )
    process.exit(1)
  }
}
