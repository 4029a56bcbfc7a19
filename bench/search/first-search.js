'use strict'
// Bytes of a visitor's first search: the site's own search page against Pagefind on the same built site.
// Not a test: it measures and reports. See bench/README.md ("Search: bytes of a first search").
//
// For every query, in a fresh browser context (empty cache): open the search page over local HTTP (gzip
// on the fly, like a host), type the query, wait until the results have settled, and sum the gzipped
// body bytes of every response fetched that is not "the page itself". The page itself is the search
// page's HTML plus every file an ordinary page of the site also loads (measured by opening the home
// page fresh: the stylesheet, site.js, search.js, the icon...). Everything else the search page fetches
// counts, whether before or after the query is typed (a reader that preloads its manifest pays for it).
// For Pagefind the page itself is the benchmark's test page (bench/search/pagefind-page/, under
// /__bench/); everything under /pagefind/ counts. Pagefind is asked for data() of as many results as
// our page showed for the same query (PAGEFIND_RESULTS=N fixes the number instead).
//
// usage: node first-search.js --site SITE_DIR --queries QUERIES.json [--pagefind BUNDLE_DIR]
//                             [--label NAME] [--budget BYTES] [--json OUT.json]
// env:   TYPE_DELAY_MS=80 (between keystrokes), SETTLE_TIMEOUT_S=120, CHROMIUM=/usr/bin/chromium,
//        SEARCH_INPUT / SEARCH_RESULTS / SEARCH_ITEM / SEARCH_STATUS (see lib/browser.js)
const fs = require('fs')
const path = require('path')
const server = require('./lib/static-server')
const { selectors, launch, freshPage, openSearchPage, waitForQuiet, waitForResults, stats } = require('./lib/browser')

function args () {
  const a = {}; const argv = process.argv.slice(2)
  for (let i = 0; i < argv.length; i += 2) a[argv[i].replace(/^--/, '')] = argv[i + 1]
  if (!a.site || !a.queries) {
    console.error('usage: node first-search.js --site SITE_DIR --queries QUERIES.json [--pagefind BUNDLE_DIR] [--label NAME] [--budget BYTES] [--json OUT.json]')
    process.exit(2)
  }
  return a
}

const typeDelay = Number(process.env.TYPE_DELAY_MS || 80)
const timeoutMs = Number(process.env.SETTLE_TIMEOUT_S || 120) * 1000
const fixedPagefindResults = process.env.PAGEFIND_RESULTS ? Number(process.env.PAGEFIND_RESULTS) : null

// Paths an ordinary page loads besides its own HTML: opened once, fresh, on the home page.
async function commonAssets (browser, srv) {
  const visit = await freshPage(browser)
  srv.log.length = 0
  await visit.page.goto(srv.url + '/', { waitUntil: 'load' })
  await waitForQuiet(visit, { needMutation: false, needItems: false, quietMs: 500 })
  const paths = new Set(srv.log.slice(1).map(e => e.path)) // the first request is the home page's HTML
  await visit.context.close()
  return paths
}

// One first search in a fresh context. isPageItself(path) tells what not to count.
async function firstSearch (browser, srv, pageUrl, query, isPageItself) {
  const visit = await freshPage(browser)
  try {
    srv.log.length = 0
    await openSearchPage(visit, pageUrl)
    const typedAt = srv.log.length
    await visit.page.click(selectors.input)
    await visit.page.keyboard.type(query, { delay: typeDelay })
    const rec = await waitForResults(visit, { timeoutMs, label: `"${query}" on ${pageUrl}` })
    const counted = srv.log.map((e, i) => ({ ...e, afterTyping: i >= typedAt })).filter(e => !isPageItself(e.path))
    const failed = counted.filter(e => e.status !== 200)
    return {
      query,
      items: rec.items,
      bytes: counted.reduce((s, e) => s + e.bytes, 0),
      bytesBeforeTyping: counted.filter(e => !e.afterTyping).reduce((s, e) => s + e.bytes, 0),
      files: counted.length,
      pageItselfBytes: srv.log.filter(e => isPageItself(e.path)).reduce((s, e) => s + e.bytes, 0),
      fetched: counted.map(e => `${e.path} ${e.bytes}${e.afterTyping ? '' : ' (before typing)'}`),
      errors: [...visit.state.errors, ...failed.map(e => `HTTP ${e.status} ${e.path}`)],
    }
  } finally {
    await visit.context.close()
  }
}

const kB = b => (b / 1000).toFixed(1)

// Every query counts, also one that finds nothing: its bytes are what that first search cost.
function summary (rows, engine) {
  const s = stats(rows.map(r => r[engine].bytes))
  const files = stats(rows.map(r => r[engine].files))
  const empty = rows.filter(r => r[engine].items === 0).length
  return { n: rows.length, empty, medianBytes: s.median, maxBytes: s.max, medianFiles: files.median, maxFiles: files.max }
}

