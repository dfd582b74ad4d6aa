import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Debian's Chromium, driven by Playwright, with a fresh profile that is deleted on close. */
export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'svvv-e2e-'))
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...FLAGS, `--user-data-dir=${userDataDir}`] })
  return {
    browser,
    close: async () => {
      await browser.close()
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}
