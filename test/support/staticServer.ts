import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { gzipSync } from 'node:zlib'

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
 * rewrites (hash routing needs none). `gzip` compresses text as real hosts do (for timings on a
 * throttled network).
 */
export function startStaticServer(
  root: string,
  port: number,
  { gzip = false }: { gzip?: boolean } = {},
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
    const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' }
    if (gzip && /\.(html|js|css|svg|json)$/.test(file) && /\bgzip\b/.test(String(request.headers['accept-encoding']))) {
      response.writeHead(200, { ...headers, 'Content-Encoding': 'gzip' }).end(gzipSync(readFileSync(file)))
      return
    }
    response.writeHead(200, headers)
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
