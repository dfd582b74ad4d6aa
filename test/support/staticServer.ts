import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

/** An IPFS-gateway-like sub-path the suite also serves the same files from. */
export const IPFS_PREFIX = '/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi'

/**
 * Serves a built `dist/` as a static host would: at `/` and under an IPFS gateway path, with no
 * rewrites (hash routing needs none).
 */
export function startStaticServer(
  root: string,
  port: number,
): Promise<{ url: string; subPathUrl: string; stop: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    let path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    if (path.startsWith(`${IPFS_PREFIX}/`)) path = path.slice(IPFS_PREFIX.length)
    if (path.endsWith('/')) path += 'index.html'
    const file = normalize(join(root, path))
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('not found')
      return
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' })
    createReadStream(file).pipe(response)
  })
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${port}/`,
        subPathUrl: `http://127.0.0.1:${port}${IPFS_PREFIX}/`,
        stop: () => new Promise<void>((done) => server.close(() => done())),
      }),
    )
  })
}
