'use strict'
// Builds the lunr.js 2.3.9 index of a JSON array of documents, the same way as PeerCommons.Search.Bench.
// usage: node lunr-build.js input.json output.json ref field[:boost]...
const fs = require('fs')
const path = require('path')
const lunr = require(path.join(__dirname, '..', '..', 'theme', 'node_modules', 'lunr'))
const [input, output, ref, ...fieldSpecs] = process.argv.slice(2)

const t0 = process.hrtime.bigint()
const docs = JSON.parse(fs.readFileSync(input, 'utf8'))
const t1 = process.hrtime.bigint()
const idx = lunr(function () {
  this.ref(ref)
  for (const spec of fieldSpecs) {
    const [name, boost] = spec.split(':')
    this.field(name, { boost: boost ? Number(boost) : 1 })
  }
  for (const d of docs) this.add(d)
})
const t2 = process.hrtime.bigint()
fs.writeFileSync(output, JSON.stringify(idx))
const t3 = process.hrtime.bigint()
const s = (a, b) => (Number(b - a) / 1e9).toFixed(2)
console.log(`lunr.js: ${docs.length} documents, ${Object.keys(idx.invertedIndex).length} terms; read ${s(t0, t1)}s, build ${s(t1, t2)}s, write ${s(t2, t3)}s, total ${s(t0, t3)}s`)
