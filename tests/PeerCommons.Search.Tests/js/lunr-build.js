'use strict'
// Builds a lunr.js index and writes JSON.stringify(index).
// usage: node lunr-build.js request.json
// request: { docsPath, ref, fields: [{name, boost}], boostField?, metadataWhitelist?, out }
const fs = require('fs')
const lunr = require('./lunr-path').loadLunr()

const req = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
const docs = JSON.parse(fs.readFileSync(req.docsPath, 'utf8'))
const idx = lunr(function () {
  this.ref(req.ref)
  for (const f of req.fields) this.field(f.name, { boost: f.boost })
  this.metadataWhitelist = req.metadataWhitelist || []
  for (const d of docs) {
    const boost = req.boostField && d[req.boostField] != null ? d[req.boostField] : undefined
    this.add(d, boost === undefined ? undefined : { boost })
  }
})
fs.writeFileSync(req.out, JSON.stringify(idx))