function report (label, budget, kinds, hasPagefind, pageItself) {
  const lines = []
  const out = l => { lines.push(l); console.log(l) }
  out(`\n== first search, ${label}: gzipped bytes fetched beyond the page itself (page itself: ${kB(pageItself)} kB, not counted)`)
  for (const [kind, rows] of Object.entries(kinds)) {
    if (!rows.length) continue
    out(`\n${kind} queries (${rows.length})`)
    out(`${'query'.padEnd(32)} ${'ours kB'.padStart(9)} ${'files'.padStart(5)} ${'shown'.padStart(5)}` +
      (hasPagefind ? ` ${'Pagefind kB'.padStart(11)} ${'files'.padStart(5)} ${'shown'.padStart(5)} ${'ours/PF'.padStart(7)}` : ''))
    for (const r of rows) {
      const pf = r.pagefind
      out(`${JSON.stringify(r.query).slice(0, 32).padEnd(32)} ${kB(r.ours.bytes).padStart(9)} ${String(r.ours.files).padStart(5)} ${String(r.ours.items).padStart(5)}` +
        (pf ? ` ${kB(pf.bytes).padStart(11)} ${String(pf.files).padStart(5)} ${String(pf.items).padStart(5)} ${(r.ours.bytes / pf.bytes).toFixed(2).padStart(7)}` : ''))
    }
  }
  out('')
  const result = {}
  for (const [kind, rows] of Object.entries(kinds)) {
    if (!rows.length) continue
    const ours = summary(rows, 'ours')
    const pf = hasPagefind ? summary(rows, 'pagefind') : null
    result[kind] = { ours, pagefind: pf, ratio: pf ? ours.medianBytes / pf.medianBytes : null }
    out(`${label} ${kind.padEnd(8)} ours: median ${kB(ours.medianBytes)} kB, max ${kB(ours.maxBytes)} kB, files median ${ours.medianFiles} max ${ours.maxFiles} (${ours.n} queries, ${ours.empty} without results)` +
      (pf ? `\n${label} ${kind.padEnd(8)} Pagefind: median ${kB(pf.medianBytes)} kB, max ${kB(pf.maxBytes)} kB, files median ${pf.medianFiles} max ${pf.maxFiles} (${pf.empty} without results)` +
        `\n${label} ${kind.padEnd(8)} ours / Pagefind (medians): ${result[kind].ratio.toFixed(2)}   (aim: <= 0.50)` : ''))
  }
  if (budget && result.single) {
    const median = result.single.ours.medianBytes
    out(`${label} budget: median single-word ${kB(median)} kB against <= ${kB(budget)} kB: ${median <= budget ? 'MET' : 'NOT MET'}`)
  }
  return { lines, result }
}

;(async () => {
  const a = args()
  const queries = JSON.parse(fs.readFileSync(a.queries, 'utf8'))
  const site = path.resolve(a.site)
  if (!fs.existsSync(path.join(site, 'search', 'index.html'))) throw new Error(`${site}/search/index.html is missing: build the site first`)
  const hasPagefind = Boolean(a.pagefind)
  if (hasPagefind && !fs.existsSync(path.join(a.pagefind, 'pagefind.js'))) throw new Error(`${a.pagefind}/pagefind.js is missing: run pagefind --site ${site} --output-path ${a.pagefind}`)
  const mounts = { '/__bench/pagefind/': path.join(__dirname, 'pagefind-page') }
  if (hasPagefind) mounts['/pagefind/'] = a.pagefind
  const srv = await server.start({ root: site, mounts })
  const browser = await launch()
  try {
    const common = await commonAssets(browser, srv)
    // /favicon.ico: the browser's own request when a page names no icon, not the search's.
    const oursItself = p => common.has(p) || p === '/search/' || p === '/search/index.html' || p === '/favicon.ico'
    const pagefindItself = p => p.startsWith('/__bench/') || p === '/favicon.ico'
    const kinds = { single: [], two_word: [] }
    let pageItself = 0
    for (const [kind, list] of [['single', queries.singles], ['two_word', queries.pairs]]) {
      for (const { q } of list) {
        const row = { query: q }
        row.ours = await firstSearch(browser, srv, srv.url + '/search/', q, oursItself)
        pageItself = row.ours.pageItselfBytes
        if (hasPagefind) {
          const n = fixedPagefindResults || Math.max(1, row.ours.items)
          row.pagefind = await firstSearch(browser, srv, `${srv.url}/__bench/pagefind/?n=${n}`, q, pagefindItself)
        }
        for (const e of [...row.ours.errors, ...(row.pagefind?.errors || [])]) console.error(`  ${q}: ${e}`)
        if (row.ours.items === 0) console.error(`  "${q}": our page showed no results`)
        process.stderr.write(`  ${kind} "${q}": ours ${kB(row.ours.bytes)} kB in ${row.ours.files} files` +
          (row.pagefind ? `, Pagefind ${kB(row.pagefind.bytes)} kB in ${row.pagefind.files} files` : '') + '\n')
        kinds[kind].push(row)
      }
    }
    const label = a.label || path.basename(path.dirname(site))
    const { lines, result } = report(label, a.budget ? Number(a.budget) : null, kinds, hasPagefind, pageItself)
    if ([...kinds.single, ...kinds.two_word].every(r => r.ours.items === 0)) throw new Error(`no query showed a result item (SEARCH_ITEM="${selectors.item}"): the search UI changed or search is broken`)
    if (a.json) {
      fs.writeFileSync(a.json, JSON.stringify({ label, site, seed: queries.seed, commonAssets: [...common].sort(),
        pageItselfBytes: pageItself, summary: result, queries: kinds, text: lines }, null, 1) + '\n')
    }
  } finally {
    await browser.close()
    await srv.close()
  }
})().catch(e => { console.error(`first-search: ${e.message}`); process.exit(1) })
