import { describe, expect, it } from 'vitest'
import { parseRoute, paths } from '../../src/app/router'

describe('parseRoute', () => {
  it.each(['', '#', '#/'])('%j is home', (hash) => {
    expect(parseRoute(hash)).toEqual({ name: 'home' })
  })

  it('reads the mint page', () => {
    expect(parseRoute('#/mint')).toEqual({ name: 'mint' })
  })

  it('reads the About view', () => {
    expect(parseRoute('#/about')).toEqual({ name: 'about' })
  })

  it('reads the stake page', () => {
    expect(parseRoute('#/stake')).toEqual({ name: 'stake' })
  })

  it('reads a key id: its overview', () => {
    expect(parseRoute('#/keys/1f0e8c1a-2b3c-4d5e-8f90-123456789abc')).toEqual({
      name: 'key',
      id: '1f0e8c1a-2b3c-4d5e-8f90-123456789abc',
      section: 'overview',
    })
  })

  it("reads a key's sections and a console tab", () => {
    expect(parseRoute('#/keys/abc/limits')).toEqual({ name: 'key', id: 'abc', section: 'limits' })
    expect(parseRoute('#/keys/abc/console')).toEqual({ name: 'key', id: 'abc', section: 'console' })
    expect(parseRoute('#/keys/abc/console/usage')).toEqual({ name: 'key', id: 'abc', section: 'console', tab: 'usage' })
  })

  it('reads the list of keys', () => {
    expect(parseRoute('#/keys')).toEqual({ name: 'keys' })
  })

  it.each([
    '#/keys/',
    '#/keys/a/b',
    '#/keys/a/limits/x',
    '#/keys/a/console/',
    '#/keys/a/console/Usage',
    '#/keys/a%20b',
    '#/mint/',
    '#/mint?x=1',
    '#/about/',
    '#/nope',
    '#mint',
  ])('%j is not found', (hash) => {
    expect(parseRoute(hash)).toEqual({ name: 'notFound' })
  })

  it('parses what paths builds', () => {
    expect(parseRoute(paths.home)).toEqual({ name: 'home' })
    expect(parseRoute(paths.mint)).toEqual({ name: 'mint' })
    expect(parseRoute(paths.about)).toEqual({ name: 'about' })
    expect(parseRoute(paths.stake)).toEqual({ name: 'stake' })
    expect(parseRoute(paths.keys)).toEqual({ name: 'keys' })
    expect(parseRoute(paths.key('abc-123'))).toEqual({ name: 'key', id: 'abc-123', section: 'overview' })
    expect(parseRoute(paths.key('abc-123', 'limits'))).toEqual({ name: 'key', id: 'abc-123', section: 'limits' })
    expect(parseRoute(paths.key('abc-123', 'console', 'breaches'))).toEqual({
      name: 'key',
      id: 'abc-123',
      section: 'console',
      tab: 'breaches',
    })
  })
})
