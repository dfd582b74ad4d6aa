import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'

const TAG = /<(script|link)\b[^>]*>/g
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]

export function sha384(bytes: Uint8Array): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`
}

/** The local file a tag loads and that SRI applies to: scripts, module preloads, style sheets. */
export function integrityTarget(tag: string): string | undefined {
  const url = tag.startsWith('<script') ? attribute(tag, 'src') : attribute(tag, 'href')
  if (!url || /^[a-z][a-z\d+.-]*:|^\/\//i.test(url)) return undefined
  if (tag.startsWith('<link') && !['stylesheet', 'modulepreload'].includes(attribute(tag, 'rel') ?? '')) return undefined
  return url.replace(/^\.?\//, '')
}

/** Adds `integrity` to every script, module preload and style sheet tag, from the file it names. */
export function addIntegrity(html: string, read: (path: string) => Uint8Array): string {
  return html.replace(TAG, (tag) => {
    const target = integrityTarget(tag)
    if (target === undefined || attribute(tag, 'integrity') !== undefined) return tag
    return tag.replace(/\s*\/?>$/, (end) => ` integrity="${sha384(read(target))}"${end}`)
  })
}

/**
 * Subresource Integrity for what index.html loads. Runs after the files are written, so the
 * hashes are of the exact bytes served. Chunks loaded later by `import()` are not covered:
 * HTML gives no place for their hashes (see docs/releases.md).
 */
export function subresourceIntegrity(): Plugin {
  return {
    name: 'subresource-integrity',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir!
      const page = join(dir, 'index.html')
      writeFileSync(
        page,
        addIntegrity(readFileSync(page, 'utf8'), (path) => readFileSync(join(dir, path))),
      )
    },
  }
}
