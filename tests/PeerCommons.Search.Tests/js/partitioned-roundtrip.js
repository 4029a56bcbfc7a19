'use strict'
// Decodes every part of a partitioned index with the reader and compares it with the whole lunr index it
// was written from: each term's _index, per field the documents holding it (in the order lunr enumerates
// them) and the weight each document's field vector gives it; and the term list.
// usage: node partitioned-roundtrip.js request.json   request: { index, manifest }
// output: { terms, postings, mismatches: [first 20 differences] }
const fs = require('fs')
const { open } = require('./partitioned-reader')

const req = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
const whole = JSON.parse(fs.readFileSync(req.index, 'utf8'))
const vectors = new Map(whole.fieldVectors.map(function (v) {
  const weights = new Map()
  for (let i = 0; i < v[1].length; i += 2) weights.set(v[1][i], v[1][i + 1])
  return [v[0], weights]
}))

async function main () {
  const { reader } = open(req.manifest)
  const decoded = await reader.decodeAll()
  const lexicon = await reader.terms()
  const mismatches = []
  let postings = 0
  const differ = function (what) { if (mismatches.length < 20) mismatches.push(what) }
  const expectedTerms = whole.invertedIndex.map(function (t) { return t[0] })
  if (JSON.stringify(lexicon) !== JSON.stringify(expectedTerms)) differ('term list differs from the index\'s terms')
  if (JSON.stringify(Object.keys(decoded).sort()) !== JSON.stringify(expectedTerms.slice().sort())) differ('the parts hold other terms than the index')
  for (const [term, posting] of whole.invertedIndex) {
    const got = decoded[term]
    if (!got) { differ('term ' + JSON.stringify(term) + ' is in no part'); continue }
    if (got._index !== posting._index) differ(term + ': _index ' + got._index + ', expected ' + posting._index)
    for (const field of whole.fields) {
      const refs = Object.keys(posting[field])
      const gotRefs = Object.keys(got[field])
      if (JSON.stringify(refs) !== JSON.stringify(gotRefs)) { differ(term + '/' + field + ': documents ' + gotRefs.join(' ') + ', expected ' + refs.join(' ')); continue }
      for (const ref of refs) {
        postings++
        const expected = vectors.get(field + '/' + ref).get(posting._index)
        if (got[field][ref] !== expected) differ(term + '/' + field + '/' + ref + ': weight ' + got[field][ref] + ', expected ' + expected)
      }
    }
  }
  process.stdout.write(JSON.stringify({ terms: Object.keys(decoded).length, postings, mismatches }))
}
main().catch(function (e) { process.stderr.write(String(e.stack || e) + '\n'); process.exit(1) })
