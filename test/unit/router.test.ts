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

  it('reads a key id', () => {
    expect(parseRoute('#/keys/1f0e8c1a-2b3c-4d5e-8f90-123456789abc')).toEqual({
      name: 'key',
      id: '1f0e8c1a-2b3c-4d5e-8f90-123456789abc',
    })
  })

  it.each(['#/keys/', '#/keys', '#/keys/a/b', '#/keys/a%20b', '#/mint/', '#/mint?x=1', '#/about/', '#/nope', '#mint'])(
    '%j is not found',
    (hash) => {
      expect(parseRoute(hash)).toEqual({ name: 'notFound' })
    },
  )

  it('parses what paths builds', () => {
    expect(parseRoute(paths.home)).toEqual({ name: 'home' })
    expect(parseRoute(paths.mint)).toEqual({ name: 'mint' })
    expect(parseRoute(paths.about)).toEqual({ name: 'about' })
    expect(parseRoute(paths.stake)).toEqual({ name: 'stake' })
    expect(parseRoute(paths.key('abc-123'))).toEqual({ name: 'key', id: 'abc-123' })
  })
})
