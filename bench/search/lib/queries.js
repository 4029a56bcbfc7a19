'use strict'
// Draws the benchmark's queries from a built site's own text, deterministically for a given seed.
//
// Words are counted in the body text of the site's entry pages (the element with class "entry-body",
// up to the related entries and cited sources; not the facts box, lists, print or trainer copies):
// document frequency = how many pages a word is on. That is the prose a reader searches for; the facts
// box, source lists, citations and the theme's words around annotations are left out (names, dates,
// "Compiled by ... editors": words a search index need not cover).
// Single-word queries are drawn in equal numbers from four bands of document frequency on a log scale
// (from words on one page up to the most common), so both rare and common words are searched.
// Two-word queries are two different words drawn from one page, so they share at least one page.
// Only plain ASCII words of 4-14 letters that are not English function words are drawn: a function word
// is dropped by search engines' stop-word filters and would find nothing, which measures nothing.
const fs = require('fs')
const path = require('path')

const MAX_PAGES = 3000 // enough to rank words by frequency; reading all 25,000 pages at 10,000 entries is slow
const BANDS = 4

const functionWords = new Set(('able about above across after again against almost alone along already also although ' +
  'always among another anyone anything around away because been before behind being below beside besides between ' +
  'beyond both cannot could does doing done down during each either else enough even ever every from further have ' +
  'having here hers herself himself however into itself just least less like likely many might more most much must ' +
  'myself neither never none nothing often once only other others otherwise ourselves over own perhaps rather said ' +
  'same says shall should since some something still such than that their theirs them themselves then there these ' +
  'they this those though through thus together toward towards under unless until upon very wants were what whatever ' +
  'when where whether which while whom whose will with within without would your yours yourself yourselves ' +
  'http https html').split(' '))

// mulberry32: a small seeded generator, so that the same seed draws the same queries.
function generator (seed) {
  let s = 0
  for (const ch of String(seed)) s = (Math.imul(s, 31) + ch.charCodeAt(0)) >>> 0
  s = s || 1
  return () => {
    s = (s + 0x6D2B79F5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function htmlPages (site) {
  const skip = /(^|\/)(print|trainer|tags|search|pagefind|assets)(\/|$)/
  const pages = []
  const walk = dir => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name)
      const rel = path.relative(site, full)
      if (entry.isDirectory()) { if (!skip.test(rel)) walk(full) } else if (entry.name.endsWith('.html')) pages.push(full)
    }
  }
  walk(site)
  return pages
}

// Inside the body, the theme's own words: citations "(Evans 1993)", an annotation's kind, community, date
// and whose words it is, "Add a note from your community", words for screen readers only.
const chrome = /<(p|span|h[2-6])\b[^>]*class="(citation|visually-hidden|note-link|section-intro|annotation-[a-z-]+)\b[^"]*"[^>]*>[\s\S]*?<\/\1>/g

function bodyWords (html) {
  const start = html.indexOf('class="entry-body"')
  if (start < 0) return null // lists, redirect pages and the like have no entry body
  const ends = ['<section ', '</article>', '<footer', '</main>'].map(tag => html.indexOf(tag, start)).filter(i => i > 0)
  const end = Math.min(...ends, html.length)
  const text = html.slice(start, end)
    .replace(/<(script|style|time)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(chrome, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[#a-z0-9]+;/gi, ' ')
    .toLowerCase()
  const words = new Set()
  for (const w of text.split(/[^a-z]+/)) if (w.length >= 4 && w.length <= 14 && !functionWords.has(w)) words.add(w)
  return words
}

function draw (list, random) { return list[Math.floor(random() * list.length)] }

// queriesFor(siteDir, seed, { singles = 24, pairs = 10 }) -> { seed, pages, vocabulary, singles: [{ q, df }], pairs: [{ q }] }
function queriesFor (site, seed, { singles = 24, pairs = 10 } = {}) {
  const random = generator(seed)
  let pages = htmlPages(site)
  if (pages.length > MAX_PAGES) { // a seeded sample, in a stable order
    const chosen = new Set()
    while (chosen.size < MAX_PAGES) chosen.add(Math.floor(random() * pages.length))
    pages = [...chosen].sort((a, b) => a - b).map(i => pages[i])
  }
  const perPage = []
  const df = new Map()
  for (const file of pages) {
    const words = bodyWords(fs.readFileSync(file, 'utf8'))
    if (!words || words.size === 0) continue
    perPage.push([...words].sort())
    for (const w of words) df.set(w, (df.get(w) || 0) + 1)
  }
  if (df.size === 0) throw new Error(`no words found in an element of class "entry-body" on any page under ${site}: is it a built PeerCommons site?`)

  const vocabulary = [...df.keys()].sort()
  const maxDf = Math.max(...df.values())
  const band = w => Math.min(BANDS - 1, Math.floor(BANDS * Math.log(df.get(w)) / Math.log(maxDf + 1)))
  const bands = Array.from({ length: BANDS }, () => [])
  for (const w of vocabulary) bands[band(w)].push(w)

  const single = new Set()
  for (let i = 0; single.size < Math.min(singles, vocabulary.length) && i < singles * 50; i++) {
    const from = bands[i % BANDS].length ? bands[i % BANDS] : vocabulary // an empty band: draw from all words
    single.add(draw(from, random))
  }
  const pair = new Set()
  for (let i = 0; pair.size < pairs && i < pairs * 50; i++) {
    const words = draw(perPage, random)
    if (words.length < 2) continue
    const a = draw(words, random); const b = draw(words, random)
    if (a !== b && !single.has(`${a} ${b}`)) pair.add(`${a} ${b}`)
  }
  return {
    seed: String(seed),
    pages: perPage.length,
    vocabulary: vocabulary.length,
    singles: [...single].map(q => ({ q, df: df.get(q) })),
    pairs: [...pair].map(q => ({ q, df: q.split(' ').map(w => df.get(w)) })),
  }
}

module.exports = { queriesFor }

// node lib/queries.js SITE_DIR SEED [OUT.json]: prints (or writes) the queries; env QUERY_SINGLES=24, QUERY_PAIRS=10
if (require.main === module) {
  const [site, seed, out] = process.argv.slice(2)
  if (!site || seed === undefined) { console.error('usage: node lib/queries.js SITE_DIR SEED [OUT.json]'); process.exit(2) }
  const counts = { singles: Number(process.env.QUERY_SINGLES || 24), pairs: Number(process.env.QUERY_PAIRS || 10) }
  const json = JSON.stringify(queriesFor(site, seed, counts), null, 1)
  if (out) fs.writeFileSync(out, json + '\n'); else console.log(json)
}
