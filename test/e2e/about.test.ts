import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../support/buildApp'
import { IPFS_PREFIX } from '../support/staticServer'
import { foreignHosts, openApp, startE2EWorld, type E2EWorld } from './fixture'
import { E2E_PORTS } from './ports'

let world: E2EWorld
beforeAll(async () => {
  world = await startE2EWorld()
})
afterAll(() => world?.stop())

const HOME_HEADING = 'Your Venice API key, from your staked VVV'

describe('what the page says about itself', () => {
  it('names its commit in the footer, and the About view names the hosts it was built for and how to check it', async () => {
    const commit = execFileSync('git', ['-C', ROOT, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()
    const session = await openApp(world, { subPath: true })
    const { page } = session
    const footer = page.getByRole('contentinfo')
    await expect(footer.locator('.commit').textContent()).resolves.toBe(commit.slice(0, 7))
    await expect(footer.textContent()).resolves.toContain('Version 0.1.0')

    await footer.getByRole('link', { name: 'About this page' }).click()
    await page.getByRole('heading', { name: 'About this page' }).waitFor()
    const about = page.locator('article.about')
    const text = (await about.textContent()) ?? ''
    expect(text).toContain(`127.0.0.1:${E2E_PORTS.venice}`)
    expect(text).toContain(`127.0.0.1:${E2E_PORTS.chain}`)
    expect(text).toContain('No wallet relays')
    await expect(about.locator('.commit').textContent()).resolves.toBe(commit)
    await expect(about.locator('.cid').textContent()).resolves.toBe(IPFS_PREFIX.split('/').pop())
    await expect(about.locator('pre').textContent()).resolves.toBe(`git checkout ${commit}\nnpm ci\nnpm run release`)

    await session.settled()
    expect(foreignHosts(session, world)).toEqual([])
    expect(session.pageErrors).toEqual([])
    await session.close()
  })
})

describe('Subresource Integrity', () => {
  it('makes the browser refuse an entry script that a host altered', async () => {
    const session = await openApp(world, {
      beforeLoad: async (page) => {
        await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
          const response = await route.fetch()
          await route.fulfill({ response, body: `${await response.text()}\n;window.altered = true` })
        })
      },
    })
    const { page } = session
    // Chromium reports the refused script on the console (the page may have loaded by then).
    await expect.poll(() => session.consoleLines.some((line) => /integrity/i.test(line)), { timeout: 30_000 }).toBe(true)
    await expect(page.evaluate(() => (window as { altered?: boolean }).altered)).resolves.toBeUndefined()
    await expect(page.getByRole('heading', { name: HOME_HEADING }).count()).resolves.toBe(0)
    await session.close()
  })

  it('lets the unaltered page load with every first-load script, preload and style sheet carrying a hash', async () => {
    const session = await openApp(world)
    const { page } = session
    await page.getByRole('heading', { name: HOME_HEADING }).waitFor()
    const tags = await page.evaluate(() =>
      [...document.querySelectorAll('script[src], link[rel="modulepreload"], link[rel="stylesheet"]')].map((element) => ({
        url: element.getAttribute('src') ?? element.getAttribute('href'),
        integrity: element.getAttribute('integrity'),
      })),
    )
    expect(tags.length).toBeGreaterThanOrEqual(3)
    expect(tags.filter((tag) => !tag.integrity?.startsWith('sha384-'))).toEqual([])
    expect(session.pageErrors).toEqual([])
    await session.close()
  })
})
