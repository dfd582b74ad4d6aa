import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { AppFooter } from '../../src/app/AppFooter'
import { paths } from '../../src/app/router'
import { config } from '../../src/config'
import { buildInfo } from '../../src/config/build'
import AboutPage from '../../src/features/about/AboutPage'

describe('AppFooter', () => {
  it('names the version and the short commit, and links the About view', () => {
    render(<AppFooter />)
    const footer = screen.getByRole('contentinfo')
    expect(footer.textContent).toContain(`Version ${buildInfo.version}`)
    const commit = footer.querySelector('.commit')!
    expect(commit.getAttribute('title')).toBe(buildInfo.commit)
    expect(buildInfo.commit.startsWith(commit.textContent)).toBe(true)
    expect(within(footer).getByRole('link', { name: 'About this page' }).getAttribute('href')).toBe(paths.about)
  })
})

describe('AboutPage', () => {
  it('names the hosts of the actual configuration, and the wallet relays only when WalletConnect is on', () => {
    render(<AboutPage />)
    const hosts = screen.getAllByRole('listitem').map((item) => item.textContent)
    expect(hosts).toEqual([
      expect.stringContaining(new URL(config.veniceApiUrl).host),
      expect.stringContaining(new URL(config.baseRpcUrl).host),
      expect.stringContaining(config.walletConnectProjectId === undefined ? 'No wallet relays' : 'relay.walletconnect.org'),
    ])
    expect(screen.getByText(/no server of ours/)).toBeTruthy()
  })

  it('says how to rebuild this very commit and where the file hashes are', () => {
    render(<AboutPage />)
    expect(document.querySelector('article .commit')?.textContent).toBe(buildInfo.commit)
    const commands = document.querySelector('pre')!.textContent
    expect(commands).toContain('npm ci\nnpm run release')
    expect(screen.getByText('release.json')).toBeTruthy()
  })
})
