'use strict'
// Locates theme/node_modules/lunr from the repository root (walks up to PeerCommons.sln).
const fs = require('fs')
const path = require('path')

function repoRoot () {
  let dir = __dirname
  for (;;) {
    if (fs.existsSync(path.join(dir, 'PeerCommons.sln'))) return dir
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('PeerCommons.sln not found above ' + __dirname)
    dir = parent
  }
}

function loadLunr () {
  const p = path.join(repoRoot(), 'theme', 'node_modules', 'lunr')
  if (!fs.existsSync(path.join(p, 'package.json'))) {
    process.stderr.write('lunr.js is not installed: run `npm ci --prefix theme`\n')
    process.exit(3)
  }
  const lunr = require(p)
  if (lunr.version !== '2.3.9') {
    process.stderr.write('expected lunr 2.3.9, found ' + lunr.version + '\n')
    process.exit(3)
  }
  return lunr
}

module.exports = { repoRoot, loadLunr }
