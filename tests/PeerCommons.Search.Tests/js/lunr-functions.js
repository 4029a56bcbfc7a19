'use strict'
// Runs one lunr.js pipeline function (or a JS primitive lunr relies on) over a list of inputs.
// usage: node lunr-functions.js request.json   (prints a JSON array, one result per input)
// request: { op, inputs: [...] }
const fs = require('fs')
const lunr = require('./lunr-path').loadLunr()

const req = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
const ops = {
  stem: (w) => lunr.stemmer(new lunr.Token(w)).toString(),
  trim: (w) => lunr.trimmer(new lunr.Token(w)).toString(),
  stopword: (w) => lunr.stopWordFilter(new lunr.Token(w)) === undefined,
  tokenize: (s) => lunr.tokenizer(s).map((t) => [t.str, t.metadata.position[0], t.metadata.position[1], t.metadata.index]),
  pipeline: (s) => {
    const p = new lunr.Pipeline()
    p.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer)
    return p.run(lunr.tokenizer(s)).map((t) => t.toString())
  },
  queryTerms: (s) => lunr.Pipeline.load(['stemmer']).runString(s.toLowerCase()),
  lower: (s) => s.toLowerCase(),
  log: (x) => Math.log(x),
  numberString: (x) => String(x),
  bm25: (a) => {
    // [idf args..., tf, fieldLength, avg, boost, docBoost] -> lunr's rounded score
    const [documentCount, docsWithTerm, tf, fieldLength, avg, fieldBoost, docBoost] = a
    const x = (documentCount - docsWithTerm + 0.5) / (docsWithTerm + 0.5)
    const idf = Math.log(1 + Math.abs(x))
    let score = idf * ((1.2 + 1) * tf) / (1.2 * (1 - 0.75 + 0.75 * (fieldLength / avg)) + tf)
    score *= fieldBoost
    score *= docBoost
    return Math.round(score * 1000) / 1000
  }
}
const fn = ops[req.op]
if (!fn) { process.stderr.write('unknown op ' + req.op + '\n'); process.exit(2) }
process.stdout.write(JSON.stringify(req.inputs.map(fn)))
