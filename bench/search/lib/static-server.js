'use strict'
// A tiny static HTTP server that behaves like a static host for the measurements: text files are gzipped
// on the fly (level 6, the zlib default most hosts use), files that are already compressed (Pagefind's
// index parts) are sent as they are, and every response's body bytes as sent are logged, so a benchmark
// sums exactly what went over the wire (headers not counted).
//
// Extra folders can be mounted under a URL prefix (Pagefind's bundle, the benchmark's own test pages)
// so the built site itself is never modified.
const http = require('http')
const fs = require('fs')
const path = require('path')
const zlib = require('zlib')

const types = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.xml': 'application/xml; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8', '.wasm': 'application/wasm', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.webp': 'image/webp', '.woff2': 'font/woff2', '.ico': 'image/x-icon',
}
// Worth gzipping: text. Anything else (images, fonts, Pagefind's gzip-compressed .pf_* parts and wasm) goes as is.
const compressible = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.map', '.wasm'])

function alreadyGzipped (buffer) { return buffer.length > 2 && buffer[0] === 0x1f && buffer[1] === 0x8b }

// start({ root, mounts: { '/prefix/': dir } }) -> Promise<{ url, log, close() }>
function start ({ root, mounts = {} }) {
  root = path.resolve(root)
  mounts = Object.fromEntries(Object.entries(mounts).map(([prefix, dir]) => [prefix, path.resolve(dir)]))
  const log = []
  const gzCache = new Map() // file path -> gzipped body (files are not changed while the server runs)

  function resolve (urlPath) {
    let base = root; let rest = urlPath
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (urlPath.startsWith(prefix)) { base = dir; rest = urlPath.slice(prefix.length - 1); break }
    }
    const file = path.join(base, rest)
    if (!file.startsWith(path.resolve(base))) return null // no "../" out of the served folder
    try {
      const stat = fs.statSync(file)
      if (stat.isDirectory()) return fs.existsSync(path.join(file, 'index.html')) ? path.join(file, 'index.html') : null
      return file
    } catch { return null }
  }

  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://localhost').pathname)
    const file = resolve(urlPath)
    const entry = { path: urlPath, status: 404, bytes: 0, encoding: 'identity', at: Date.now() }
    log.push(entry)
    if (!file) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('not found'); return }
    const ext = path.extname(file).toLowerCase()
    let body = fs.readFileSync(file)
    const headers = { 'Content-Type': types[ext] || 'application/octet-stream', 'Cache-Control': 'public, max-age=600' }
    if (compressible.has(ext) && !alreadyGzipped(body) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      if (!gzCache.has(file)) gzCache.set(file, zlib.gzipSync(body, { level: 6 }))
      body = gzCache.get(file)
      headers['Content-Encoding'] = 'gzip'
      headers.Vary = 'Accept-Encoding'
      entry.encoding = 'gzip'
    }
    headers['Content-Length'] = body.length
    entry.status = 200
    entry.bytes = req.method === 'HEAD' ? 0 : body.length
    res.writeHead(200, headers)
    res.end(req.method === 'HEAD' ? undefined : body)
  })
  server.keepAliveTimeout = 1000

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      resolvePromise({
        url: `http://127.0.0.1:${port}`,
        log,
        close: () => new Promise(done => { server.closeAllConnections?.(); server.close(done) }),
      })
    })
  })
}

module.exports = { start }
