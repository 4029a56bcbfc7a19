'use strict'
// One reader, one query three times: with a part's file hidden (the load fails), with it back (the same
// reader loads it then), and again (nothing loaded: the part is kept). Also two queries at once share loads.
// usage: node partitioned-retry.js request.json   request: { manifest, part: path of the part to hide, query }
// output: { first: error, second: result count, loadedAgain: files the third query loaded, concurrent: [files] }
const fs = require('fs')
const { open } = require('./partitioned-reader')

const req = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))

async function main () {
  const { reader, loaded } = open(req.manifest)
  fs.renameSync(req.part, req.part + '.hidden')
  let first = null
  try { await reader.search(req.query) } catch (e) { first = String(e.message || e) }
  fs.renameSync(req.part + '.hidden', req.part)
  const second = (await reader.search(req.query)).length
  const before = loaded.length
  await reader.search(req.query)
  const loadedAgain = loaded.slice(before)

  const other = open(req.manifest)
  await Promise.all([other.reader.search(req.query), other.reader.search(req.query + ' ' + req.query)])
  process.stdout.write(JSON.stringify({ first, second, loadedAgain, concurrent: other.loaded }))
}
main().catch(function (e) { process.stderr.write(String(e.stack || e) + '\n'); process.exit(1) })
