'use strict'
// Deterministic synthetic English corpus: N documents of about WORDS words each.
// usage: node gen-corpus.js N WORDS SEED out.json
// Word frequencies follow a Zipf law over a vocabulary of common English words plus generated
// English-like words (syllables and suffixes), so the index has a realistic long tail of rare terms.
const fs = require('fs')
const [n, words, seed, out] = [Number(process.argv[2] || 25000), Number(process.argv[3] || 300), Number(process.argv[4] || 42), process.argv[5] || 'docs.json']

let s = seed >>> 0 || 1
function rand () { // mulberry32
  s = (s + 0x6D2B79F5) >>> 0
  let t = s
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = (a) => a[Math.floor(rand() * a.length)]

const common = ('the of and to a in is it you that he was for on are with as his they be at one have this from or had by ' +
  'word but what some we can out other were all there when up use your how said an each she which do their time if will ' +
  'way about many then them write would like so these her long make thing see him two has look more day could go come did ' +
  'number sound no most people my over know water than call first who may down side been now find any new work part take ' +
  'get place made live where after back little only round man year came show every good me give our under name very through ' +
  'just form sentence great think say help low line differ turn cause much mean before move right boy old too same tell does ' +
  'set three want air well also play small end put home read hand port large spell add even land here must big high such ' +
  'follow act why ask men change went light kind off need house picture try us again animal point mother world near build ' +
  'self earth father head stand own page should country found answer school grow study still learn plant cover food sun four ' +
  'between state keep eye never last let thought city tree cross farm hard start might story saw far sea draw left late run ' +
  'while press close night real life few north open seem together next white children begin got walk example ease paper group ' +
  'always music those both mark often letter until mile river car feet care second book carry took science eat room friend ' +
  'began idea fish mountain stop once base hear horse cut sure watch color face wood main enough plain girl usual young ready ' +
  'above ever red list though feel talk bird soon body dog family direct pose leave song measure door product black short ' +
  'numeral class wind question happen complete ship area half rock order fire south problem piece told knew pass since top ' +
  'whole king space heard best hour better true during hundred five remember step early hold west ground interest reach fast ' +
  'verb sing listen six table travel less morning ten simple several vowel toward war lay against pattern slow center love ' +
  'person money serve appear road map rain rule govern pull cold notice voice unit power town fine certain fly fall lead cry ' +
  'dark machine note wait plan figure star box noun field rest correct able pound done beauty drive stood contain front teach ' +
  'week final gave green oh quick develop ocean warm free minute strong special mind behind clear tail produce fact street ' +
  'inch multiply nothing course stay wheel full force blue object decide surface deep moon island foot system busy test record ' +
  'boat common gold possible plane stead dry wonder laugh thousand ago ran check game shape equate hot miss brought heat snow ' +
  'tire bring yes distant fill east paint language among community garden volunteer library neighbour council meeting organise').split(' ')
const onsets = ['b', 'c', 'd', 'f', 'g', 'h', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'br', 'cr', 'dr', 'gr', 'pl', 'st', 'tr', 'ch', 'sh', 'th', 'sp', 'cl']
const vowels = ['a', 'e', 'i', 'o', 'u', 'ea', 'ai', 'ou', 'io', 'y']
const codas = ['', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ck', 'ng', 'rt']
const suffixes = ['', '', '', 's', 'ed', 'ing', 'er', 'ers', 'ly', 'ness', 'ment', 'ation', 'al', 'ive', 'able', 'ity', 'ism', 'ist', 'ful', 'ise']
const vocab = common.slice()
const seen = new Set(vocab)
while (vocab.length < 40000) {
  let w = ''
  const syl = 1 + Math.floor(rand() * 3)
  for (let i = 0; i < syl; i++) w += pick(onsets) + pick(vowels) + pick(codas)
  w += pick(suffixes)
  if (!seen.has(w)) { seen.add(w); vocab.push(w) }
}
// Zipf sampling by inverse CDF over ranks
const weights = vocab.map((_, i) => 1 / Math.pow(i + 1, 1.07))
const cdf = new Float64Array(vocab.length)
let acc = 0
for (let i = 0; i < vocab.length; i++) { acc += weights[i]; cdf[i] = acc }
function zipfWord () {
  const x = rand() * acc
  let lo = 0; let hi = cdf.length - 1
  while (lo < hi) { const mid = (lo + hi) >> 1; if (cdf[mid] < x) lo = mid + 1; else hi = mid }
  return vocab[lo]
}
function sentence (len) {
  const ws = []
  for (let i = 0; i < len; i++) ws.push(zipfWord())
  ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1)
  let text = ws.join(' ')
  if (rand() < 0.3) text = text.replace(' ', ', ')
  return text + (rand() < 0.9 ? '.' : '?')
}
const stream = fs.createWriteStream(out)
stream.write('[')
for (let d = 0; d < n; d++) {
  const body = []
  let count = 0
  const target = Math.round(words * (0.5 + rand()))
  while (count < target) { const len = 6 + Math.floor(rand() * 18); body.push(sentence(len)); count += len }
  const title = sentence(3 + Math.floor(rand() * 6)).slice(0, -1)
  const doc = { id: 'entries/' + zipfWord() + '-' + d + '/', title, body: body.join(' ') }
  stream.write((d ? ',\n' : '\n') + JSON.stringify(doc))
}
stream.write('\n]\n')
stream.end()
