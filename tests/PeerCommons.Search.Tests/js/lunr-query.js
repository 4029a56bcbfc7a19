'use strict'
// Loads serialized indexes with lunr.Index.load and runs queries against each.
// usage: node lunr-query.js request.json   (prints JSON to stdout)
// request: { indexes: [path, ...], queries: [string, ...] }
// output: [ [ {query, error?, results: [{ref, score, matchData}]} per query ] per index ]
const fs = require('fs')
const lunr = require('./lunr-path').loadLunr()

const req = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
const out = req.indexes.map(function (p) {
  const idx = lunr.Index.load(JSON.parse(fs.readFileSync(p, 'utf8')))
  return req.queries.map(function (q) {
    try {
      return {
        query: q,
        results: idx.search(q).map(function (r) {
          return { ref: r.ref, score: r.score, matchData: r.matchData.metadata }
        })
      }
    } catch (e) {
      return { query: q, error: String(e.message || e), results: [] }
    }
  })
})
process.stdout.write(JSON.stringify(out))
