'use strict'
// Opens a partitioned index (PartitionedIndexWriter) with the theme's own reader, theme/assets/search-reader.js
// and its scoring (search-score.js), loading each file as the browser would run its <script src>, and records
// which files it loads.
const fs = require('fs')
const path = require('path')
const vm = require('vm')
const { repoRoot, loadLunr } = require('./lunr-path')

const lunr = loadLunr()
globalThis.lunr = lunr
require(path.join(repoRoot(), 'theme', 'assets', 'search-score.js'))
require(path.join(repoRoot(), 'theme', 'assets', 'search-reader.js'))

function open (manifestPath) {
  const loaded = []
  const reader = globalThis.PeerCommonsSearchIndex.open(manifestPath, {
    lunr,
    load (src) {
      return new Promise(function (resolve, reject) {
        loaded.push(path.relative(path.dirname(manifestPath), src).split(path.sep).join('/'))
        let text
        try { text = fs.readFileSync(src, 'utf8') } catch (e) { reject(e); return }
        vm.runInThisContext(text, { filename: src })
        resolve()
      })
    }
  })
  return { reader, loaded }
}

function results (found) {
  return found.map(function (r) { return { ref: r.ref, score: r.score, matchData: r.matchData.metadata } })
}

module.exports = { lunr, open, results }
