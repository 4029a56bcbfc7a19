'use strict'
// Runs queries with lunr.js over a whole serialized index and with the reader over the partitioned index
// written from it. usage: node partitioned-query.js request.json   (prints JSON to stdout)
// request: { index: lunr JSON path, manifest: index.js path, queries: [string], typed?: true }
// With typed, each query is taken as search.js's fallback for typed text takes it: idx.query(fn) where fn adds
// every word with a trailing wildcard (lunr.Query.wildcard.TRAILING), through lunr's search pipeline.
// output: { lunr: [{query, error?, results}], parts: [{query, error?, results, loaded: [files]}] }
// Each query of "parts" runs on a freshly opened reader, so "loaded" is what a first search fetches.
const fs = require('fs')
const { lunr, open, results } = require('./partitioned-reader')

const req = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
const idx = lunr.Index.load(JSON.parse(fs.readFileSync(req.index, 'utf8')))
const typed = function (text) {
  return function (q) { text.split(' ').forEach(function (w) { q.term(w, { wildcard: lunr.Query.wildcard.TRAILING }) }) }
}
const ask = function (index, q) { return req.typed ? index.query(typed(q)) : index.search(q) }
const fromLunr = req.queries.map(function (q) {
  try { return { query: q, results: results(ask(idx, q)) } } catch (e) { return { query: q, error: String(e.message || e), results: [] } }
})

async function main () {
  const fromParts = []
  for (const q of req.queries) {
    const { reader, loaded } = open(req.manifest)
    try {
      fromParts.push({ query: q, results: results(await ask(reader, q)), loaded })
    } catch (e) {
      fromParts.push({ query: q, error: String(e.message || e), results: [], loaded })
    }
  }
  process.stdout.write(JSON.stringify({ lunr: fromLunr, parts: fromParts }))
}
main().catch(function (e) { process.stderr.write(String(e.stack || e) + '\n'); process.exit(1) })
